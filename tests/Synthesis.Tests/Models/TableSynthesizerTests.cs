using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Models;

public sealed class TableSynthesizerTests
{
    [Fact]
    public async Task Columns_without_sdtype_fall_back_on_their_logical_type_and_uuids_stay_uuids()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "t"),
            Columns =
            [
                TestTable.Col("key", LogicalType.Uuid, false),
                TestTable.Col("amount", LogicalType.Decimal, false) with { Precision = 8, Scale = 3 },
                TestTable.Col("at", LogicalType.DateTime, true),
                TestTable.Col("ok", LogicalType.Boolean, false),
                TestTable.Col("code", LogicalType.String, false),
                TestTable.Col("blob", LogicalType.Binary, false),
            ],
        };
        var random = new Xoshiro256(4);
        var rows = Enumerable.Range(0, 3000).Select(i => new object?[]
        {
            Guid.NewGuid(), Math.Round((decimal)(random.NextDouble() * 100), 3),
            i % 4 == 0 ? null : new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(random.NextInt(86400 * 30)),
            random.NextBool(), "K" + random.NextInt(4), new byte[] { 1, 2 },
        }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions(), CancellationToken.None);
        // Binary values are modelled (their lengths), not left empty with a warning.
        Assert.DoesNotContain(model.Warnings, static w => w.Contains("blob", StringComparison.Ordinal));
        var sample = model.Sample(2000, new SamplingContext(1)).ToList();
        Assert.Equal(2000, sample.Select(static r => (Guid)r[0]!).Distinct().Count());
        Assert.All(sample, static r => Assert.Equal(0, ((DateTime?)r[2])?.Millisecond ?? 0));
        Assert.All(sample, static r => Assert.True(((decimal)r[1]!).Scale <= 3));
        Assert.All(sample, static r => Assert.IsType<bool>(r[3]));
        Assert.All(sample, static r => Assert.Equal(2, ((byte[])r[5]!).Length));
        Assert.InRange(sample.Count(static r => r[2] is null) / 2000.0, 0.22, 0.28);
    }

    [Fact]
    public async Task Context_columns_are_modelled_jointly_and_condition_the_sample()
    {
        var schema = new TableSchema { Name = new QualifiedName(null, "child"), Columns = [TestTable.Col("x", LogicalType.Float64, false)] };
        var random = new Xoshiro256(5);
        var rows = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var parent = random.NextNormal();
            return new object?[] { (0.8 * parent) + (0.6 * random.NextNormal()), parent };
        }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), ["parent_score"], new SynthesisOptions(), CancellationToken.None);
        Assert.Equal(["x"], model.Columns);
        Assert.Equal(["parent_score"], model.ContextColumns);
        var given = model.SampleConditional(5000, new Dictionary<string, object?> { ["parent_score"] = 1.5 }, new SamplingContext(2)).ToList();
        Assert.All(given, static r => Assert.Single(r));
        var mean = given.Average(static r => (double)r[0]!);
        Assert.InRange(mean, 1.2 - 0.1, 1.2 + 0.1);
    }
}
