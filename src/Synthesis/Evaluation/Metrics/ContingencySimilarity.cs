namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' ContingencySimilarity: 1 − ½·Σ|p_r(a, b) − p_s(a, b)| over the union of value
/// combinations, null counted as a value; gated by Cramér's V of the real table (V &gt; threshold).
/// </summary>
internal static class ContingencySimilarity
{
    /// <summary>
    /// The breakdown on category keys (<see cref="CellValues.Key"/>, or bin labels for binned
    /// continuous columns). An empty synthetic side scores 0.5, as in SDMetrics.
    /// </summary>
    /// <param name="threshold">Real association (Cramér's V) threshold; 0 disables it and V is not computed.</param>
    public static PairScore Compute(
        IReadOnlyList<object> realA,
        IReadOnlyList<object> realB,
        IReadOnlyList<object> syntheticA,
        IReadOnlyList<object> syntheticB,
        double threshold) =>
        Compute(Count(realA, realB), Count(syntheticA, syntheticB), threshold);

    /// <summary>The same from the counts of each (a, b) combination on each side.</summary>
    public static PairScore Compute(
        IReadOnlyDictionary<(object A, object B), long> realCounts,
        IReadOnlyDictionary<(object A, object B), long> syntheticCounts,
        double threshold)
    {
        var association = double.NaN;
        if (threshold > 0)
        {
            association = CramersV.Compute(realCounts);
            if (double.IsNaN(association) || association <= threshold)
            {
                return new PairScore(double.NaN, double.NaN, double.NaN, association, false, null);
            }
        }

        double nReal = realCounts.Values.Sum(), nSynth = syntheticCounts.Values.Sum();
        var total = 0.0;
        foreach (var (key, count) in realCounts)
        {
            var synthCount = syntheticCounts.TryGetValue(key, out var s) ? s : 0;
            total += Math.Abs((count / nReal) - (nSynth == 0 ? 0 : synthCount / nSynth));
        }

        foreach (var (key, count) in syntheticCounts)
        {
            if (!realCounts.ContainsKey(key))
            {
                total += count / nSynth;
            }
        }

        return new PairScore(1.0 - (total / 2.0), double.NaN, double.NaN, association, true, null);
    }

    private static Dictionary<(object A, object B), long> Count(IReadOnlyList<object> a, IReadOnlyList<object> b)
    {
        var counts = new Dictionary<(object A, object B), long>();
        for (var i = 0; i < a.Count; i++)
        {
            var key = (a[i], b[i]);
            counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;
        }

        return counts;
    }
}
