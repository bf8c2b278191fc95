using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>
/// <c>--scale</c> and <c>--scale-reference</c> on a database held in memory: a root with children whose codes
/// come from a lookup (which is itself grouped by a smaller lookup), and a 3-row parent that owns 120 rows.
/// </summary>
public sealed class ScaleTests : IClassFixture<ScaleTests.Fitted>
{
    private readonly DatabaseModel _model;

    public ScaleTests(Fitted fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        _model = fitted.Model;
    }

    /// <summary>The fit, once for the class.</summary>
    public sealed class Fitted
    {
        public DatabaseModel Model { get; } = FitAsync().GetAwaiter().GetResult();
    }

    private static readonly long[] StatusUse = [500, 250, 120, 60, 40, 30];

    private static ColumnSchema Col(string name, LogicalType type, bool nullable = false) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

    private static TableSchema Table(string name, ColumnSchema[] columns, params (string Column, string Parent)[] fks) => new()
    {
        Name = new QualifiedName(null, name),
        Columns = columns.Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, [columns[0].Name]),
        ForeignKeys = fks.Select(f => new ForeignKeySchema
        {
            Table = new QualifiedName(null, name), Columns = [f.Column], PrincipalTable = new QualifiedName(null, f.Parent), PrincipalColumns = ["id"],
        }).ToList(),
    };

    private static async Task<DatabaseModel> FitAsync()
    {
        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("status_group", [Col("id", LogicalType.Int64), Col("name", LogicalType.String)]),
                Table("status", [Col("id", LogicalType.Int64), Col("name", LogicalType.String), Col("group_id", LogicalType.Int64)], ("group_id", "status_group")),
                Table("customer", [Col("id", LogicalType.Int64), Col("age", LogicalType.Int64)]),
                Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("status_id", LogicalType.Int64), Col("amount", LogicalType.Float64)],
                    ("customer_id", "customer"), ("status_id", "status")),
                Table("site", [Col("id", LogicalType.Int64), Col("opened", LogicalType.Date)]),
                Table("site_day", [Col("site_id", LogicalType.Int64), Col("day_no", LogicalType.Int64), Col("visitors", LogicalType.Int64)], ("site_id", "site")) with
                {
                    PrimaryKey = new KeySchema(null, ["site_id", "day_no"]),
                    ForeignKeys = [new ForeignKeySchema { Table = new QualifiedName(null, "site_day"), Columns = ["site_id"], PrincipalTable = new QualifiedName(null, "site"), PrincipalColumns = ["id"] }],
                },
            ],
        });
        var random = new Random(5);
        var rows = new Dictionary<string, List<object?[]>>
        {
            ["status_group"] = [[1L, "open"], [2L, "closed"]],
            ["status"] = [.. Enumerable.Range(1, 6).Select(i => new object?[] { (long)i, $"status {i}", i <= 2 ? 1L : 2L })],
            ["customer"] = [.. Enumerable.Range(1, 200).Select(i => new object?[] { (long)i, (long)random.Next(18, 80) })],
            ["site"] = [.. Enumerable.Range(1, 3).Select(i => new object?[] { (long)i, new DateOnly(2020, i, 1) })],
            ["site_day"] = [.. Enumerable.Range(1, 3).SelectMany(s => Enumerable.Range(1, 40).Select(d => new object?[] { (long)s, (long)d, (long)random.Next(10, 90) }))],
        };
        // 1,000 orders, 5 per customer, statuses used 500, 250, 120, 60, 40, 30 times.
        var statuses = StatusUse.SelectMany((n, i) => Enumerable.Repeat((long)(i + 1), (int)n)).OrderBy(_ => random.Next()).ToList();
        rows["orders"] = [.. Enumerable.Range(0, 1000).Select(i => new object?[] { (long)(i + 1), (long)(i / 5 + 1), statuses[i], 10.0 + random.Next(0, 100) })];
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        return await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
    }

    private (Dictionary<string, List<object?[]>> Rows, IReadOnlyList<string> Warnings) Sample(double factor, bool references = false)
    {
        using var sampler = new DatabaseSampler(_model, 7, new ScaleOptions { Factor = factor, References = references });
        var rows = sampler.Tables().ToDictionary(t => t.Table.Name.Name, t => t.Rows.ToList());
        return (rows, sampler.Warnings);
    }

    private static HashSet<long> Ids(List<object?[]> rows, int column = 0) => rows.Select(r => (long)r[column]!).ToHashSet();

    [Fact]
    public void The_plan_copies_both_lookups_and_puts_the_owned_rows_under_their_small_parent()
    {
        Assert.True(_model.Plan.For(new QualifiedName(null, "status")).IsReference);
        Assert.True(_model.Plan.For(new QualifiedName(null, "status_group")).IsReference);
        Assert.Equal("site", _model.Plan.For(new QualifiedName(null, "site_day")).PrimaryParent?.PrincipalTable.Name);
        Assert.True(_model.Plan.For(new QualifiedName(null, "orders")).PrimaryParent?.PrincipalTable.Name == "customer");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Every_table_gets_the_scale_times_its_rows_and_reference_tables_stay_whole(double factor)
    {
        var (db, _) = Sample(factor);
        Assert.Equal((long)Math.Round(200 * factor, MidpointRounding.AwayFromZero), db["customer"].Count);
        AssertNear(1000 * factor, db["orders"].Count, "orders");
        Assert.Equal(6, db["status"].Count);
        Assert.Equal(2, db["status_group"].Count);
        // 3 sites at 0.1 round to none, but the 12 days under them need one.
        Assert.Equal(Math.Max(1, (long)Math.Round(3 * factor, MidpointRounding.AwayFromZero)), db["site"].Count);
        AssertNear(120 * factor, db["site_day"].Count, "site_day");
        Assert.All(db["orders"], r => Assert.Contains((long)r[1]!, Ids(db["customer"])));
        Assert.All(db["orders"], r => Assert.Contains((long)r[2]!, Ids(db["status"])));
        Assert.All(db["site_day"], r => Assert.Contains((long)r[0]!, Ids(db["site"])));
    }

    [Fact]
    public void Scaled_lookups_keep_their_most_used_rows_verbatim_and_codes_are_drawn_among_them()
    {
        var (db, warnings) = Sample(0.5, references: true);
        // round(0.5 × 6) = 3 statuses, the three most used; round(0.5 × 2) = 1 group, the one more statuses name.
        Assert.Equal([1L, 2L, 3L], db["status"].Select(r => (long)r[0]!).ToArray());
        Assert.Equal(["status 1", "status 2", "status 3"], db["status"].Select(r => (string)r[1]!).ToArray());
        var group = Assert.Single(db["status_group"]);
        Assert.Equal(2L, group[0]);
        // Statuses 1 and 2 were in group 1, which is gone: pointed at the kept group.
        Assert.All(db["status"], r => Assert.Equal(2L, r[2]));
        Assert.All(db["orders"], r => Assert.Contains((long)r[2]!, new long[] { 1, 2, 3 }));
        AssertNear(500, db["orders"].Count, "orders");
        // The codes keep the source's proportions among the kept statuses (500 : 250 : 120).
        var first = db["orders"].Count(r => (long)r[2]! == 1) / (double)db["orders"].Count;
        Assert.InRange(first, 0.45, 0.70);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_lookup_scaled_below_one_row_keeps_one()
    {
        var (db, _) = Sample(0.05, references: true);
        Assert.Single(db["status"]);
        Assert.Single(db["status_group"]);
        Assert.All(db["orders"], r => Assert.Equal(1L, r[2]));
    }

    [Fact]
    public void Above_scale_one_lookups_stay_whole_and_the_sampler_says_why()
    {
        var (db, warnings) = Sample(2, references: true);
        Assert.Equal(6, db["status"].Count);
        Assert.Equal(2, db["status_group"].Count);
        var note = Assert.Single(warnings, w => w.StartsWith("--scale-reference", StringComparison.Ordinal));
        Assert.Contains("copied whole at --scale 2", note, StringComparison.Ordinal);
        Assert.Contains("status_group", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_gives_nothing_below_half_a_row_and_at_least_one_from_half_a_row()
    {
        Assert.Equal(0, ChildCountCalibration.Calibrate([3, 0, 2], 0.4, atMostOne: false).Sum());
        Assert.Equal(1, ChildCountCalibration.Calibrate([3, 0, 2], 0.5, atMostOne: false).Sum());
        Assert.Equal(1, ChildCountCalibration.Calibrate([3, 0, 2], 0.5, atMostOne: false)[0]);
        Assert.Equal(1, ChildCountCalibration.Calibrate([0, 0, 0], 0.5, atMostOne: false).Sum());
    }

    /// <summary>Children within 10% or 2 rows of F × source rows, and never empty where that is half a row or more.</summary>
    private static void AssertNear(double expected, long actual, string table)
    {
        Assert.True(Math.Abs(actual - expected) <= Math.Max(2, 0.1 * expected), $"{table}: {actual} rows, expected about {expected}");
        if (expected >= 0.5) Assert.True(actual >= 1, $"{table} is empty where {expected} rows are expected");
    }
}
