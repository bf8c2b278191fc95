using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Marginals;

public sealed class PrivateMarginalTests
{
    private const int K = 5;

    private static ContinuousMarginal Exact(params (double Value, long Count)[] counts) =>
        PrivateMarginal.From(counts.OrderBy(static c => c.Value).ToList(), K, 1001, exact: true)!;

    private static HashSet<double> Knots(ContinuousMarginal m) => [.. m.X];

    [Fact]
    public void Values_seen_k_times_are_atoms_with_their_exact_share()
    {
        var m = Exact((0.99, 60), (1.99, 40));
        Assert.Equal(0.99, m.InverseCdf(0.3));
        Assert.Equal(1.99, m.InverseCdf(0.9));
        Assert.Equal((0.0, 0.6), m.CdfInterval(0.99));
    }

    [Fact]
    public void Values_seen_fewer_than_k_times_are_never_knots_and_never_the_real_minimum_or_maximum()
    {
        var values = Enumerable.Range(0, 500).Select(i => (100.0 + (i * 0.37), 1L)).ToArray();
        var m = Exact(values);
        var real = values.Select(static v => v.Item1).ToHashSet();
        Assert.Empty(Knots(m).Intersect(real));
        Assert.True(m.Min > real.Min() && m.Max < real.Max(), $"tails [{m.Min}, {m.Max}] reach the real [{real.Min()}, {real.Max()}]");
        // The first knot is the mean of the smallest values, at least k of them and an even number (k + 1).
        Assert.Equal(values.Take(K + 1).Average(static v => v.Item1), m.Min, 9);
        // Draws fall between knots: at 10,000 probabilities none is a real value.
        var random = new Xoshiro256(3);
        Assert.DoesNotContain(Enumerable.Range(0, 10_000).Select(_ => m.InverseCdf(random.NextDouble())), real.Contains);
    }

    [Fact]
    public void A_run_of_fewer_than_k_rare_values_joins_the_nearest_atom()
    {
        // Common fees 20..29 and one 4242.42 above them all: it must not become a knot of its own.
        var counts = Enumerable.Range(20, 10).Select(static v => ((double)v, 30L)).Append((4242.42, 1L)).ToArray();
        var m = Exact(counts);
        Assert.DoesNotContain(4242.42, m.X);
        Assert.Equal(29.0, m.Max);
    }

    [Theory]
    [InlineData(new double[] { 7 }, 7, 7)]
    [InlineData(new double[] { 10, 20 }, 15, 15)]
    [InlineData(new double[] { 10, 20, 40, 80 }, 15, 60)]
    public void A_handful_of_values_spread_between_the_means_of_their_halves(double[] values, double low, double high)
    {
        var m = Exact(values.Select(static v => (v, 1L)).ToArray());
        Assert.Equal(low, m.Min, 9);
        Assert.Equal(high, m.Max, 9);
    }

    [Fact]
    public void Sketch_items_are_atoms_only_when_several_retained_items_hold_them()
    {
        // A sketch item of weight 8 is one real value standing for 8 ranks, not a value seen 8 times.
        var items = new List<(double, long)> { (1, 8), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1), (11, 1), (12, 4), (12, 4) };
        var m = PrivateMarginal.From(items, K, 1001, exact: false)!;
        Assert.DoesNotContain(1.0, m.X);
        Assert.Equal(2, m.X.Count(static x => x == 12));
    }
}
