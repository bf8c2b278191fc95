namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' BoundaryAdherence: the share of synthetic values within the real [min, max].</summary>
internal static class BoundaryAdherence
{
    /// <summary>
    /// On numbers (NaN is null). If the real column has a null, nulls are dropped from both sides;
    /// otherwise synthetic nulls stay and count as out of range. NaN when either side is empty.
    /// </summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        var realValues = real.Where(v => !double.IsNaN(v)).ToArray();
        var dropNulls = realValues.Length != real.Count;
        var synthValues = dropNulls ? synthetic.Where(v => !double.IsNaN(v)).ToArray() : synthetic.ToArray();
        if (realValues.Length == 0 || synthValues.Length == 0)
        {
            return double.NaN;
        }

        var (min, max) = (realValues.Min(), realValues.Max());
        return (double)synthValues.Count(v => v >= min && v <= max) / synthValues.Length;
    }

    /// <summary>
    /// The same on strings compared ordinally: SDMetrics falls back to this for a datetime column
    /// whose values could not be parsed.
    /// </summary>
    public static double ComputeOrdinal(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic)
    {
        var realValues = real.Where(v => v is not null).Select(v => v!).ToArray();
        var dropNulls = realValues.Length != real.Count;
        var synthValues = dropNulls ? synthetic.Where(v => v is not null).ToArray() : synthetic.ToArray();
        if (realValues.Length == 0 || synthValues.Length == 0)
        {
            return double.NaN;
        }

        var min = realValues.Aggregate((a, b) => string.CompareOrdinal(a, b) <= 0 ? a : b);
        var max = realValues.Aggregate((a, b) => string.CompareOrdinal(a, b) >= 0 ? a : b);
        return (double)synthValues.Count(v => v is not null && string.CompareOrdinal(v, min) >= 0 && string.CompareOrdinal(v, max) <= 0)
            / synthValues.Length;
    }
}
