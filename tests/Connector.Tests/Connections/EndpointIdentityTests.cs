using Sdv.Connector.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

public sealed class EndpointIdentityTests(TempFolder folder) : IClassFixture<TempFolder>
{
    private DatabaseEndpoint Parse(string text, string? engine = null, string role = "target") =>
        EndpointParser.Parse(folder.Expand(text), engine, null, role, _ => null);

    private static void AssertAllSame(IReadOnlyList<DatabaseEndpoint> endpoints)
    {
        foreach (var a in endpoints)
        {
            foreach (var b in endpoints)
            {
                Assert.True(EndpointIdentity.SameDatabase(a, b), $"{a} and {b} should be the same database");
            }
        }
    }

    [Fact]
    public void PostgreSQL_on_this_machine_is_the_same_however_spelled()
    {
        AssertAllSame(
        [
            Parse("postgresql://alice@localhost/sales"),
            Parse("postgres://bob:pw@127.0.0.1:5432/sales"),
            Parse("postgresql://bob@[::1]/sales?sslmode=disable"),
            Parse("postgresql://bob@LOCALHOST./sales"),
            Parse("Host=::1;Database=sales;Username=x", "postgresql"),
            Parse("Host=localhost:5432;Database=sales", "postgres"),
            Parse("Host=/var/run/postgresql;Database=sales", "postgresql"),
            Parse($"postgresql://bob@{Environment.MachineName}/sales"),
        ]);
    }

    [Fact]
    public void MySQL_and_MariaDB_names_ignore_case()
    {
        AssertAllSame(
        [
            Parse("mysql://u@LOCALHOST/Shop"),
            Parse("mariadb://other@127.0.0.1:3306/shop"),
            Parse("Server=localhost;Database=SHOP;User ID=u", "mariadb"),
        ]);
    }

    [Fact]
    public void SQL_Server_data_sources_are_read_apart()
    {
        AssertAllSame(
        [
            Parse("sqlserver://sa@localhost/Northwind"),
            Parse("mssql://sa@127.0.0.1:1433/northwind"),
            Parse("Data Source=tcp:127.0.0.1,1433;Initial Catalog=NORTHWIND;User ID=sa", "sqlserver"),
            Parse("Server=.;Database=northwind;Integrated Security=true", "sqlserver"),
            Parse("Server=(local);Database=Northwind;Integrated Security=true", "sqlserver"),
        ]);
    }

    [Fact]
    public void A_SQLite_file_is_the_same_through_relative_paths_dots_and_links()
    {
        var file = Path.Combine(folder.Root, "source.db");
        var fileLink = Path.Combine(folder.Root, "link-to-source.db");
        var folderLink = Path.Combine(folder.Root, "linked-folder");
        if (!File.Exists(fileLink))
        {
            File.CreateSymbolicLink(fileLink, "source.db"); // relative target, resolved against the link's folder
            Directory.CreateSymbolicLink(folderLink, folder.Root);
        }

        AssertAllSame(
        [
            Parse("{dir}/source.db", role: "source"),
            Parse("sqlite://{dir}/source.db", role: "source"),
            Parse("sqlite://{dir}/sub/../source.db"),
            Parse("sqlite://" + Path.GetRelativePath(Directory.GetCurrentDirectory(), file)),
            Parse($"Data Source={file}", "sqlite"),
            Parse("{dir}/link-to-source.db", role: "source"),
            Parse("{dir}/linked-folder/source.db"),
            Parse("{dir}/linked-folder/link-to-source.db"),
        ]);
    }

    [Fact]
    public void A_CSV_folder_is_the_same_with_or_without_a_trailing_slash_or_through_a_link()
    {
        var link = Path.Combine(folder.Root, "extracts-link");
        if (!Directory.Exists(link))
        {
            Directory.CreateSymbolicLink(link, Path.Combine(folder.Root, "extracts"));
        }

        AssertAllSame(
        [
            Parse("{dir}/extracts"),
            Parse("{dir}/extracts/"),
            Parse("csv://{dir}/extracts"),
            Parse("csv://{dir}/sub/../extracts/"),
            Parse("{dir}/extracts-link"),
        ]);
    }

    [Theory]
    [InlineData("postgresql://u@db/sales", "postgresql://u@db/Sales")] // PostgreSQL names are case-sensitive
    [InlineData("postgresql://u@db/sales", "postgresql://u@db:5433/sales")]
    [InlineData("postgresql://u@db/sales", "postgresql://u@db2/sales")]
    [InlineData("postgresql://u@localhost/sales", "postgresql://u@127.0.0.2.example/sales")]
    [InlineData("postgresql://u@localhost/sales", "mysql://u@localhost/sales")]
    [InlineData("mysql://u@localhost/shop", "mysql://u@localhost:3307/shop")]
    [InlineData("mysql://u@localhost/shop", "mysql://u@localhost/shop2")]
    [InlineData("sqlserver://sa@h/db", "sqlserver://sa@h:1434/db")]
    [InlineData("sqlserver://sa@h/db", "sqlserver://sa@h%5CINST/db")]
    [InlineData("{dir}/source.db", "{dir}/data.sqlite")]
    [InlineData("{dir}/extracts", "{dir}/sub")]
    [InlineData("{dir}/extracts", "sqlite://{dir}/extracts.db")]
    public void Different_databases_are_not_the_same(string a, string b)
    {
        Assert.False(EndpointIdentity.SameDatabase(Parse(a), Parse(b)));
        Assert.NotEqual(Parse(a).Identity, Parse(b).Identity);
    }

    [Fact]
    public void SQL_Server_names_an_instance_without_a_port()
    {
        var endpoint = Parse("sqlserver://sa@h%5CSQLEXPRESS/db");

        Assert.Null(endpoint.Port);
        Assert.Equal(@"h\SQLEXPRESS", endpoint.Identity.Location);
        Assert.Equal("sqlserver://sa@h\\SQLEXPRESS/db", endpoint.Redacted);
    }
}
