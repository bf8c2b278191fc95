using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// A uniform sample of rows by Li's Algorithm L: after the reservoir fills, it draws how many rows
/// to skip, so the per-row cost is a counter decrement. Slots are allocated once and overwritten,
/// so the steady state allocates nothing. Used only for the copula correlation; never saved.
/// </summary>
internal sealed class RowReservoir
{
    private readonly Xoshiro256 _random;
    private readonly int _capacity;
    private readonly int _width;
    private readonly List<object?[]> _rows = [];
    private double _w;
    private long _skip;

    public RowReservoir(int capacity, int width, Xoshiro256 random)
    {
        _capacity = capacity;
        _width = width;
        _random = random;
    }

    public IReadOnlyList<object?[]> Rows => _rows;

    public void Offer(object?[][] rows, int count)
    {
        for (var r = 0; r < count; r++)
        {
            if (_rows.Count < _capacity)
            {
                var copy = new object?[_width];
                Array.Copy(rows[r], copy, _width);
                _rows.Add(copy);
                if (_rows.Count == _capacity)
                {
                    _w = Math.Exp(Math.Log(_random.NextOpenDouble()) / _capacity);
                    NextSkip();
                }

                continue;
            }

            if (_skip > 0)
            {
                _skip--;
                continue;
            }

            Array.Copy(rows[r], _rows[_random.NextInt(_capacity)], _width);
            _w *= Math.Exp(Math.Log(_random.NextOpenDouble()) / _capacity);
            NextSkip();
        }
    }

    private void NextSkip()
    {
        var skip = Math.Floor(Math.Log(_random.NextOpenDouble()) / Math.Log(1 - _w));
        _skip = double.IsFinite(skip) ? (long)Math.Min(skip, long.MaxValue / 2.0) : long.MaxValue / 2;
    }
}
