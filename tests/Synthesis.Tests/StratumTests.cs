using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class StratumTests
{
    private static readonly (string Kind, double Mean, double Sd)[] Kinds = [("glucose", 95, 15), ("cholesterol", 190, 35), ("hba1c", 5.6, 0.6)];

    private static TableSchema Schema() => new()
    {
        Name = new QualifiedName(null, "results"),
        Columns = new ColumnSchema[]
        {
            new() { Name = "id", Ordinal = 1, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false },
            new() { Name = "kind", Ordinal = 2, NativeType = "varchar(20)", LogicalType = LogicalType.String, IsNullable = false },
            new() { Name = "value", Ordinal = 3, NativeType = "double", LogicalType = LogicalType.Float64, IsNullable = false },
        },
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    private static async IAsyncEnumerable<object?[]> Rows()
    {
        var random = new Random(3);
        for (var i = 0; i < 6000; i++)
        {
            var (kind, mean, sd) = Kinds[random.Next(Kinds.Length)];
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            yield return [(long)i + 1, kind, mean + sd * normal];
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_number_whose_scale_depends_on_a_category_keeps_each_categorys_distribution()
    {
        var model = await TableSynthesizer.FitAsync(Schema(), Rows(), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(6000, new SamplingContext(4)).ToList();
        foreach (var (kind, mean, sd) in Kinds)
        {
            var values = rows.Where(r => kind.Equals(r[1])).Select(r => (double)r[2]!).ToList();
            Assert.True(values.Count > 1500, $"{kind}: {values.Count} rows");
            // Within 5% of the mean and 15% of the spread of the kind's own distribution (a single
            // marginal over all kinds would put hba1c, around 5.6, among values near 100).
            Assert.InRange(values.Average(), mean * 0.95, mean * 1.05);
            var spread = Math.Sqrt(values.Average(v => (v - values.Average()) * (v - values.Average())));
            Assert.InRange(spread, sd * 0.85, sd * 1.15);
        }
    }

    [Fact]
    public async Task A_number_stratified_by_a_label_that_follows_a_code_stays_with_the_code()
    {
        // kind_id -> kind is a functional dependency and value's scale follows kind: the label is set
        // from the code first, then the number is decoded within the final label.
        var schema = Schema() with
        {
            Columns = new ColumnSchema[]
            {
                new() { Name = "id", Ordinal = 1, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false },
                new() { Name = "kind_id", Ordinal = 2, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false },
                new() { Name = "kind", Ordinal = 3, NativeType = "varchar(20)", LogicalType = LogicalType.String, IsNullable = false },
                new() { Name = "value", Ordinal = 4, NativeType = "double", LogicalType = LogicalType.Float64, IsNullable = false },
            },
        };
        var model = await TableSynthesizer.FitAsync(schema, WithCodes(), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(6000, new SamplingContext(8)).ToList();
        for (var k = 0; k < Kinds.Length; k++)
        {
            var values = rows.Where(r => (long)r[1]! == k + 1).ToList();
            Assert.All(values, r => Assert.Equal(Kinds[k].Kind, r[2]));
            Assert.InRange(values.Average(r => (double)r[3]!), Kinds[k].Mean * 0.95, Kinds[k].Mean * 1.05);
        }
    }

    private static async IAsyncEnumerable<object?[]> WithCodes()
    {
        await foreach (var row in Rows())
        {
            var k = Array.FindIndex(Kinds, x => x.Kind == (string)row[1]!);
            yield return [row[0], (long)k + 1, row[1], row[2]];
        }
    }
}
