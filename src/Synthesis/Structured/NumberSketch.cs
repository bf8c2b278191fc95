using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// A stream of numbers inside structured values (array elements, JSON numbers, range bounds,
/// lengths): a KLL sketch, whether all were integers, and the most decimals written. Bounded memory.
/// </summary>
internal sealed class NumberSketch(Xoshiro256 random)
{
    private const int SketchK = 200;
    private readonly KllSketch _sketch = new(SketchK, random);
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private bool _fractional;
    private int _decimals;

    public long Count => _sketch.Count;

    public void Add(double value, string? text = null)
    {
        if (!double.IsFinite(value)) return;
        _sketch.Add(value);
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (value != Math.Floor(value)) _fractional = true;
        if (text is not null)
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0)
            {
                var end = text.IndexOfAny(['e', 'E'], dot);
                _decimals = Math.Max(_decimals, Math.Min(9, (end < 0 ? text.Length : end) - dot - 1));
                if (end < 0 && _decimals > 0) _fractional = true;
            }
        }
    }

    public NumberDistribution? Finish(int points = 33)
    {
        if (Count == 0) return null;
        var grid = _sketch.Quantiles(points);
        grid[0] = _min;
        grid[^1] = _max;
        for (var i = 1; i < grid.Length; i++) grid[i] = Math.Clamp(Math.Max(grid[i], grid[i - 1]), _min, _max);
        return new NumberDistribution { Grid = grid, Integer = !_fractional, Decimals = _fractional ? Math.Max(_decimals, 1) : 0 };
    }
}
