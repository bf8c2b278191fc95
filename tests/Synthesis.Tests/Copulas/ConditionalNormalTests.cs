using MathNet.Numerics.LinearAlgebra;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Copulas;

/// <summary>
/// Draws of the free dimensions given the fixed ones, against the closed form
/// z_R | z_F ~ N(Σ_RF Σ_FF⁻¹ z_F, Σ_RR − Σ_RF Σ_FF⁻¹ Σ_FR). With one free dimension a draw is mean + sd·ε, and ε is
/// replayed from a second generator of the same seed (Sample takes one normal per free dimension), so the check is exact.
/// </summary>
public sealed class ConditionalNormalTests
{
    private const double MinEigenvalue = 1e-6;

    /// <summary>corr(0,1) = 0.6, corr(0,2) = 0.3, corr(1,2) = −0.4: positive definite (determinant 0.246).</summary>
    private static Matrix<double> Three() => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 1.0, 0.6, 0.3 },
        { 0.6, 1.0, -0.4 },
        { 0.3, -0.4, 1.0 },
    });

    [Theory]
    [InlineData(0, 1.5)]
    [InlineData(0, -2.0)]
    [InlineData(1, 0.7)]
    [InlineData(1, 0.0)]
    public void Two_dimensions_give_rho_z_and_one_minus_rho_squared(int fixedDim, double given)
    {
        const double rho = 0.6;
        var correlation = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, rho }, { rho, 1.0 } });
        var sampler = new ConditionalNormal(correlation, [fixedDim], MinEigenvalue);
        var free = 1 - fixedDim;

        // Closed form: mean ρ·z, variance 1 − ρ² = 0.64, sd 0.8.
        AssertExact(sampler, 2, free, fixedDim, given, mean: rho * given, sd: 0.8);
    }

    [Theory]
    [InlineData(1.0, -0.5)]
    [InlineData(-1.2, 2.0)]
    [InlineData(0.0, 0.0)]
    public void Three_dimensions_with_two_fixed_give_the_closed_form(double z0, double z2)
    {
        var sampler = new ConditionalNormal(Three(), [0, 2], MinEigenvalue);

        // Σ_FF = [[1, 0.3], [0.3, 1]], its inverse [[1, −0.3], [−0.3, 1]] / 0.91; Σ_RF = [0.6, −0.4];
        // gain = Σ_RF Σ_FF⁻¹ = [0.72, −0.58] / 0.91; variance = 1 − (0.72·0.6 + 0.58·0.4) / 0.91 = 1 − 0.664 / 0.91.
        var mean = ((0.72 * z0) - (0.58 * z2)) / 0.91;
        var sd = Math.Sqrt(1 - (0.664 / 0.91));
        var z = new double[3];
        z[0] = z0;
        z[2] = z2;
        var random = new Xoshiro256(7);
        var replay = new Xoshiro256(7);
        for (var draw = 0; draw < 100; draw++)
        {
            sampler.Sample(z, random);
            Assert.Equal(mean + (sd * replay.NextNormal()), z[1], 1e-12);
            Assert.Equal((z0, z2), (z[0], z[2]));
        }
    }

    [Fact]
    public void Three_dimensions_with_one_fixed_give_the_conditional_mean_and_covariance()
    {
        // Free (0, 2) given z1 = 1.5: mean (0.6, −0.4)·1.5; covariance [[1 − 0.36, 0.3 + 0.24], [0.54, 1 − 0.16]].
        var sampler = new ConditionalNormal(Three(), [1], MinEigenvalue);
        var (means, covariance) = Moments(sampler, 3, [0, 2], z => z[1] = 1.5, draws: 200_000);

        Assert.Equal(0.9, means[0], 0.01);
        Assert.Equal(-0.6, means[1], 0.01);
        Assert.Equal(0.64, covariance[0, 0], 0.01);
        Assert.Equal(0.54, covariance[0, 1], 0.01);
        Assert.Equal(0.84, covariance[1, 1], 0.01);
    }

    [Fact]
    public void With_nothing_fixed_the_draws_have_the_correlation_itself()
    {
        var sampler = new ConditionalNormal(Three(), [], MinEigenvalue);
        var (means, covariance) = Moments(sampler, 3, [0, 1, 2], static _ => { }, draws: 200_000);

        Assert.All(means, static m => Assert.Equal(0, m, 0.01));
        Assert.True((covariance - Three()).Enumerate().Max(Math.Abs) < 0.01, covariance.ToString());
    }

    [Fact]
    public void With_everything_fixed_a_draw_changes_nothing_and_takes_no_randomness()
    {
        var sampler = new ConditionalNormal(Three(), [0, 1, 2], MinEigenvalue);
        var z = new[] { 0.1, 0.2, 0.3 };
        var random = new Xoshiro256(3);

        sampler.Sample(z, random);

        Assert.Equal([0.1, 0.2, 0.3], z);
        Assert.Equal(new Xoshiro256(3).NextULong(), random.NextULong());
    }

    [Fact]
    public void A_near_perfect_correlation_gives_back_the_fixed_value()
    {
        var correlation = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.999999 }, { 0.999999, 1.0 } });
        var sampler = new ConditionalNormal(correlation, [0], MinEigenvalue);
        var z = new double[2];
        var random = new Xoshiro256(11);
        for (var draw = 0; draw < 1000; draw++)
        {
            z[0] = (draw / 100.0) - 5;
            sampler.Sample(z, random);

            // Variance 1 − ρ² ≈ 2e-6: sd 0.0014, so five of them stay under 0.01.
            Assert.Equal(z[0] * 0.999999, z[1], 0.01);
        }
    }

    private static void AssertExact(ConditionalNormal sampler, int dimensions, int free, int fixedDim, double given, double mean, double sd)
    {
        var z = new double[dimensions];
        var random = new Xoshiro256(5);
        var replay = new Xoshiro256(5);
        for (var draw = 0; draw < 100; draw++)
        {
            z[fixedDim] = given;
            sampler.Sample(z, random);
            Assert.Equal(mean + (sd * replay.NextNormal()), z[free], 1e-12);
            Assert.Equal(given, z[fixedDim]);
        }
    }

    /// <summary>The sample means and covariance of the free dimensions over many seeded draws.</summary>
    private static (double[] Means, Matrix<double> Covariance) Moments(ConditionalNormal sampler, int dimensions, int[] free, Action<double[]> fix, int draws)
    {
        var random = new Xoshiro256(21);
        var z = new double[dimensions];
        var sums = new double[free.Length];
        var products = Matrix<double>.Build.Dense(free.Length, free.Length);
        for (var draw = 0; draw < draws; draw++)
        {
            fix(z);
            sampler.Sample(z, random);
            for (var a = 0; a < free.Length; a++)
            {
                sums[a] += z[free[a]];
                for (var b = 0; b < free.Length; b++)
                {
                    products[a, b] += z[free[a]] * z[free[b]];
                }
            }
        }

        var means = sums.Select(s => s / draws).ToArray();
        var covariance = Matrix<double>.Build.Dense(free.Length, free.Length, (a, b) => (products[a, b] / draws) - (means[a] * means[b]));
        return (means, covariance);
    }
}
