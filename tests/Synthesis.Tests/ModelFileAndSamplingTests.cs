using System.Text;
using System.Text.Json.Nodes;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class ModelFileAndSamplingTests(FittedTableFixture fixture) : IClassFixture<FittedTableFixture>
{
    private static int I(string column) => FittedTableFixture.Index(column);

    private static string Render(IEnumerable<object?[]> rows) =>
        string.Join("\n", rows.Select(static r => string.Join("|", r.Select(static v => v is null ? "<null>" : CellCodec.Format(v)))));

    [Fact]
    public void Same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var a = Render(fixture.Model.Sample(500, new SamplingContext(5)));
        var b = Render(fixture.Model.Sample(500, new SamplingContext(5)));
        var c = Render(fixture.Model.Sample(500, new SamplingContext(6)));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task Same_fit_seed_gives_the_same_model_file()
    {
        var rows = TestTable.Rows(3000, 99);
        var options = new SynthesisOptions { Seed = 3, MaxExactDistinct = 200, SketchK = 64 };
        var m1 = await TableSynthesizer.FitAsync(TestTable.Schema(), TestTable.AsAsync(rows), options, CancellationToken.None);
        var m2 = await TableSynthesizer.FitAsync(TestTable.Schema(), TestTable.AsAsync(rows), options, CancellationToken.None);
        Assert.Equal(Save(m1), Save(m2));
    }

    [Fact]
    public void Round_trip_through_the_model_file_samples_the_same_rows()
    {
        var loaded = ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(Save(fixture.Model))));
        Assert.Equal(Render(fixture.Model.Sample(300, new SamplingContext(77))), Render(loaded.Sample(300, new SamplingContext(77))));
        Assert.Equal(fixture.Model.Columns, loaded.Columns);
        Assert.Equal(FittedTableFixture.RowCount, loaded.RowCount);
    }

    [Fact]
    public void A_newer_format_version_is_refused_with_a_clear_message()
    {
        var node = JsonNode.Parse(Save(fixture.Model))!;
        node["formatVersion"] = ModelFile.CurrentVersion + 1;
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(node.ToJsonString()))));
        Assert.Contains($"format version {ModelFile.CurrentVersion + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"format\":\"something-else\",\"formatVersion\":1}")]
    [InlineData("{\"format\":\"sdv-connector/table-model\",\"formatVersion\":1}")]
    [InlineData("{\"format\":\"sdv-connector/table-model\",\"formatVersion\":1,\"model\":{\"table\":\"t\",\"columns\":[{\"role\":\"continuous\",\"name\":\"x\",\"valueDim\":3}],\"copula\":{\"correlation\":[[1]]}}}")]
    public void A_corrupt_file_is_refused(string text)
    {
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Conditional_sampling_fixes_values_and_shifts_correlated_columns()
    {
        var fixedRows = fixture.Model.SampleConditional(4000, new Dictionary<string, object?> { ["status"] = "b", ["normal"] = 70.0 }, new SamplingContext(8)).ToList();
        Assert.All(fixedRows, r => Assert.Equal("b", r[I("status")]));
        Assert.All(fixedRows, r => Assert.Equal(70.0, r[I("normal")]));

        // normal = 70 is +2 sd; skewed's latent score correlates 0.6 with it, so its median moves to exp(3 + 0.8 * 1.2) ≈ 52.
        var skewed = fixedRows.Select(r => (double)(decimal)r[I("skewed")]!).Order().ToList();
        var median = skewed[skewed.Count / 2];
        Assert.InRange(median, 44, 62);
        var baseline = fixture.Synthetic.Select(r => (double)(decimal)r[I("skewed")]!).Order().ToList()[fixture.Synthetic.Count / 2];
        Assert.InRange(baseline, 17, 23);
        Assert.All(fixedRows, r => Assert.True((long)r[I("lo")]! < (long)r[I("hi")]!));
    }

    [Fact]
    public void Fill_missing_completes_null_cells_and_keeps_given_ones()
    {
        var given = new object?[TestTable.Columns.Length];
        given[I("normal")] = 30.0;
        given[I("status")] = "c";
        given[I("customer_id")] = 42L;
        var filled = fixture.Model.FillMissing(Enumerable.Repeat(given, 200), new SamplingContext(9)).ToList();
        Assert.All(filled, r =>
        {
            Assert.Equal(30.0, r[I("normal")]);
            Assert.Equal("c", r[I("status")]);
            Assert.Equal(42L, r[I("customer_id")]);
            Assert.NotNull(r[I("nullable")]);
            Assert.NotNull(r[I("skewed")]);
            Assert.NotNull(r[I("id")]);
        });

        // normal = 30 is -2 sd and nullable correlates 0.5: its mean drops towards 100 - 20 * 1.0 = 80.
        var mean = filled.Average(r => (double)r[I("nullable")]!);
        Assert.InRange(mean, 72, 88);
    }

    private static string Save(TableModel model)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
