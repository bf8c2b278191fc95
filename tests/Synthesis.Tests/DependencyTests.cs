using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class DependencyTests
{
    private static readonly string[] Names = ["glucose", "cholesterol", "hba1c", "creatinine", "hemoglobin", "crp"];
    private static readonly string[] Units = ["mg/dL", "mg/dL", "%", "mg/dL", "g/dL", "mg/L"];

    private static ColumnSchema Col(string name, LogicalType type, bool nullable = false) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

    private static TableSchema Schema() => new()
    {
        Name = new QualifiedName(null, "labtests"),
        Columns = new[] { Col("id", LogicalType.Int64), Col("type_id", LogicalType.Int64), Col("name", LogicalType.String), Col("units", LogicalType.String), Col("note", LogicalType.String, true), Col("value", LogicalType.Float64) }
            .Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    private static async IAsyncEnumerable<object?[]> Rows(int n, int rareEvery)
    {
        var random = new Random(5);
        for (var i = 0; i < n; i++)
        {
            var type = random.Next(6);
            // "note" varies freely: no dependency must be found for it.
            yield return [(long)i + 1, (long)type + 1, Names[type], Units[type], random.Next(3) == 0 ? null : $"n{random.Next(4)}", random.NextDouble() * 100];
            if (rareEvery > 0 && i % rareEvery == 0) yield return [(long)(n + i + 1), 7L, "secret-rare-test", "x/y", null, 1.0];
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_label_that_is_a_function_of_a_code_follows_the_code_in_every_sampled_row()
    {
        var model = await TableSynthesizer.FitAsync(Schema(), Rows(3000, rareEvery: 1000), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(5000, new SamplingContext(9)).ToList();
        var byType = rows.Where(r => r[1] is long t && t <= 6).GroupBy(r => (long)r[1]!).ToList();
        Assert.Equal(6, byType.Count);
        foreach (var group in byType)
        {
            Assert.All(group, r => Assert.Equal(Names[group.Key - 1], r[2]));
            Assert.All(group, r => Assert.Equal(Units[group.Key - 1], r[3]));
        }
        // The freely varying column keeps several values per code.
        Assert.True(rows.Where(r => (long)r[1]! == 1).Select(r => r[4]).Distinct().Count() > 2);
        // A code seen fewer than k times is not in the model's map, and its label is never reproduced.
        Assert.DoesNotContain(rows, r => "secret-rare-test".Equals(r[2]));
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        Assert.DoesNotContain("secret-rare-test", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }
}
