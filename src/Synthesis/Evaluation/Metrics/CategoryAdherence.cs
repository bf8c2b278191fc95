namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' CategoryAdherence: the share of synthetic values (null included) found among the real values; null matches null.</summary>
internal static class CategoryAdherence
{
    /// <summary>The score on category keys (<see cref="CellValues.Key"/>); NaN when there is no synthetic value.</summary>
    public static double Compute(IReadOnlyList<object> real, IReadOnlyList<object> synthetic)
    {
        if (synthetic.Count == 0)
        {
            return double.NaN;
        }

        var categories = new HashSet<object>(real);
        return (double)synthetic.Count(categories.Contains) / synthetic.Count;
    }
}
