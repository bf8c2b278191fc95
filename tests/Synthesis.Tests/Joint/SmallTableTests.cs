using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Joint;

/// <summary>Empty and tiny tables (a lookup table, a table with fewer than k rows) fit and sample with every tree model and auto.</summary>
public sealed class SmallTableTests
{
    public static TheoryData<ModelKind, int> Cases()
    {
        var data = new TheoryData<ModelKind, int>();
        foreach (var kind in new[] { ModelKind.Cart, ModelKind.Arf, ModelKind.Auto })
        {
            foreach (var rows in new[] { 0, 3, 12, 60 }) data.Add(kind, rows);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fits_and_samples_with_few_rows(ModelKind kind, int rows)
    {
        var model = await StructuredTable.FitAsync(kind, rows);
        Assert.Equal(rows, model.RowCount);
        var sampled = model.Sample(50, new SamplingContext(1)).ToList();
        Assert.Equal(50, sampled.Count);
        // Every joint model fills every dimension: amounts and x are always there, y follows x.
        Assert.All(sampled, r => Assert.NotNull(r[2]));
        Assert.All(sampled, r => Assert.False(double.IsNaN((double)r[2]!)));
    }
}
