using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One side of a relationship's Intertable Trends: the source's range of each column over the inner join (to bin
/// continuous columns on the join's own edges, as SDMetrics does), then one pass over the join's rows. When a value
/// falls outside the range the source gave (its order is not the comparison order), the range is taken from a first
/// pass over the rows here and the pass is run again.
/// </summary>
internal sealed class JoinSide
{
    private JoinSide(PairAccumulator accumulator, bool[] constant)
    {
        Accumulator = accumulator;
        Constant = constant;
    }

    public PairAccumulator Accumulator { get; }

    /// <summary>Per column: exactly one distinct value over the join.</summary>
    public bool[] Constant { get; }

    public List<string> Notes { get; } = [];

    public static JoinSide Empty(PairPlan plan, IReadOnlyList<SideProfile> profiles) =>
        new(new PairAccumulator(plan, plan.Continuous.Select(c => c ? Discretizer.Edges(double.NaN, double.NaN) : null).ToArray(), Distinct(profiles)), new bool[plan.Columns.Count]);

    public static async Task<JoinSide> RunAsync(JoinSideRequest request, CancellationToken cancellationToken)
    {
        var (relationship, plan, _, source, parentColumns, childColumns, _) = request;
        var ranges = await RangesAsync(request, cancellationToken).ConfigureAwait(false);
        var side = await PassAsync(request, ranges, cancellationToken).ConfigureAwait(false);
        if (!side.Accumulator.RangeViolated)
        {
            return side;
        }

        // The source's MIN and MAX are not the numbers' (text dates in mixed formats): find them here, then count again.
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = (double.NaN, double.NaN);
        }

        await foreach (var row in source.JoinAsync(relationship, parentColumns, childColumns, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < ranges.Length; i++)
            {
                if (plan.Continuous[i] && Number(row.Cells[i]) is var x && !double.IsNaN(x))
                {
                    ranges[i] = (double.IsNaN(ranges[i].Min) ? x : Math.Min(ranges[i].Min, x), double.IsNaN(ranges[i].Max) ? x : Math.Max(ranges[i].Max, x));
                }
            }
        }

        side = await PassAsync(request, ranges, cancellationToken).ConfigureAwait(false);
        side.Notes.Add($"{relationship}: the database's MIN and MAX over the join were not the values' order; the join was read twice to bin it.");
        return side;
    }

    /// <summary>
    /// The range of each continuous column over the join: known ones as given, the others from the source, which is asked
    /// only for the columns not known (the parent's alone, or the child's alone, need no join: see the source).
    /// </summary>
    private static async Task<(double Min, double Max)[]> RangesAsync(JoinSideRequest request, CancellationToken cancellationToken)
    {
        var (relationship, plan, _, source, parentColumns, childColumns, known) = request;
        var ranges = new (double Min, double Max)[plan.Columns.Count];
        var asked = Enumerable.Range(0, ranges.Length).Where(i => plan.Continuous[i] && known[i] is null).ToList();
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = known[i] ?? (double.NaN, double.NaN);
        }

        if (asked.Count == 0)
        {
            return ranges;
        }

        var parents = asked.Where(i => i < parentColumns.Count).ToList();
        var children = asked.Where(i => i >= parentColumns.Count).ToList();
        var (min, max) = await source.JoinRangeAsync(
            relationship, parents.Select(i => parentColumns[i]).ToList(), children.Select(i => childColumns[i - parentColumns.Count]).ToList(), cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < asked.Count; k++)
        {
            // asked is ascending, so its parent columns come first, as they were asked.
            ranges[asked[k]] = (Number(min[k]), Number(max[k]));
        }

        return ranges;
    }

    private static async Task<JoinSide> PassAsync(JoinSideRequest request, (double Min, double Max)[] ranges, CancellationToken cancellationToken)
    {
        var (relationship, plan, profiles, source, parentColumns, childColumns, _) = request;
        var edges = plan.Continuous.Select((c, i) => c ? Discretizer.Edges(ranges[i].Min, ranges[i].Max) : null).ToArray();
        var constant = ranges.Select((r, i) => plan.Continuous[i] && !double.IsNaN(r.Min) && r.Min == r.Max).ToArray();
        var accumulator = new PairAccumulator(plan, edges, Distinct(profiles));
        await foreach (var row in source.JoinAsync(relationship, parentColumns, childColumns, cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(row.Cells, row.Count);
        }

        return new JoinSide(accumulator, constant);
    }

    private static long[] Distinct(IReadOnlyList<SideProfile> profiles) => profiles.Select(p => p.Distinct + (p.Nulls > 0 ? 1 : 0)).ToArray();

    private static double Number(object? cell)
    {
        try
        {
            return CellValues.ToNumber(cell);
        }
        catch (FormatException)
        {
            return double.NaN;
        }
    }
}
