using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

/// <summary>The schemes come from the engines' adapters; the names and messages users see stay as documented.</summary>
public sealed class EndpointSchemeTests
{
    [Theory]
    [InlineData("postgresql", "postgresql", DatabaseEngine.PostgreSql)]
    [InlineData("POSTGRES", "postgresql", DatabaseEngine.PostgreSql)]
    [InlineData("mysql", "mysql", DatabaseEngine.MySql)]
    [InlineData("mariadb", "mariadb", DatabaseEngine.MySql)]
    [InlineData("mssql", "sqlserver", DatabaseEngine.SqlServer)]
    [InlineData("sqlite3", "sqlite", DatabaseEngine.Sqlite)]
    public void A_scheme_or_its_alias_names_its_engine(string typed, string name, DatabaseEngine engine)
    {
        var scheme = EndpointScheme.FromScheme(typed);
        Assert.NotNull(scheme);
        Assert.Equal((name, engine), (scheme.Name, scheme.Engine));
    }

    [Fact]
    public void Csv_is_a_folder_and_an_unknown_scheme_is_nothing()
    {
        Assert.Equal(EndpointKind.CsvFolder, EndpointScheme.FromScheme("csv")?.Kind);
        Assert.Null(EndpointScheme.FromScheme("oracle"));
        Assert.Null(EndpointScheme.FromEngineOption("csv"));
    }

    [Fact]
    public void Only_sqlite_opens_a_file() =>
        Assert.Equal(["sqlite"], EndpointScheme.KnownSchemes.Select(EndpointScheme.FromScheme).Where(s => s!.OpensFile).Select(s => s!.Name).Distinct());

    [Fact]
    public void The_lists_in_messages_read_as_documented()
    {
        Assert.Equal(["postgresql", "postgres", "mysql", "mariadb", "sqlserver", "mssql", "sqlite", "sqlite3", "csv"], EndpointScheme.KnownSchemes);
        Assert.Equal("use postgresql://, mysql://, mariadb://, sqlserver://, sqlite:///, csv:/// or a .db/.sqlite file path", EndpointScheme.UrlChoices);
        Assert.Equal("postgresql, mysql, mariadb, sqlserver or sqlite", EndpointScheme.EngineChoices);
        Assert.Equal("sqlserver", EndpointScheme.Closest("sqlsrver"));
    }
}
