namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// SDMetrics' TVComplement over the counts of each category: 1 − ½·Σ|p_s − p_r|, where a category found only
/// in synthetic data gets a real count of 1e-6 that also raises the real total. That total depends on how
/// many such categories there are, known only at the end: counts are kept for up to <see cref="MaxBuffered"/>
/// categories; beyond, <see cref="NeedsSecondPass"/> asks for a second pass with <see cref="Unseen"/> known.
/// </summary>
internal sealed class TvAccumulator(long realTotal, long syntheticTotal, long? knownUnseen = null)
{
    public const int MaxBuffered = 1 << 20;
    private const double UnseenRealCount = 1e-6;

    private readonly List<(long Real, long Synthetic)> _buffer = [];
    private double _sum;

    /// <summary>Categories with synthetic rows and no real row.</summary>
    public long Unseen { get; private set; }

    public bool NeedsSecondPass { get; private set; }

    public void Add(long real, long synthetic)
    {
        if (real == 0 && synthetic > 0)
        {
            Unseen++;
        }

        if (knownUnseen is { } k)
        {
            _sum += Term(real, synthetic, k);
        }
        else if (!NeedsSecondPass)
        {
            _buffer.Add((real, synthetic));
            if (_buffer.Count > MaxBuffered)
            {
                NeedsSecondPass = true;
                _buffer.Clear();
            }
        }
    }

    /// <summary>The score; NaN when either side has no value or a second pass is needed.</summary>
    public double Score()
    {
        if (realTotal <= 0 || syntheticTotal <= 0 || NeedsSecondPass)
        {
            return double.NaN;
        }

        var total = _sum;
        if (knownUnseen is null)
        {
            foreach (var (r, s) in _buffer)
            {
                total += Term(r, s, Unseen);
            }
        }

        return 1.0 - (0.5 * total);
    }

    private double Term(long real, long synthetic, long unseen)
    {
        var realTotalWithUnseen = realTotal + (unseen * UnseenRealCount);
        var p = real == 0 ? UnseenRealCount / realTotalWithUnseen : real / realTotalWithUnseen;
        return real == 0 && synthetic == 0 ? 0 : Math.Abs(((double)synthetic / syntheticTotal) - p);
    }
}
