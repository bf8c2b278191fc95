using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Exact category frequencies while the distinct values are few. Beyond
/// <c>2 × maxExact</c> distinct values the table is pruned back to the <c>maxExact</c> most frequent
/// (lossy counting): the pruned mass goes to the "other" bucket and the pruned values only leave
/// their shape behind. Amortised O(1) per value; memory bounded by the cap.
/// </summary>
internal sealed class CategoryAccumulator : ColumnAccumulator
{
    private readonly ValueKind _kind;
    private readonly int _maxExact;
    private readonly Type _canonicalType;
    private readonly Dictionary<object, long> _counts = [];

    public CategoryAccumulator(ValueKind kind, int maxExact)
    {
        _kind = kind;
        _maxExact = maxExact;
        Words = kind == ValueKind.String ? new WordAccumulator() : null;
        _canonicalType = kind switch
        {
            ValueKind.Boolean => typeof(bool),
            ValueKind.Integer => typeof(long),
            ValueKind.Decimal => typeof(decimal),
            ValueKind.Double => typeof(double),
            ValueKind.Date => typeof(DateOnly),
            ValueKind.Guid => typeof(Guid),
            _ => typeof(object),
        };
    }

    public long Nulls { get; private set; }

    public long Count { get; private set; }

    /// <summary>Occurrences of values dropped by pruning.</summary>
    public long PrunedMass { get; private set; }

    public ShapeProfile PrunedShape { get; } = new();

    /// <summary>The words of every string value (pruned ones as they are pruned, the rest by <see cref="FinishWords"/>); null for other kinds.</summary>
    public WordAccumulator? Words { get; }

    private bool _wordsFinished;

    /// <summary>Feeds the values still counted to <see cref="Words"/>, once, when the pass is over.</summary>
    public WordAccumulator? FinishWords()
    {
        if (Words is null || _wordsFinished) return Words;
        _wordsFinished = true;
        foreach (var (value, count) in _counts) Words.Observe(CellCodec.Format(value), count);
        return Words;
    }

    public IReadOnlyDictionary<object, long> Counts => _counts;

    public override void Observe(object?[][] rows, int count, int column)
    {
        for (var r = 0; r < count; r++)
        {
            var value = rows[r][column];
            if (value is null or DBNull)
            {
                Nulls++;
                continue;
            }

            if (_kind == ValueKind.String ? value is not string : value.GetType() != _canonicalType)
            {
                value = CellCodec.Canonical(value, _kind);
            }

            Count++;
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _);
            slot++;
            if (_counts.Count > 2 * _maxExact)
            {
                Prune();
            }
        }
    }

    private void Prune()
    {
        var ordered = _counts.OrderByDescending(static p => p.Value).ThenBy(static p => CellCodec.Format(p.Key), StringComparer.Ordinal).ToArray();
        for (var i = _maxExact; i < ordered.Length; i++)
        {
            PrunedMass += ordered[i].Value;
            PrunedShape.Add(CellCodec.Format(ordered[i].Key));
            Words?.Observe(CellCodec.Format(ordered[i].Key), ordered[i].Value);
            _counts.Remove(ordered[i].Key);
        }
    }
}
