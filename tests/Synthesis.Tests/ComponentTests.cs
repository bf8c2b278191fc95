using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class ComponentTests
{
    [Theory]
    [InlineData("((price > (0)::numeric))", 5.0, true)]
    [InlineData("((price > (0)::numeric))", 0.0, false)]
    [InlineData("([price]>(0))", -1.0, false)]
    [InlineData("(`price` >= 1.5)", 1.5, true)]
    [InlineData("price BETWEEN 1 AND 10", 11.0, false)]
    [InlineData("price NOT BETWEEN 1 AND 10", 11.0, true)]
    [InlineData("CAST(price AS numeric) < 3", 2.0, true)]
    [InlineData("price IS NULL OR price > 0", 2.0, true)]
    public void Check_forms_of_every_engine_parse_and_evaluate(string expression, double price, bool expected)
    {
        var node = CheckParser.Parse(expression);
        foreach (var column in node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
        {
            column.Index = 0;
        }

        Assert.Equal(expected, CheckEvaluator.Holds(node, [(decimal)price]));
    }

    [Theory]
    [InlineData("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))")]
    [InlineData("(`status` in (_utf8mb4'a',_utf8mb4'b'))")]
    [InlineData("([status]='b' OR [status]='a')")]
    [InlineData("status IN ('a', 'b')")]
    public void In_lists_parse_in_each_engine_spelling(string expression)
    {
        var node = CheckParser.Parse(expression);
        foreach (var column in node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
        {
            column.Index = 0;
        }

        Assert.True(CheckEvaluator.Holds(node, ["a"]));
        Assert.True(CheckEvaluator.Holds(node, ["b"]));
        Assert.False(CheckEvaluator.Holds(node, ["c"]));
        Assert.True(CheckEvaluator.Holds(node, [null]));
    }

    [Fact]
    public void Unknown_check_functions_are_refused_by_the_parser()
    {
        Assert.Throws<CheckParseException>(() => CheckParser.Parse("length(name) > 3"));
    }

    [Fact]
    public void Kll_sketch_quantiles_are_within_one_percent_in_rank_and_merge()
    {
        var random = new Xoshiro256(1);
        var a = new KllSketch(400, new Xoshiro256(2));
        var b = new KllSketch(400, new Xoshiro256(3));
        for (var i = 0; i < 500_000; i++)
        {
            a.Add(random.NextDouble());
            b.Add(1 + random.NextDouble());
        }

        var q = a.Quantiles(101);
        for (var i = 0; i <= 100; i++)
        {
            Assert.InRange(q[i], (i / 100.0) - 0.01, (i / 100.0) + 0.01);
        }

        a.Merge(b);
        Assert.Equal(1_000_000, a.Count);
        var merged = a.Quantiles(5);
        Assert.InRange(merged[2], 0.98, 1.02);
        Assert.InRange(merged[1], 0.48, 0.52);
        Assert.InRange(merged[3], 1.48, 1.52);
    }

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

    [Fact]
    public void Invalid_options_are_reported_all_at_once()
    {
        var e = Assert.Throws<ArgumentException>(() => new SynthesisOptions { RareCategoryThreshold = 0, ReservoirSize = 1, Locale = " " }.Validate());
        Assert.Contains("RareCategoryThreshold", e.Message, StringComparison.Ordinal);
        Assert.Contains("ReservoirSize", e.Message, StringComparison.Ordinal);
        Assert.Contains("Locale", e.Message, StringComparison.Ordinal);
    }
}
