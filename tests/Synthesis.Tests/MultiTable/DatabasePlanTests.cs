using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>
/// The primary parent of each table (<see cref="DatabasePlan"/>) on Chinook's sales branch, with the relationship
/// statistics the source counts: the owner the data suggest, and the user's word from the metadata over it.
/// </summary>
public sealed class DatabasePlanTests
{
    private static ColumnSchema Col(string name, bool nullable = false) =>
        new() { Name = name, Ordinal = 0, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = nullable, SdType = SdType.Id };

    private static ForeignKeySchema Fk(string table, string column, string parent, RelationshipStatistics statistics) => new()
    {
        Table = new QualifiedName(null, table), Columns = [column], PrincipalTable = new QualifiedName(null, parent), PrincipalColumns = ["id"], Statistics = statistics,
    };

    private static TableSchema Table(string name, long rows, ColumnSchema[] columns, params ForeignKeySchema[] fks) => new()
    {
        Name = new QualifiedName(null, name),
        Columns = new[] { Col("id") }.Concat(columns).Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, ["id"]),
        ForeignKeys = fks,
        RowCount = rows,
    };

    /// <summary>8 employees, 59 customers (3 support reps among the employees), 412 invoices, 2,240 lines, 25 genres.</summary>
    private static DatabaseSchema Chinook(Func<TableSchema, TableSchema>? edit = null)
    {
        var tables = new[]
        {
            Table("genre", 25, []),
            Table("employee", 8, []),
            Table("customer", 59, [Col("support_rep_id", nullable: true)], Fk("customer", "support_rep_id", "employee", new RelationshipStatistics(8, 59, 0, 3))),
            Table("invoice", 412, [Col("customer_id"), Col("genre_id")],
                Fk("invoice", "customer_id", "customer", new RelationshipStatistics(59, 412, 0, 59)), Fk("invoice", "genre_id", "genre", new RelationshipStatistics(25, 412, 0, 20))),
            Table("invoice_line", 2_240, [Col("invoice_id")], Fk("invoice_line", "invoice_id", "invoice", new RelationshipStatistics(412, 2_240, 0, 412))),
        };
        return new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = tables.Select(t => edit?.Invoke(t) ?? t).ToList() };
    }

    private static DatabasePlan Plan(DatabaseSchema schema)
    {
        var roles = schema.Tables.ToDictionary(t => t.Name, t => new TableRole(t.Name.Name == "genre", "test"));
        return DatabasePlan.Build(schema, ForeignKeyGraph.Build(schema), roles);
    }

    private static TablePlan For(DatabasePlan plan, string table) => plan.For(new QualifiedName(null, table));

    private static Func<TableSchema, TableSchema> Override(string table, string? primaryParent) =>
        t => t.Name.Name == table ? t with { PrimaryParentOverride = primaryParent } : t;

    [Fact]
    public void Entities_belong_to_their_owners_and_a_small_parent_many_rows_point_at_owns_nothing()
    {
        var plan = Plan(Chinook());
        var customer = For(plan, "customer");
        Assert.True(customer.IsRoot);
        Assert.Contains("employee is a small parent (8 rows)", customer.PrimaryParentReason, StringComparison.Ordinal);
        Assert.Equal("customer", For(plan, "invoice").PrimaryParent?.PrincipalTable.Name);
        Assert.Contains("100% of customer rows have invoice rows, 7 each", For(plan, "invoice").PrimaryParentReason, StringComparison.Ordinal);
        Assert.Equal("invoice", For(plan, "invoice_line").PrimaryParent?.PrincipalTable.Name);
        // A code of a reference table is the table's own category, never its owner.
        Assert.Equal("genre", Assert.Single(For(plan, "invoice").ReferenceKeys).PrincipalTable.Name);
    }

    [Fact]
    public void The_metadatas_primary_parent_wins_and_the_reason_says_what_the_data_alone_would_choose()
    {
        var customer = For(Plan(Chinook(Override("customer", "support_rep_id"))), "customer");
        Assert.Equal("employee", customer.PrimaryParent?.PrincipalTable.Name);
        Assert.StartsWith("belongs to employee, as the metadata says; from the data alone: a root table: employee is a small parent", customer.PrimaryParentReason, StringComparison.Ordinal);
        var invoice = For(Plan(Chinook(Override("invoice", "customer_id"))), "invoice");
        Assert.Equal("belongs to customer, as the metadata says; the data agree", invoice.PrimaryParentReason);
    }

    [Fact]
    public void The_metadata_can_make_a_table_a_root_and_its_children_follow_it()
    {
        var plan = Plan(Chinook(Override("invoice", string.Empty)));
        var invoice = For(plan, "invoice");
        Assert.True(invoice.IsRoot);
        Assert.StartsWith("a root table, as the metadata says; from the data alone: belongs to customer", invoice.PrimaryParentReason, StringComparison.Ordinal);
        Assert.Equal("customer", Assert.Single(invoice.SecondaryParents).PrincipalTable.Name);
        Assert.Empty(For(plan, "customer").Children);
        Assert.Equal("invoice", For(plan, "invoice_line").PrimaryParent?.PrincipalTable.Name);
    }

    [Theory]
    [InlineData("genre_id", "points at genre, a reference table")]
    [InlineData("shop_id", "is no foreign key of the table")]
    public void A_named_key_that_cannot_own_the_rows_is_passed_over_with_the_reason(string columns, string why)
    {
        var invoice = For(Plan(Chinook(Override("invoice", columns))), "invoice");
        Assert.Equal("customer", invoice.PrimaryParent?.PrincipalTable.Name);
        Assert.Contains($"the metadata names ({columns}), which {why}", invoice.PrimaryParentReason, StringComparison.Ordinal);
    }
}
