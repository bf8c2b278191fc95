namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// A discrete column's two distributions for plotting, aggregates only: the <see cref="MaxShown"/> most frequent
/// real categories seen at least <see cref="MinLabelCount"/> times (by label), the rows of categories seen fewer
/// times ("rare", never named), and the rest ("other": not shown, or not real at all). NULL is a category.
/// </summary>
internal sealed class CategorySketch
{
    public const int MaxShown = 20;
    public const int MinLabelCount = 5;

    private readonly PriorityQueue<(string Label, long Real, long Synthetic), (long Real, string Label)> _top =
        new(Comparer<(long Real, string Label)>.Create((a, b) => a.Real != b.Real ? a.Real.CompareTo(b.Real) : string.CompareOrdinal(b.Label, a.Label)));

    public long RareReal { get; private set; }

    public long RareSynthetic { get; private set; }

    public long OtherReal { get; private set; }

    public long OtherSynthetic { get; private set; }

    public long RealTotal { get; private set; }

    public long SyntheticTotal { get; private set; }

    public void Add(object? value, long real, long synthetic)
    {
        RealTotal += real;
        SyntheticTotal += synthetic;
        if (real > 0 && real < MinLabelCount)
        {
            RareReal += real;
            RareSynthetic += synthetic;
            return;
        }

        if (real == 0)
        {
            OtherSynthetic += synthetic;
            return;
        }

        var entry = (CellValues.Label(value), real, synthetic);
        _top.Enqueue(entry, (real, entry.Item1));
        if (_top.Count > MaxShown)
        {
            var dropped = _top.Dequeue();
            OtherReal += dropped.Real;
            OtherSynthetic += dropped.Synthetic;
        }
    }

    /// <summary>The shown categories, most frequent first (ties by label).</summary>
    public IReadOnlyList<(string Label, long Real, long Synthetic)> Shown() =>
        _top.UnorderedItems.Select(x => x.Element).OrderByDescending(x => x.Real).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
}
