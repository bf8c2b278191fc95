using System.Runtime.InteropServices;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// Small codes for the categories of one column, in the order first seen, equal where <see cref="CellValues.Key"/> keys are
/// equal. Text and numbers go through dictionaries of their own type: a number is not boxed per cell, and text is hashed
/// by the runtime's fast default for string keys rather than through object (the lookup was a tenth of a join pass's CPU
/// in evaluate's profile). A key of one kind never equals a key of another, so the three dictionaries code as one did.
/// </summary>
internal sealed class CategoryCodes
{
    private readonly Dictionary<string, int> _text = [];
    private readonly Dictionary<double, int> _numbers = [];
    private readonly Dictionary<object, int> _others = [];
    private readonly List<object> _keys = [];

    /// <summary>The code of a cell, a new one (the next number) for a key not seen before.</summary>
    public int Code(object? cell) => cell switch
    {
        string text => Find(_text, text),
        long l => Find(_numbers, l),
        decimal m => Find(_numbers, (double)m),
        double d when !double.IsNaN(d) => Find(_numbers, d),
        int i => Find(_numbers, i),
        _ => CellValues.Key(cell) is var key && key is double number ? Find(_numbers, number) : Find(_others, key),
    };

    /// <summary>The key (<see cref="CellValues.Key"/>) of the first cell that had the code.</summary>
    public object Key(int code) => _keys[code];

    private int Find<T>(Dictionary<T, int> codes, T key)
        where T : notnull
    {
        ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(codes, key, out var exists);
        if (!exists)
        {
            code = _keys.Count;
            _keys.Add(key);
        }

        return code;
    }
}
