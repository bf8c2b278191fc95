using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>Weighted draws by counts: the structured generators, an e-mail's template and domain.</summary>
internal static class Draw
{
    /// <summary>An index with probability proportional to its weight; -1 when every weight is zero.</summary>
    public static int Index(IReadOnlyList<long> weights, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(weights);
        long total = 0;
        foreach (var w in weights) total += w;
        if (total <= 0) return -1;
        var target = random.NextLong(total);
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>True with probability <paramref name="count"/> / <paramref name="total"/>.</summary>
    public static bool Chance(long count, long total, Xoshiro256 random) => total > 0 && count > 0 && random.NextLong(total) < count;
}
