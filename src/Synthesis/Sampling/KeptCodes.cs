using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// The codes a column may still hold when the reference table it points at was scaled down
/// (<c>--scale-reference</c>): a value whose row was kept stays; any other is drawn again among the kept
/// ones, with the column's own frequencies in the source (uniformly where it used none of them).
/// </summary>
internal sealed class KeptCodes
{
    private readonly HashSet<object> _kept;
    private readonly object[] _values;
    private readonly WeightedPicker _picker = new();

    /// <param name="values">The kept codes, as values of the column's own kind (canonical: a long for an integer).</param>
    /// <param name="weights">How often the column held each of them in the source; all zero means uniform.</param>
    public KeptCodes(IReadOnlyList<object> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count == 0) throw new ArgumentException("At least one code is kept.", nameof(values));
        _values = [.. values];
        _kept = [.. values];
        var uniform = weights.All(static w => w <= 0);
        foreach (var w in weights) _picker.Add(uniform ? 1 : Math.Max(0, w));
    }

    /// <summary>The kept codes.</summary>
    public IReadOnlyList<object> Values => _values;

    /// <summary>True when <paramref name="value"/> (canonical) is one of the kept codes.</summary>
    public bool Holds(object value) => _kept.Contains(value);

    /// <summary><paramref name="value"/> where it is kept, else a kept code drawn with the source's frequencies.</summary>
    public object Restrict(object value, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _kept.Contains(value) ? value : _values[Math.Max(0, _picker.Pick(random.NextDouble()))];
    }
}
