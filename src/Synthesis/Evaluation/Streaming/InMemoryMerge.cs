using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>Two lists of cells as the merged stream <see cref="ColumnMerge"/> yields, for metrics called on values held in memory.</summary>
internal static class InMemoryMerge
{
    public static (List<MergedValue> Values, long RealNulls, long SyntheticNulls) Of(
        IEnumerable<object?> real, IEnumerable<object?> synthetic, Func<object, object> order)
    {
        var counts = new SortedDictionary<object, (object Value, long Real, long Synthetic)>(CanonicalOrder.Instance);
        long realNulls = 0, syntheticNulls = 0;
        foreach (var v in real)
        {
            if (CellValues.IsNull(v) || v is NullKey)
            {
                realNulls++;
                continue;
            }

            var key = order(v!);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Value, c.Real + 1, c.Synthetic) : (v!, 1, 0);
        }

        foreach (var v in synthetic)
        {
            if (CellValues.IsNull(v) || v is NullKey)
            {
                syntheticNulls++;
                continue;
            }

            var key = order(v!);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Value, c.Real, c.Synthetic + 1) : (v!, 0, 1);
        }

        return (counts.Select(x => new MergedValue(x.Key, x.Value.Value, x.Value.Real, x.Value.Synthetic)).ToList(), realNulls, syntheticNulls);
    }

    /// <summary>Two histograms (value → count) as a merged stream, ascending.</summary>
    public static List<MergedValue> Of(IReadOnlyDictionary<long, long> real, IReadOnlyDictionary<long, long> synthetic) =>
        real.Keys.Union(synthetic.Keys).Order()
            .Select(n => new MergedValue((double)n, (double)n, real.GetValueOrDefault(n), synthetic.GetValueOrDefault(n)))
            .ToList();
}
