namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' TableStructure: |A ∩ B| / |A ∪ B| over the sets of (column name, pandas dtype).</summary>
internal static class TableStructure
{
    public static double Compute(
        IEnumerable<(string Column, string Dtype)> real,
        IEnumerable<(string Column, string Dtype)> synthetic)
    {
        var a = new HashSet<(string, string)>(real);
        var b = new HashSet<(string, string)>(synthetic);
        var union = new HashSet<(string, string)>(a);
        union.UnionWith(b);
        if (union.Count == 0)
        {
            return double.NaN;
        }

        a.IntersectWith(b);
        return (double)a.Count / union.Count;
    }
}
