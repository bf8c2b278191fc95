namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' TVComplement: 1 − ½·Σ|p_s − p_r| over categories, nulls dropped. A category seen
/// only in synthetic data gets a real count of 1e-6, which also raises the real total.
/// </summary>
internal static class TvComplement
{
    private const double UnseenRealCount = 1e-6;

    /// <summary>The score on category keys (<see cref="CellValues.Key"/>); NaN when either side has no value.</summary>
    public static double Compute(IReadOnlyList<object> real, IReadOnlyList<object> synthetic)
    {
        var realCounts = Count(real, out var nReal);
        var synthCounts = Count(synthetic, out var nSynth);
        if (nReal == 0 || nSynth == 0)
        {
            return double.NaN;
        }

        var unseen = 0;
        foreach (var key in synthCounts.Keys)
        {
            if (!realCounts.ContainsKey(key))
            {
                unseen++;
            }
        }

        var realTotal = nReal + (unseen * UnseenRealCount);
        var total = 0.0;
        foreach (var (key, count) in synthCounts)
        {
            var realCount = realCounts.TryGetValue(key, out var c) ? c : UnseenRealCount;
            total += Math.Abs(((double)count / nSynth) - (realCount / realTotal));
        }

        foreach (var (key, count) in realCounts)
        {
            if (!synthCounts.ContainsKey(key))
            {
                total += count / realTotal;
            }
        }

        return 1.0 - (0.5 * total);
    }

    private static Dictionary<object, long> Count(IReadOnlyList<object> values, out long n)
    {
        var counts = new Dictionary<object, long>();
        n = 0;
        foreach (var value in values)
        {
            if (value is NullKey)
            {
                continue;
            }

            counts[value] = counts.TryGetValue(value, out var c) ? c + 1 : 1;
            n++;
        }

        return counts;
    }
}
