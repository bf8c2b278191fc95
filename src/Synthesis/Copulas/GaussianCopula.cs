using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;

namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>
/// The dependence between columns as a correlation matrix of normal scores (a Gaussian copula).
/// Serialized as the repaired matrix; samplers for each set of fixed dimensions are prepared on
/// first use and cached.
/// </summary>
internal sealed class GaussianCopula
{
    private readonly ConcurrentDictionary<string, ConditionalNormal> _samplers = new(StringComparer.Ordinal);
    private Matrix<double>? _matrix;

    /// <summary>Row-major correlation, already repaired to positive definite.</summary>
    public double[][] Correlation { get; set; } = [];

    public double MinEigenvalue { get; set; } = 1e-6;

    [JsonIgnore]
    public int Dimensions => Correlation.Length;

    /// <summary>
    /// Pairwise-complete Pearson correlation of normal scores (NaN = missing, e.g. the value score
    /// of a NULL cell), repaired to positive definite.
    /// </summary>
    public static GaussianCopula Fit(double[][] scores, int dimensions, double minEigenvalue)
    {
        var m = Matrix<double>.Build.DenseIdentity(dimensions);
        for (var a = 0; a < dimensions; a++)
        {
            for (var b = a + 1; b < dimensions; b++)
            {
                var r = PairwisePearson.Of(scores, a, b);
                if (double.IsNaN(r))
                {
                    r = 0;
                }

                m[a, b] = r;
                m[b, a] = r;
            }
        }

        var repaired = CorrelationRepair.ToPositiveDefinite(m, minEigenvalue);
        return new GaussianCopula { Correlation = repaired.ToRowArrays(), MinEigenvalue = minEigenvalue };
    }

    /// <summary>The sampler of the free dimensions given <paramref name="fixedDims"/> (ascending).</summary>
    public ConditionalNormal Conditional(int[] fixedDims)
    {
        var key = string.Join(',', fixedDims);
        return _samplers.GetOrAdd(key, _ =>
        {
            _matrix ??= Matrix<double>.Build.DenseOfRowArrays(Correlation);
            return new ConditionalNormal(_matrix, fixedDims, MinEigenvalue);
        });
    }
}
