namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// A continuous column's two distributions for plotting: after each point, how many real and synthetic values
/// are at or below it. Every distinct value is a point up to <see cref="MaxPoints"/>; beyond, only a point every
/// 1/<see cref="MaxPoints"/> of either side's values is kept, so a bar's share is off by at most that much
/// (<see cref="IsExact"/> says which). Numbers are the evaluation's (datetimes in nanoseconds).
/// </summary>
internal sealed class DistributionSketch
{
    public const int MaxPoints = 4096;

    private readonly List<(double Value, long Real, long Synthetic)> _points = [];
    private readonly long _realTotal;
    private readonly long _syntheticTotal;
    private long _real;
    private long _synthetic;
    private (double Value, long Real, long Synthetic)? _pending;
    private long _nextRealMark;
    private long _nextSyntheticMark;

    public DistributionSketch(long realTotal, long syntheticTotal)
    {
        _realTotal = realTotal;
        _syntheticTotal = syntheticTotal;
        (_nextRealMark, _nextSyntheticMark) = (Step(realTotal), Step(syntheticTotal));
    }

    public bool IsExact { get; private set; } = true;

    public long RealTotal => _realTotal;

    public long SyntheticTotal => _syntheticTotal;

    /// <summary>The kept points, ascending: a value and the real and synthetic counts at or below it.</summary>
    public IReadOnlyList<(double Value, long Real, long Synthetic)> Points => _points;

    public void Add(double value, long real, long synthetic)
    {
        _real += real;
        _synthetic += synthetic;
        var point = (value, _real, _synthetic);
        if (IsExact && _points.Count < MaxPoints)
        {
            _points.Add(point);
            return;
        }

        if (IsExact)
        {
            // Too many distinct values: thin what was kept to the marks, and keep only marks from here on.
            IsExact = false;
            var kept = _points.Where(Marked).ToList();
            _points.Clear();
            _points.AddRange(kept);
        }

        _pending = point;
        if (Marked(point))
        {
            _points.Add(point);
            _pending = null;
        }
    }

    /// <summary>Keeps the last point, so the sketch ends at the maximum.</summary>
    public void Complete()
    {
        if (_pending is { } last)
        {
            _points.Add(last);
            _pending = null;
        }
    }

    /// <summary>Real and synthetic counts of values below <paramref name="x"/> (exact when <see cref="IsExact"/>).</summary>
    public (long Real, long Synthetic) Below(double x)
    {
        int lo = 0, hi = _points.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_points[mid].Value < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? (0, 0) : (_points[lo - 1].Real, _points[lo - 1].Synthetic);
    }

    private static long Step(long total) => Math.Max(1, total / MaxPoints);

    private bool Marked((double Value, long Real, long Synthetic) point)
    {
        var marked = false;
        if (point.Real >= _nextRealMark)
        {
            marked = true;
            while (_nextRealMark <= point.Real)
            {
                _nextRealMark += Step(_realTotal);
            }
        }

        if (point.Synthetic >= _nextSyntheticMark)
        {
            marked = true;
            while (_nextSyntheticMark <= point.Synthetic)
            {
                _nextSyntheticMark += Step(_syntheticTotal);
            }
        }

        return marked;
    }
}
