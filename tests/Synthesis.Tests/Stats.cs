namespace Sdv.Connector.Synthesis.Tests;

/// <summary>Small versions of SDMetrics' KSComplement, TVComplement and Pearson correlation, for tests only.</summary>
internal static class Stats
{
    public static double KsComplement(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        var a = real.Order().ToArray();
        var b = synthetic.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / (double)a.Length) - (j / (double)b.Length)));
        }

        return 1 - d;
    }

    public static double TvComplement<T>(IEnumerable<T> real, IEnumerable<T> synthetic)
    {
        var r = Frequencies(real);
        var s = Frequencies(synthetic);
        var keys = r.Keys.Union(s.Keys);
        return 1 - (0.5 * keys.Sum(k => Math.Abs(r.GetValueOrDefault(k) - s.GetValueOrDefault(k))));
    }

    public static double Pearson(IReadOnlyList<(double X, double Y)> pairs)
    {
        var mx = pairs.Average(static p => p.X);
        var my = pairs.Average(static p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static Dictionary<string, double> Frequencies<T>(IEnumerable<T> values)
    {
        var list = values.Select(static v => v?.ToString() ?? "<null>").ToList();
        return list.GroupBy(static v => v).ToDictionary(static g => g.Key, g => g.Count() / (double)list.Count);
    }
}
