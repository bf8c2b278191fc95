using MathNet.Numerics.LinearAlgebra;
using Sdv.Connector.Synthesis.Copulas;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Copulas;

/// <summary>Symmetric matrices made valid correlation matrices: positive definite, unit diagonal, and near what they were.</summary>
public sealed class CorrelationRepairTests
{
    private const double Floor = 1e-6;

    /// <summary>Three pairwise estimates that no joint distribution can have: x≈y, x≈z, yet y≈−z.</summary>
    private static Matrix<double> Indefinite() => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 1.0, 0.9, 0.9 },
        { 0.9, 1.0, -0.9 },
        { 0.9, -0.9, 1.0 },
    });

    [Fact]
    public void The_indefinite_example_is_indefinite()
    {
        Assert.True(MinEigenvalue(Indefinite()) < -0.8, $"min eigenvalue {MinEigenvalue(Indefinite())}");
    }

    [Fact]
    public void An_indefinite_matrix_becomes_positive_definite_with_a_unit_diagonal()
    {
        var repaired = CorrelationRepair.ToPositiveDefinite(Indefinite(), Floor);

        Assert.True(MinEigenvalue(repaired) >= 0, $"min eigenvalue {MinEigenvalue(repaired)}");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1.0, repaired[i, i]);
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(repaired[i, j], repaired[j, i], 1e-15); // to rounding: V·Λ·Vᵀ is symmetric only to the last bit
                Assert.InRange(repaired[i, j], -1.0, 1.0);
            }
        }

        // Cholesky, which the sampler needs, now succeeds without a ridge.
        var factor = repaired.Cholesky().Factor;
        Assert.True((factor * factor.Transpose() - repaired).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void The_repair_is_the_nearest_valid_matrix_of_that_pattern_and_keeps_every_sign()
    {
        var input = Indefinite();
        var repaired = CorrelationRepair.ToPositiveDefinite(input, Floor);

        // The input's eigenvalues are 1.9, 1.9 and −0.8 (along (1, −1, −1)); a matrix of its pattern, ±r off the diagonal,
        // is valid only while 1 − 2r ≥ 0, so the nearest has r = ½ (less half the floor): 0.9 moves by 0.4 and no further.
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if (i != j)
                {
                    Assert.Equal(Math.Sign(input[i, j]) * 0.5, repaired[i, j], 1e-5);
                }
            }
        }

        var moved = (repaired - input).FrobeniusNorm();
        Assert.True(moved < 0.5 * (Matrix<double>.Build.DenseIdentity(3) - input).FrobeniusNorm(), $"moved {moved}");
    }

    [Fact]
    public void A_valid_correlation_matrix_is_returned_unchanged()
    {
        var valid = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 1.0, 0.6, 0.3 },
            { 0.6, 1.0, -0.4 },
            { 0.3, -0.4, 1.0 },
        });

        var repaired = CorrelationRepair.ToPositiveDefinite(valid, Floor);

        Assert.True((repaired - valid).Enumerate().Max(Math.Abs) < 1e-12, repaired.ToString());
    }

    [Fact]
    public void An_asymmetric_input_is_averaged_with_its_transpose()
    {
        var asymmetric = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { 0.3, 1.0 } });

        var repaired = CorrelationRepair.ToPositiveDefinite(asymmetric, Floor);

        Assert.Equal(0.4, repaired[0, 1], 1e-12);
        Assert.Equal(0.4, repaired[1, 0], 1e-12);
    }

    [Fact]
    public void A_perfect_correlation_is_pulled_just_inside_one()
    {
        var singular = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } });

        var repaired = CorrelationRepair.ToPositiveDefinite(singular, 1e-4);

        // Eigenvalues 2 and 0: the 0 is raised to the floor and the diagonal rescaled until 1 − r, the smaller eigenvalue, is the floor.
        Assert.Equal(1 - 1e-4, repaired[0, 1], 1e-8);
        Assert.Equal(1e-4, MinEigenvalue(repaired), 1e-8);
    }

    [Fact]
    public void A_larger_floor_holds_every_eigenvalue_at_it()
    {
        var repaired = CorrelationRepair.ToPositiveDefinite(Indefinite(), 0.1);

        // Three rounds of clip and rescale bring the smallest eigenvalue, 1 − 2r, to within 1e-4 of the floor: r = (1 − 0.1) / 2.
        Assert.InRange(MinEigenvalue(repaired), 0.0999, 0.1);
        Assert.Equal(0.45, repaired[0, 1], 1e-4);
        Assert.Equal(-0.45, repaired[1, 2], 1e-4);
        Assert.Equal(1.0, repaired[1, 1]);
    }

    [Fact]
    public void An_empty_matrix_is_returned_as_it_is()
    {
        var empty = Matrix<double>.Build.Dense(0, 0);

        Assert.Same(empty, CorrelationRepair.ToPositiveDefinite(empty, Floor));
    }

    [Fact]
    public void Cholesky_factors_a_positive_definite_matrix_exactly()
    {
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.6 }, { 0.6, 1.0 } });

        var factor = CorrelationRepair.Cholesky(m, Floor);

        Assert.Equal(1.0, factor[0, 0], 1e-14);
        Assert.Equal(0.0, factor[0, 1]);
        Assert.Equal(0.6, factor[1, 0], 1e-14);
        Assert.Equal(0.8, factor[1, 1], 1e-14);
    }

    [Fact]
    public void Cholesky_of_a_singular_matrix_adds_the_smallest_ridge_that_works()
    {
        var singular = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } });

        var factor = CorrelationRepair.Cholesky(singular, Floor);

        // No ridge fails on a singular matrix; the first, ten times the floor, suffices.
        var product = factor * factor.Transpose();
        Assert.Equal(1 + (Floor * 10), product[0, 0], 1e-12);
        Assert.Equal(1 + (Floor * 10), product[1, 1], 1e-12);
        Assert.Equal(1.0, product[0, 1], 1e-12);
    }

    private static double MinEigenvalue(Matrix<double> m) => m.Evd(Symmetricity.Symmetric).EigenValues.Min(static c => c.Real);
}
