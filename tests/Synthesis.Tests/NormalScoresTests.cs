using MathNet.Numerics.Distributions;
using Sdv.Connector.Synthesis.Copulas;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

/// <summary>The sampler's own normal CDF and inverse CDF, checked against MathNet's reference implementation.</summary>
public sealed class NormalScoresTests
{
    [Fact]
    public void Cdf_matches_the_reference_to_1e_15_absolute_and_1e_10_relative_in_the_tails()
    {
        var worstAbsolute = 0.0;
        var worstRelative = 0.0;
        var worstAt = 0.0;
        for (var z = -38.0; z <= 38.0; z += 0.00731)
        {
            var expected = Normal.CDF(0, 1, z);
            var actual = NormalScores.Cdf(z);
            worstAbsolute = Math.Max(worstAbsolute, Math.Abs(actual - expected));
            if (z < -1 && expected > 1e-300 && Math.Abs(actual - expected) / expected > worstRelative)
            {
                worstRelative = Math.Abs(actual - expected) / expected;
                worstAt = z;
            }
        }

        Assert.True(worstAbsolute < 1e-15, $"worst absolute error {worstAbsolute:E2}");
        Assert.True(worstRelative < 1e-10, $"worst relative error in the lower tail {worstRelative:E2} at z = {worstAt}");
        Assert.Equal(0.5, NormalScores.Cdf(0), 15);
        Assert.Equal(0.0, NormalScores.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, NormalScores.Cdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(NormalScores.Cdf(double.NaN)));
    }

    [Fact]
    public void Inverse_cdf_matches_the_reference_across_every_region_and_inverts_the_cdf()
    {
        var probabilities = new List<double>();
        for (var p = NormalScores.Epsilon; p < 0.5; p *= 1.01)
        {
            probabilities.Add(p);
            probabilities.Add(1 - p);
        }

        for (var i = 1; i < 10_000; i++)
        {
            probabilities.Add(i / 10_000.0);
        }

        var worst = 0.0;
        var worstAt = 0.0;
        foreach (var p in probabilities)
        {
            var expected = Normal.InvCDF(0, 1, p);
            var actual = NormalScores.InverseCdf(p);
            var error = Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));
            if (error > worst) { worst = error; worstAt = p; }
            Assert.Equal(p, NormalScores.Cdf(actual), 1e-13 * Math.Max(1, p));
        }

        Assert.True(worst < 1e-11, $"worst error against MathNet {worst:E2} at p = {worstAt:R}");
        Assert.Equal(0.0, NormalScores.InverseCdf(0.5), 15);
        Assert.Equal(double.NegativeInfinity, NormalScores.InverseCdf(0));
        Assert.Equal(double.PositiveInfinity, NormalScores.InverseCdf(1));
    }

    [Fact]
    public void Scores_are_clamped_so_certain_probabilities_stay_finite()
    {
        Assert.Equal(NormalScores.InverseCdf(NormalScores.Epsilon), NormalScores.FromProbability(0));
        Assert.Equal(NormalScores.InverseCdf(1 - NormalScores.Epsilon), NormalScores.FromProbability(1));
        Assert.True(double.IsFinite(NormalScores.FromProbability(0)));
    }
}
