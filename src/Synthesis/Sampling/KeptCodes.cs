using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// The codes a column of reference codes may hold, and how many rows each gets. When the reference table it points at
/// was scaled down (<c>--scale-reference</c>), a value whose row was kept stays and any other is drawn again among the
/// kept ones, with the column's own frequencies in the source (uniformly where it used none of them). With a quota
/// (<see cref="WithQuota"/>) each code gets about its share of the source's rows: a code drawn past its share goes to a
/// code still short of it. Without one, a few parents decide a code's count (a media type used by three albums came
/// out on 15 to 214 tracks from seed to seed, against 214 in the source, and 3 of 25 genres on none).
/// </summary>
internal sealed class KeptCodes
{
    private readonly HashSet<object> _kept;
    private readonly object[] _values;
    private readonly double[] _weights;
    private readonly Dictionary<object, int> _index = [];
    private readonly WeightedPicker _picker = new();
    private double[]? _targets;
    private long[]? _taken;

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
        _weights = weights.Select(w => uniform ? 1 : Math.Max(0, w)).ToArray();
        foreach (var w in _weights) _picker.Add(w);
        for (var i = 0; i < _values.Length; i++) _index.TryAdd(_values[i], i);
    }

    /// <summary>Gives each code its share (by the source's frequencies) of <paramref name="rows"/> rows that hold a code.</summary>
    public KeptCodes WithQuota(double rows)
    {
        var total = _weights.Sum();
        _targets = _weights.Select(w => total > 0 ? w / total * rows : 0).ToArray();
        _taken = new long[_values.Length];
        return this;
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

    /// <summary>
    /// The code a row drawn with <paramref name="value"/> holds: <see cref="Restrict"/>, then, with a quota, another code
    /// where this one already has its share and some code is still short of its own (drawn by what each lacks). Counted.
    /// </summary>
    public object Take(object value, Xoshiro256 random)
    {
        var code = Restrict(value, random);
        if (_targets is null || _taken is null) return code;
        var i = _index[code];
        if (_taken[i] >= Math.Ceiling(_targets[i]))
        {
            double shortfall = 0;
            for (var j = 0; j < _values.Length; j++) shortfall += Math.Max(0, _targets[j] - _taken[j]);
            if (shortfall > 0)
            {
                var u = random.NextDouble() * shortfall;
                for (var j = 0; j < _values.Length; j++)
                {
                    var lack = Math.Max(0, _targets[j] - _taken[j]);
                    if (lack <= 0) continue;
                    i = j;
                    if ((u -= lack) < 0) break;
                }
            }
        }

        _taken[i]++;
        return _values[i];
    }
}
