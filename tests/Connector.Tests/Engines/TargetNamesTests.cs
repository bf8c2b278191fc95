using Sdv.Connector.Engines;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Engines;

/// <summary>Names a target cannot hold, renamed by one rule (TargetNames), and the evaluation finding them under those names.</summary>
public sealed class TargetNamesTests
{
    private static TableSchema Table(string? schema, string name, params string[] columns) => new()
    {
        Name = new QualifiedName(schema, name),
        Columns = [.. columns.Select((c, i) => new ColumnSchema { Name = c, Ordinal = i + 1, NativeType = "int", LogicalType = LogicalType.Int32, IsNullable = true })],
    };

    private static Dictionary<QualifiedName, QualifiedName> TableNames(DatabaseEngine engine, List<string> warnings, params TableSchema[] tables) =>
        TargetNames.Tables(tables, static t => new QualifiedName(null, t.Name.Name), EngineAdapters.For(engine).Dialect, engine, warnings);

    [Theory]
    [InlineData(DatabaseEngine.Sqlite, "order_2")]
    [InlineData(DatabaseEngine.SqlServer, "order_2")]
    [InlineData(DatabaseEngine.PostgreSql, "order")]
    [InlineData(DatabaseEngine.MySql, "order")]
    public void Tables_that_differ_only_in_case_are_told_apart_where_the_target_ignores_case(DatabaseEngine engine, string lower)
    {
        var warnings = new List<string>();
        var names = TableNames(engine, warnings, Table("shop", "order"), Table("shop", "Order"), Table("shop", "order_2"));
        Assert.Equal("Order", names[new QualifiedName("shop", "Order")].Name);
        // A name the source itself uses is never taken by a renamed table.
        Assert.Equal("order_2", names[new QualifiedName("shop", "order_2")].Name);
        Assert.Equal(lower == "order" ? "order" : "order_3", names[new QualifiedName("shop", "order")].Name);
        Assert.Equal(lower == "order" ? 0 : 1, warnings.Count);
    }

    [Fact]
    public void Tables_of_two_schemas_keep_the_schema_prefix_they_had()
    {
        var warnings = new List<string>();
        var names = TableNames(DatabaseEngine.Sqlite, warnings, Table("b", "t"), Table("a", "t"));
        Assert.Equal("t", names[new QualifiedName("a", "t")].Name);
        Assert.Equal("b_t", names[new QualifiedName("b", "t")].Name);
        Assert.Equal("Table b.t is written as b_t: another schema has a table of the same name.", Assert.Single(warnings));
    }

    [Fact]
    public void Names_with_an_emoji_or_too_long_for_mariadb_are_spelled_out_and_cut_and_keys_follow()
    {
        var warnings = new List<string>();
        var parent = Table(null, "log🔥", "id🔥", "note🔥", "note_U1F525") with { PrimaryKey = new KeySchema(null, ["id🔥"]) };
        var child = Table(null, "entry", "id", "parent", new string('x', 70)) with
        {
            ForeignKeys = [new ForeignKeySchema { Table = new QualifiedName(null, "entry"), Columns = ["parent"], PrincipalTable = new QualifiedName(null, "log🔥"), PrincipalColumns = ["id🔥"] }],
        };
        var tables = TargetNames.Columns([parent, child], EngineAdapters.For(DatabaseEngine.MySql).Dialect, DatabaseEngine.MySql, warnings);

        Assert.Equal(["id_U1F525", "note_U1F525_2", "note_U1F525"], tables[0].Columns.Select(c => c.Name));
        Assert.Equal(["id_U1F525"], tables[0].PrimaryKey!.Columns);
        Assert.Equal(["id_U1F525"], tables[1].ForeignKeys[0].PrincipalColumns);
        Assert.Equal(new string('x', 64), tables[1].Columns[2].Name);
        Assert.Equal("note_U1F525_2", TargetNames.ColumnOf(tables[0], "note🔥"));
        Assert.Equal(3, warnings.Count);
    }

    [Fact]
    public void The_evaluation_compares_a_renamed_table_with_its_own_clone()
    {
        var real = new DatabaseSchema { Engine = DatabaseEngine.MySql, Tables = [Table("shop", "Order", "id", "label"), Table("shop", "order", "id", "qty")] };
        var synthetic = new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = [Table(null, "Order", "id", "label"), Table(null, "order_2", "id", "qty")] };

        var matches = TableMatcher.Match(real, synthetic, new List<string>());

        Assert.Equal("order_2", matches.Single(m => m.Real.Name.Name == "order").Synthetic!.Name.Name);
        Assert.Equal("Order", matches.Single(m => m.Real.Name.Name == "Order").Synthetic!.Name.Name);
        Assert.All(matches, m => Assert.DoesNotContain(-1, m.Columns));
    }
}
