using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Copulas;

/// <summary>Fitting the correlation of normal scores (NaN = missing) and sampling it back.</summary>
public sealed class GaussianCopulaTests
{
    private const double Floor = 1e-6;

    private static readonly double[,] Known =
    {
        { 1.0, 0.6, 0.3 },
        { 0.6, 1.0, -0.4 },
        { 0.3, -0.4, 1.0 },
    };

    [Fact]
    public void Fits_the_correlation_of_seeded_correlated_scores()
    {
        var copula = GaussianCopula.Fit(Draw(Known, 20_000, seed: 1), 3, Floor);

        Assert.Equal(3, copula.Dimensions);
        Assert.Equal(Floor, copula.MinEigenvalue);
        // Sampling error of r over 20,000 rows is (1 − r²)/√n < 0.01.
        AssertWithin(Known, copula.Correlation, 0.02);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.0, copula.Correlation[i][i]));
    }

    [Fact]
    public void Samples_have_the_fitted_correlation()
    {
        var copula = GaussianCopula.Fit(Draw(Known, 20_000, seed: 2), 3, Floor);
        var sampler = copula.Conditional([]);
        var random = new Xoshiro256(3);
        var sample = new double[50_000][];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = new double[3];
            sampler.Sample(sample[i], random);
        }

        var resampled = GaussianCopula.Fit(sample, 3, Floor);

        AssertWithin(copula.Correlation, resampled.Correlation, 0.015);
        Assert.All(Enumerable.Range(0, 3), d => Assert.Equal(1.0, Variance(sample, d), 0.03));
    }

    [Fact]
    public void Missing_scores_are_left_out_pair_by_pair()
    {
        // A random cell of 30% of the rows blanked: each pair is estimated on the rows where both are present.
        var rows = Draw(Known, 20_000, seed: 4);
        var random = new Xoshiro256(5);
        foreach (var row in rows)
        {
            if (random.NextDouble() < 0.3)
            {
                row[random.NextInt(3)] = double.NaN;
            }
        }

        var copula = GaussianCopula.Fit(rows, 3, Floor);

        AssertWithin(Known, copula.Correlation, 0.025);
    }

    [Fact]
    public void A_constant_column_is_independent_of_the_others_and_samples_as_a_standard_normal()
    {
        var rows = Draw(Known, 5_000, seed: 6);
        foreach (var row in rows)
        {
            row[1] = 0.25;
        }

        var copula = GaussianCopula.Fit(rows, 3, Floor);

        Assert.Equal([0.0, 1.0, 0.0], copula.Correlation[1]);
        Assert.Equal(0.0, copula.Correlation[0][1]);
        Assert.Equal(0.3, copula.Correlation[0][2], 0.03);
        var sampler = copula.Conditional([0, 2]);
        var z = new double[3];
        var random = new Xoshiro256(7);
        var draws = new double[20_000];
        for (var i = 0; i < draws.Length; i++)
        {
            (z[0], z[2]) = (3.0, -3.0);
            sampler.Sample(z, random);
            draws[i] = z[1];
        }

        // Whatever the other two are, the constant column's score is N(0, 1).
        Assert.Equal(0.0, draws.Average(), 0.03);
        Assert.Equal(1.0, Math.Sqrt(draws.Average(static x => x * x) - Math.Pow(draws.Average(), 2)), 0.03);
    }

    [Fact]
    public void Fewer_than_three_complete_rows_give_no_correlation()
    {
        double[][] rows = [[0.1, 0.2], [0.5, 0.4], [1.0, double.NaN], [double.NaN, -1.0]];

        var copula = GaussianCopula.Fit(rows, 2, Floor);

        Assert.Equal([[1.0, 0.0], [0.0, 1.0]], copula.Correlation);
    }

    [Fact]
    public void Pairwise_estimates_that_no_distribution_can_have_are_repaired()
    {
        // x = y on the first third (z missing), y = z on the second (x missing), x = −z on the last (y missing):
        // pairwise 1, 1, −1, which no correlation matrix holds (eigenvalue −1).
        var random = new Xoshiro256(8);
        var rows = new List<double[]>();
        for (var i = 0; i < 3000; i++)
        {
            var u = random.NextNormal();
            rows.Add((i % 3) switch
            {
                0 => [u, u, double.NaN],
                1 => [double.NaN, u, u],
                _ => [u, double.NaN, -u],
            });
        }

        var copula = GaussianCopula.Fit([.. rows], 3, Floor);
        var matrix = Matrix<double>.Build.DenseOfRowArrays(copula.Correlation);

        Assert.True(matrix.Evd(Symmetricity.Symmetric).EigenValues.Min(static c => c.Real) >= 0);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.0, matrix[i, i]));
        Assert.True(matrix[0, 1] > 0 && matrix[1, 2] > 0 && matrix[0, 2] < 0, matrix.ToString());
        // A sampler can be built on it and draws finite values.
        var z = new double[3];
        copula.Conditional([]).Sample(z, new Xoshiro256(9));
        Assert.All(z, static v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Samplers_are_prepared_once_per_set_of_fixed_dimensions()
    {
        var copula = GaussianCopula.Fit(Draw(Known, 1000, seed: 10), 3, Floor);

        var first = copula.Conditional([0, 2]);

        Assert.Same(first, copula.Conditional([0, 2]));
        Assert.NotSame(first, copula.Conditional([0]));
        Assert.NotSame(copula.Conditional([]), copula.Conditional([0]));
    }

    [Fact]
    public void A_copula_read_back_from_json_samples_the_same_draws()
    {
        var copula = GaussianCopula.Fit(Draw(Known, 2000, seed: 12), 3, 1e-4);

        var json = JsonSerializer.Serialize(copula);
        var read = JsonSerializer.Deserialize<GaussianCopula>(json)!;

        Assert.DoesNotContain("Dimensions", json, StringComparison.Ordinal);
        Assert.Equal(1e-4, read.MinEigenvalue);
        var (a, b) = (new double[3], new double[3]);
        var (ra, rb) = (new Xoshiro256(13), new Xoshiro256(13));
        for (var i = 0; i < 10; i++)
        {
            (a[0], b[0]) = (0.5, 0.5);
            copula.Conditional([0]).Sample(a, ra);
            read.Conditional([0]).Sample(b, rb);
            Assert.Equal(a, b);
        }
    }

    /// <summary>Rows of standard normal scores with correlation <paramref name="correlation"/>: z = L·ε.</summary>
    private static double[][] Draw(double[,] correlation, int count, ulong seed)
    {
        var lower = Matrix<double>.Build.DenseOfArray(correlation).Cholesky().Factor;
        var random = new Xoshiro256(seed);
        var n = correlation.GetLength(0);
        var rows = new double[count][];
        for (var r = 0; r < count; r++)
        {
            var epsilon = Vector<double>.Build.Dense(n, _ => random.NextNormal());
            rows[r] = (lower * epsilon).ToArray();
        }

        return rows;
    }

    private static double Variance(double[][] rows, int d)
    {
        var mean = rows.Average(r => r[d]);
        return rows.Average(r => (r[d] - mean) * (r[d] - mean));
    }

    private static void AssertWithin(double[,] expected, double[][] actual, double tolerance) =>
        AssertWithin(Enumerable.Range(0, expected.GetLength(0)).Select(i => Enumerable.Range(0, expected.GetLength(1)).Select(j => expected[i, j]).ToArray()).ToArray(), actual, tolerance);

    private static void AssertWithin(double[][] expected, double[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.True(Math.Abs(expected[i][j] - actual[i][j]) <= tolerance, $"[{i},{j}]: expected {expected[i][j]:F4}, fitted {actual[i][j]:F4}");
            }
        }
    }
}
