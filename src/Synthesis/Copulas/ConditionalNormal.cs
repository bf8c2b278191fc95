using MathNet.Numerics.LinearAlgebra;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>
/// The multivariate normal of the free dimensions given the fixed ones:
/// z_R | z_F ~ N(Σ_RF Σ_FF⁻¹ z_F, Σ_RR − Σ_RF Σ_FF⁻¹ Σ_FR). Prepared once per set of fixed
/// dimensions; each draw costs one matrix-vector product and a triangular one.
/// With no fixed dimension it is the plain copula draw z = L ε.
/// </summary>
internal sealed class ConditionalNormal
{
    private readonly int[] _free;
    private readonly int[] _fixed;
    private readonly double[] _gain;     // |R| × |F|, row-major
    private readonly double[] _lower;    // |R| × |R|, row-major lower triangle
    private readonly double[] _epsilon;

    public ConditionalNormal(Matrix<double> correlation, int[] fixedDims, double minEigenvalue)
    {
        var d = correlation.RowCount;
        _fixed = fixedDims;
        _free = Enumerable.Range(0, d).Where(i => Array.IndexOf(fixedDims, i) < 0).ToArray();
        _epsilon = new double[_free.Length];
        Matrix<double> covariance;
        if (_fixed.Length == 0)
        {
            _gain = [];
            covariance = correlation;
        }
        else
        {
            var sRF = Sub(correlation, _free, _fixed);
            var sFF = Sub(correlation, _fixed, _fixed);
            var gain = sRF * sFF.Inverse();
            _gain = ToRowMajor(gain);
            covariance = Sub(correlation, _free, _free) - (gain * sRF.Transpose());
            covariance = (covariance + covariance.Transpose()) * 0.5;
        }

        _lower = _free.Length == 0 ? [] : ToRowMajor(CovarianceCholesky(covariance, minEigenvalue));
    }

    /// <summary>Fills the free entries of <paramref name="z"/> given its fixed entries.</summary>
    public void Sample(Span<double> z, Xoshiro256 random)
    {
        var r = _free.Length;
        var f = _fixed.Length;
        for (var i = 0; i < r; i++)
        {
            _epsilon[i] = random.NextNormal();
        }

        for (var i = 0; i < r; i++)
        {
            double sum = 0;
            var row = i * r;
            for (var j = 0; j <= i; j++)
            {
                sum += _lower[row + j] * _epsilon[j];
            }

            var gainRow = i * f;
            for (var j = 0; j < f; j++)
            {
                sum += _gain[gainRow + j] * z[_fixed[j]];
            }

            z[_free[i]] = sum;
        }
    }

    private static Matrix<double> CovarianceCholesky(Matrix<double> covariance, double minEigenvalue)
    {
        // Clip the spectrum without rescaling: a conditional covariance has no unit diagonal.
        var evd = covariance.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Map(static c => Math.Max(c.Real, 0));
        var floor = minEigenvalue * Math.Max(values.Maximum(), 1e-12);
        if (values.Minimum() < floor)
        {
            var vectors = evd.EigenVectors;
            covariance = vectors * Matrix<double>.Build.DenseOfDiagonalVector(values.Map(v => Math.Max(v, floor))) * vectors.Transpose();
            covariance = (covariance + covariance.Transpose()) * 0.5;
        }

        return CorrelationRepair.Cholesky(covariance, floor);
    }

    private static Matrix<double> Sub(Matrix<double> m, int[] rows, int[] cols)
    {
        var result = Matrix<double>.Build.Dense(rows.Length, cols.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < cols.Length; j++)
            {
                result[i, j] = m[rows[i], cols[j]];
            }
        }

        return result;
    }

    private static double[] ToRowMajor(Matrix<double> m)
    {
        var result = new double[m.RowCount * m.ColumnCount];
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < m.ColumnCount; j++)
            {
                result[(i * m.ColumnCount) + j] = m[i, j];
            }
        }

        return result;
    }
}
