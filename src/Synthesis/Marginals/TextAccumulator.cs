using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Free text: the length of each value (a numeric marginal), its words (<see cref="WordAccumulator"/>), and the whole
/// values many rows share (a templated note: "Patient reports feeling well; reviewed medication ..."), counted with
/// bounded memory: beyond <see cref="MaxTracked"/> twice over, the least frequent are dropped, so a count is never
/// more than the rows that have the value (a value dropped and seen again starts from zero).
/// </summary>
internal sealed class TextAccumulator : ColumnAccumulator
{
    /// <summary>Distinct values counted at most (twice this before pruning).</summary>
    public const int MaxTracked = 1024;

    /// <summary>Most common values kept for the model.</summary>
    public const int MaxCommon = 64;

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);

    public TextAccumulator(int maxExact, int sketchK, Xoshiro256 random) => Lengths = new NumericAccumulator(ValueKind.Integer, true, maxExact, sketchK, random);

    public NumericAccumulator Lengths { get; }

    public WordAccumulator Words { get; } = new();

    public override void Observe(object?[][] rows, int count, int column)
    {
        Lengths.Observe(rows, count, column);
        for (var r = 0; r < count; r++)
        {
            if (rows[r][column] is not { } value || value is DBNull) continue;
            var text = value as string ?? CellCodec.Format(value);
            Words.Observe(text);
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, text, out _);
            slot++;
            if (_values.Count > 2 * MaxTracked) WordAccumulator.Prune(_values, MaxTracked);
        }
    }

    /// <summary>
    /// The values at least <paramref name="k"/> rows have, most common first (at most <see cref="MaxCommon"/>), with their
    /// rows: a text that many rows share is a template, not anyone's words, and is written as it is, as a category would be.
    /// </summary>
    public IReadOnlyList<(string Value, long Rows)> CommonValues(int k) =>
        _values.Where(p => p.Value >= Math.Max(k, 2)).OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal)
            .Take(MaxCommon).Select(static p => (p.Key, p.Value)).ToList();
}
