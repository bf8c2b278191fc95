using MathNet.Numerics.Distributions;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>Normal scores of probabilities, clamped away from 0 and 1 so the inverse CDF stays finite.</summary>
internal static class NormalScores
{
    public const double Epsilon = 1e-9;

    public static double FromProbability(double u) => Normal.InvCDF(0, 1, Math.Clamp(u, Epsilon, 1 - Epsilon));

    /// <summary>A normal score drawn uniformly inside the probability interval [lo, hi].</summary>
    public static double Inside(double lo, double hi, Xoshiro256 random) => FromProbability(lo + ((hi - lo) * random.NextOpenDouble()));

    public static double ToProbability(double z) => Normal.CDF(0, 1, z);
}
