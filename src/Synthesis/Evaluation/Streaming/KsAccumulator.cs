namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// The two-sample Kolmogorov–Smirnov statistic over a merged ascending stream of values with their counts
/// on each side: D = max over pooled values v of |F_real(v) − F_synthetic(v)|, F(v) = #(≤ v)/n, evaluated once
/// every count of a value is in (scipy's ks_2samp statistic). With <c>round</c>, values are first rounded to 14
/// decimals the numpy way (SDMetrics' KSComplement); rounding keeps the order, so equal rounded values are neighbours.
/// </summary>
internal sealed class KsAccumulator(long realTotal, long syntheticTotal, bool round)
{
    private long _real;
    private long _synthetic;
    private double _last = double.NaN;
    private double _d;

    /// <summary>Adds the counts of the next value (not smaller than the previous one).</summary>
    public void Add(double value, long real, long synthetic)
    {
        var v = round ? Math.Round(value * 1e14, MidpointRounding.ToEven) / 1e14 : value;
        if (!double.IsNaN(_last) && v != _last)
        {
            Check();
        }

        _real += real;
        _synthetic += synthetic;
        _last = v;
    }

    /// <summary>D; NaN when either side has no value.</summary>
    public double Statistic()
    {
        if (realTotal <= 0 || syntheticTotal <= 0)
        {
            return double.NaN;
        }

        Check();
        return _d;
    }

    private void Check()
    {
        if (realTotal > 0 && syntheticTotal > 0)
        {
            _d = Math.Max(_d, Math.Abs(((double)_real / realTotal) - ((double)_synthetic / syntheticTotal)));
        }
    }
}
