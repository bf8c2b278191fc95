using MathNet.Numerics.LinearAlgebra;

namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>
/// Makes a symmetric matrix a valid correlation matrix: eigenvalues clipped to a floor (pairwise
/// estimates and near-collinear columns give indefinite matrices), then rescaled to a unit
/// diagonal, so that Cholesky always succeeds.
/// </summary>
internal static class CorrelationRepair
{
    public static Matrix<double> ToPositiveDefinite(Matrix<double> matrix, double minEigenvalue)
    {
        var n = matrix.RowCount;
        if (n == 0)
        {
            return matrix;
        }

        var m = (matrix + matrix.Transpose()) * 0.5;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var evd = m.Evd(Symmetricity.Symmetric);
            var values = evd.EigenValues.Map(static c => c.Real);
            if (values.Minimum() >= minEigenvalue)
            {
                break;
            }

            var clipped = values.Map(v => Math.Max(v, minEigenvalue));
            var vectors = evd.EigenVectors;
            m = vectors * Matrix<double>.Build.DenseOfDiagonalVector(clipped) * vectors.Transpose();
            Rescale(m);
        }

        Rescale(m);
        return m;
    }

    /// <summary>A lower Cholesky factor; adds a growing ridge if rounding left the matrix barely indefinite.</summary>
    public static Matrix<double> Cholesky(Matrix<double> matrix, double minEigenvalue)
    {
        var ridge = 0.0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var m = ridge == 0 ? matrix : matrix + Matrix<double>.Build.DenseIdentity(matrix.RowCount) * ridge;
                return m.Cholesky().Factor;
            }
            catch (ArgumentException) when (attempt < 10)
            {
                ridge = ridge == 0 ? minEigenvalue * 10 : ridge * 10;
            }
        }
    }

    private static void Rescale(Matrix<double> m)
    {
        var n = m.RowCount;
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            d[i] = Math.Sqrt(Math.Max(m[i, i], 1e-12));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = i == j ? 1.0 : m[i, j] / (d[i] * d[j]);
            }
        }
    }
}
