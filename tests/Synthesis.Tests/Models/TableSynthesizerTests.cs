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

    [Fact]
    public async Task Codes_that_all_share_a_prefix_keep_it_and_never_copy_a_code()
    {
        // "ORD-000001".."ORD-002000" as a unique label (each code once, so every one is rare) and as a key of no simpler
        // pattern ("name1".."name300" alone keeps the counter pattern; "r-name17-x" does not).
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "orders"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int32, false),
                TestTable.Col("code", LogicalType.String, false) with { MaxLength = 20, SdType = SdType.Categorical },
                TestTable.Col("tag", LogicalType.String, false) with { MaxLength = 20 },
            ],
            PrimaryKey = new KeySchema("orders_pkey", ["id"]),
            UniqueKeys = [new KeySchema("orders_tag_key", ["tag"])],
        };
        var real = Enumerable.Range(1, 2000).Select(i => new object?[] { i, $"ORD-{i:D6}", $"r-name{i}-x" }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(real), new SynthesisOptions(), CancellationToken.None);
        var sample = model.Sample(2000, new SamplingContext(3)).ToList();
        var codes = sample.Select(static r => (string)r[1]!).ToList();
        var tags = sample.Select(static r => (string)r[2]!).ToList();
        Assert.All(codes, static c => Assert.Matches("^ORD-00[0-9]{4}$", c));
        Assert.Empty(codes.Intersect(real.Select(static r => (string)r[1]!)));
        Assert.True(codes.Distinct().Count() >= 1900, $"{codes.Distinct().Count()} distinct codes");
        // The shared "r-name" and "-x"-free tail: the counter's first digit is never 0, as in the source.
        Assert.All(tags, static t => Assert.Matches("^r-name[1-9]", t));
        Assert.Equal(2000, tags.Distinct().Count());
    }

    [Fact]
    public async Task A_shared_prefix_of_fewer_than_k_values_is_not_kept()
    {
        var shape = new Sdv.Connector.Synthesis.Marginals.ShapeProfile();
        foreach (var v in new[] { "Zed-1", "Zed-2", "Zed-3", "Zed-4" }) shape.Add(v);
        Assert.Null(shape.KeepLiterals(5).Literals);
        shape.Add("Zed-5");
        Assert.Equal("Zed-", shape.KeepLiterals(5).Literals);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Bigints_at_the_top_of_their_type_are_drawn_within_it()
    {
        // 9223372036854775000 + i: past the largest double the sampler holds safely below long.MaxValue (9.2e18).
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "counter"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int32, false) with { SdType = SdType.Id },
                TestTable.Col("v", LogicalType.Int64, false),
            ],
            PrimaryKey = new KeySchema("counter_pkey", ["id"]),
        };
        var real = Enumerable.Range(1, 300).Select(static i => new object?[] { i, 9223372036854775000L + i }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(real), new SynthesisOptions(), CancellationToken.None);
        var sample = model.Sample(300, new SamplingContext(3)).ToList();
        Assert.Equal(300, sample.Count);
        Assert.All(sample, static r => Assert.InRange(Convert.ToInt64(r[1]), 9_000_000_000_000_000_000L, long.MaxValue));
    }

    [Fact]
    public async Task Columns_of_a_composite_key_without_foreign_keys_keep_their_values_and_the_key_stays_unique()
    {
        // A stock level per (store, day): 40 stores over 60 days, half the grid filled. Numbered 1..n, every row
        // would have a store and a day of its own.
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "stock"),
            Columns =
            [
                TestTable.Col("store", LogicalType.Int32, false) with { SdType = SdType.Id },
                TestTable.Col("day", LogicalType.Int16, false) with { SdType = SdType.Id },
                TestTable.Col("level", LogicalType.Int32, false),
            ],
            PrimaryKey = new KeySchema("stock_pkey", ["store", "day"]),
        };
        var random = new Xoshiro256(8);
        var real = Enumerable.Range(1, 40).SelectMany(s => Enumerable.Range(1, 60).Where(_ => random.NextBool()).Select(d => new object?[] { s, (short)d, s * 10 + random.NextInt(5) })).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(real), new SynthesisOptions(), CancellationToken.None);
        var sample = model.Sample(real.Count, new SamplingContext(5)).ToList();
        var stores = sample.Select(static r => Convert.ToInt32(r[0])).ToList();
        var days = sample.Select(static r => Convert.ToInt32(r[1])).ToList();
        Assert.Equal(sample.Count, sample.Select(static r => (Convert.ToInt32(r[0]), Convert.ToInt32(r[1]))).Distinct().Count());
        Assert.InRange(stores.Min(), 1, 3);
        Assert.InRange(stores.Max(), 38, 40);
        Assert.InRange(stores.Distinct().Count(), 36, 40);
        Assert.InRange(days.Max(), 55, 60);
        // The level still follows its store (ten times it, in the source: correlation 0.999).
        var correlation = Stats.Pearson([.. sample.Select(static r => (Convert.ToDouble(r[0]), Convert.ToDouble(r[2])))]);
        Assert.True(correlation > 0.9, $"store~level correlation {correlation:F3}");
    }

    [Fact]
    public void A_unique_index_over_a_columns_lower_case_makes_the_column_unique_and_a_partial_one_does_not()
    {
        var table = new TableSchema
        {
            Name = new QualifiedName("public", "tag"),
            Columns = [TestTable.Col("name", LogicalType.Text, false), TestTable.Col("grp", LogicalType.Int32, false)],
            Indexes =
            [
                new IndexSchema("tag_lower_name", ["(expression)"], true) { Definition = "CREATE UNIQUE INDEX tag_lower_name ON public.tag USING btree (lower(name))" },
                new IndexSchema("tag_active_grp", ["grp"], true) { Filter = "active", Definition = "CREATE UNIQUE INDEX tag_active_grp ON public.tag USING btree (grp) WHERE active" },
            ],
        };
        Assert.True(ColumnPlanner.IsUniqueAlone(table, table.Columns[0]));
        Assert.False(ColumnPlanner.IsUniqueAlone(table, table.Columns[1]));
    }
}
