using Sdv.Connector.Engines;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Pipeline;

/// <summary>The seeded profile sample of each engine, pinned as SQL: a quarter of a table's rows, at most 50, where a is set.</summary>
public sealed class ProfileSamplingTests
{
    private static readonly TableSchema Table = new()
    {
        Name = new QualifiedName("s", "t"),
        Columns = [Column(1, "id"), Column(2, "a"), Column(3, "b")],
        PrimaryKey = new KeySchema("pk", ["id"]),
    };

    [Theory]
    [InlineData(DatabaseEngine.PostgreSql, 100L,
        "SELECT \"a\", \"b\" FROM \"s\".\"t\" TABLESAMPLE BERNOULLI (25) REPEATABLE (7) WHERE \"a\" IS NOT NULL LIMIT 50")]
    [InlineData(DatabaseEngine.PostgreSql, 2_000_000L,
        "SELECT \"a\", \"b\" FROM \"s\".\"t\" TABLESAMPLE SYSTEM (25) REPEATABLE (7) WHERE \"a\" IS NOT NULL LIMIT 50")]
    [InlineData(DatabaseEngine.SqlServer, 100L,
        "SELECT TOP (50) [a], [b] FROM [s].[t] TABLESAMPLE (25 PERCENT) REPEATABLE (7) WHERE [a] IS NOT NULL")]
    [InlineData(DatabaseEngine.MySql, 100L,
        "SELECT `a`, `b` FROM `s`.`t` WHERE `a` IS NOT NULL AND CRC32(CONCAT_WS('|', 7, `id`)) < 1073741824 LIMIT 50")]
    [InlineData(DatabaseEngine.Sqlite, 100L,
        "SELECT \"a\", \"b\" FROM \"s\".\"t\" WHERE \"a\" IS NOT NULL AND ((abs(rowid) % 2147483647) * 1327217885 + 7) % 2147483647 < 536870911 LIMIT 50")]
    public void Samples_a_quarter_of_the_rows_in_the_engines_own_sql(DatabaseEngine engine, long tableRows, string expected)
    {
        var sql = ProfileSampling.Select(EngineAdapters.For(engine), new ProfileSampleRequest(Table, ["a", "b"], Fraction: 0.25, tableRows, Seed: 7, Limit: 50, NotNull: "a"));
        Assert.Equal(expected, sql);
    }

    [Theory]
    [InlineData(DatabaseEngine.PostgreSql, "SELECT \"a\" FROM \"s\".\"t\" LIMIT 50")]
    [InlineData(DatabaseEngine.SqlServer, "SELECT TOP (50) [a] FROM [s].[t]")]
    [InlineData(DatabaseEngine.MySql, "SELECT `a` FROM `s`.`t` LIMIT 50")]
    [InlineData(DatabaseEngine.Sqlite, "SELECT \"a\" FROM \"s\".\"t\" LIMIT 50")]
    public void Reads_the_whole_table_without_a_sampling_clause(DatabaseEngine engine, string expected)
    {
        Assert.Equal(expected, ProfileSampling.Select(EngineAdapters.For(engine), new ProfileSampleRequest(Table, ["a"], Fraction: 1, TableRows: 100, Seed: 7, Limit: 50)));
    }

    [Fact]
    public void Numbers_the_rows_of_a_sqlite_table_without_rowid_in_key_order()
    {
        var table = Table with { Annotations = new Dictionary<string, string> { ["sqlite:without_rowid"] = "true" } };
        var sql = ProfileSampling.Select(EngineAdapters.For(DatabaseEngine.Sqlite), new ProfileSampleRequest(table, ["a"], Fraction: 0.25, TableRows: 100, Seed: 7, Limit: 50));
        Assert.Equal("SELECT \"a\" FROM (SELECT \"a\", ROW_NUMBER() OVER (ORDER BY \"id\") AS sdv_profile_row FROM \"s\".\"t\") numbered"
            + " WHERE ((abs(sdv_profile_row) % 2147483647) * 1327217885 + 7) % 2147483647 < 536870911 LIMIT 50", sql);
    }

    private static ColumnSchema Column(int ordinal, string name) =>
        new() { Name = name, Ordinal = ordinal, NativeType = "integer", LogicalType = LogicalType.Int64, IsNullable = true };
}
