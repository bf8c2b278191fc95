using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Tests.Joint;

/// <summary>
/// A generated table with known structure a joint model must keep: a group that sets a number's mean
/// (a mixture 10 / 50 / 90, sd 5), a nonlinear pair (y = x² + noise, x uniform in [-2, 2]), a colour
/// that follows the group (Cramér's V about 0.8), a score that is NULL in 60% of group A's rows and
/// 5% of the others', and a context column "region" (0 or 1) that moves a child value's mean by 30.
/// </summary>
internal static class StructuredTable
{
    public static readonly string[] Groups = ["A", "B", "C"];
    public static readonly double[] GroupMeans = [10, 50, 90];
    public static readonly double[] GroupNullShare = [0.6, 0.05, 0.05];
    public static readonly string[] Colours = ["red", "green", "blue"];
    public const string Region = "region";

    public static TableSchema Schema() => new()
    {
        Name = new QualifiedName(null, "structured"),
        Columns =
        [
            Col("id", LogicalType.Int64, false),
            Col("grp", LogicalType.String, false) with { MaxLength = 1 },
            Col("amount", LogicalType.Float64, false),
            Col("x", LogicalType.Float64, false),
            Col("y", LogicalType.Float64, false),
            Col("colour", LogicalType.String, false) with { MaxLength = 5 },
            Col("score", LogicalType.Float64, true),
            Col("child_value", LogicalType.Float64, false),
        ],
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    /// <summary>Rows in column order, then the region context value.</summary>
    public static List<object?[]> Rows(int n, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var rows = new List<object?[]>(n);
        for (var i = 0; i < n; i++)
        {
            var g = random.NextInt(3);
            var x = (random.NextDouble() * 4) - 2;
            // With probability 0.8 the colour is the group's own, else any colour: V = 0.8.
            var colour = random.NextDouble() < 0.8 ? g : random.NextInt(3);
            var region = random.NextInt(2);
            rows.Add(
            [
                (long)i + 1,
                Groups[g],
                GroupMeans[g] + (5 * random.NextNormal()),
                x,
                (x * x) + (0.1 * random.NextNormal()),
                Colours[colour],
                random.NextDouble() < GroupNullShare[g] ? null : 100 + (10 * random.NextNormal()),
                (region == 1 ? 80 : 50) + (5 * random.NextNormal()),
                (double)region,
            ]);
        }

        return rows;
    }

    /// <summary>Fits with "region" appended as a given context column (as a parent's column is).</summary>
    public static Task<TableModel> FitAsync(ModelKind kind, int n = 6000, ulong seed = 11, int trials = 1) =>
        TableSynthesizer.FitAsync(Schema(), TestTable.AsAsync(Rows(n, seed)), new TableFitSpec { Appended = [new AppendedModelColumn(Region, null, true)] },
            new SynthesisOptions { Model = kind, Trials = trials }, CancellationToken.None);

    private static ColumnSchema Col(string name, LogicalType type, bool nullable) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };
}
