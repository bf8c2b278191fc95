using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Marginals;

public sealed class KllSketchTests
{
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
}
