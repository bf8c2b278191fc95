namespace Sdv.Connector.Synthesis.Statistics;

/// <summary>
/// Pearson's r in one pass over weighted rows, from sums of the values shifted by the first complete row's (so the
/// sums stay small and integers stay exact) with compensated (Neumaier) addition: on integer or decimal data this
/// gives the same r as SDMetrics' two-pass computation to the last bit, and within a few units in the last place on
/// any data (datetimes in nanoseconds, large amounts included). Rows where either value is missing are skipped.
/// The one Pearson of the project: the evaluation's figures and the models' correlations (<see cref="Copulas.PairwisePearson"/>).
/// </summary>
internal struct Comoments
{
    private bool _started;
    private double _shiftX;
    private double _shiftY;
    private Sum _x;
    private Sum _y;
    private Sum _xx;
    private Sum _yy;
    private Sum _xy;

    /// <summary>Rows with both values.</summary>
    public long Count { get; private set; }

    public void Add(double x, double y, long weight)
    {
        if (double.IsNaN(x) || double.IsNaN(y) || weight <= 0)
        {
            return;
        }

        if (!_started)
        {
            (_shiftX, _shiftY, _started) = (x, y, true);
        }

        Count += weight;
        var (dx, dy, w) = (x - _shiftX, y - _shiftY, (double)weight);
        _x.Add(w * dx);
        _y.Add(w * dy);
        _xx.Add(w * dx * dx);
        _yy.Add(w * dy * dy);
        _xy.Add(w * dx * dy);
    }

    /// <summary>r, clamped to [−1, 1]; NaN with fewer than two rows or a constant column among them.</summary>
    public readonly double Pearson()
    {
        if (Count < 2)
        {
            return double.NaN;
        }

        var n = (double)Count;
        var (sx, sy) = (_x.Value, _y.Value);
        var cxx = _xx.Value - (sx * sx / n);
        var cyy = _yy.Value - (sy * sy / n);
        var cxy = _xy.Value - (sx * sy / n);
        return cxx <= 0 || cyy <= 0 ? double.NaN : Math.Clamp(cxy / Math.Sqrt(cxx * cyy), -1.0, 1.0);
    }

    /// <summary>Neumaier's compensated sum.</summary>
    private struct Sum
    {
        private double _sum;
        private double _compensation;

        public readonly double Value => _sum + _compensation;

        public void Add(double value)
        {
            var t = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
            _sum = t;
        }
    }
}
