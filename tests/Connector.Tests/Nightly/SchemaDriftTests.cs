using Sdv.Connector.Nightly;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Tests.Nightly;

public sealed class SchemaDriftTests
{
    private static ColumnSchema Col(int ordinal, string name, string type, bool nullable = true) =>
        new() { Name = name, Ordinal = ordinal, NativeType = type, LogicalType = LogicalType.Int32, IsNullable = nullable };

    private static DatabaseSchema Schema(params TableSchema[] tables) => new() { Engine = DatabaseEngine.PostgreSql, Tables = tables };

    private static readonly QualifiedName Customers = new("public", "customers");

    private static TableSchema CustomersTable(params ColumnSchema[] extra) => new()
    {
        Name = Customers,
        Columns = [Col(1, "id", "integer", nullable: false), Col(2, "score", "integer"), .. extra],
        PrimaryKey = new KeySchema("pk", ["id"]),
    };

    [Fact]
    public void Names_added_and_removed_columns_type_changes_and_tables()
    {
        var model = Schema(CustomersTable(Col(3, "old", "text")), new TableSchema { Name = new("public", "gone"), Columns = [Col(1, "x", "integer")] });
        var live = Schema(
            CustomersTable(Col(3, "vip", "boolean", nullable: false)) with { Columns = [Col(1, "id", "integer", nullable: false), Col(2, "score", "bigint"), Col(3, "vip", "boolean", nullable: false)] },
            new TableSchema { Name = new("public", "fresh"), Columns = [Col(1, "y", "integer")] });
        var drift = SchemaDrift.Between(model, live);
        Assert.Equal(
        [
            "table public.fresh added (1 columns)",
            "table public.gone removed",
            "column public.customers.vip added (boolean not null)",
            "column public.customers.old removed",
            "column public.customers.score type changed from integer to bigint",
        ], drift);
        Assert.NotEqual(SchemaFingerprint.Of(model), SchemaFingerprint.Of(live));
    }

    [Fact]
    public void An_unchanged_schema_has_no_drift_and_the_same_fingerprint()
    {
        var model = Schema(CustomersTable());
        var live = Schema(CustomersTable() with { Annotations = new Dictionary<string, string> { ["x"] = "y" } });
        Assert.Empty(SchemaDrift.Between(model, live));
        Assert.Equal(SchemaFingerprint.Of(model), SchemaFingerprint.Of(live));
    }

    [Fact]
    public void Names_nullability_and_primary_key_changes()
    {
        var model = Schema(CustomersTable());
        var live = Schema(CustomersTable() with { Columns = [Col(1, "id", "integer", nullable: false), Col(2, "score", "integer", nullable: false)], PrimaryKey = new KeySchema("pk", ["id", "score"]) });
        Assert.Equal(["column public.customers.score is now not null", "primary key of public.customers changed from (id) to (id, score)"], SchemaDrift.Between(model, live));
    }
}
