using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One side of one table in one streamed pass over its rows: column pair statistics, the hashes of every tuple
/// whose exact matches are counted (with, on the real side, the chance each tuple has under the real marginals),
/// the split of real rows into fitted and held-out ones, and the bounded seeded samples that distance to closest
/// record and machine-learning efficacy run on. Nothing grows with the table but the tuple hashes.
/// </summary>
internal sealed class RowPass
{
    private readonly IReadOnlyList<string> _projection;
    private readonly bool[] _hashed;
    private readonly ulong[] _cellHashes;

    /// <param name="projection">The columns read, in order; every consumer names its columns by position in it.</param>
    public RowPass(IReadOnlyList<string> projection)
    {
        _projection = projection;
        _hashed = new bool[projection.Count];
        _cellHashes = new ulong[projection.Count];
    }

    public (PairAccumulator Accumulator, int[] Positions)? Pairs { get; set; }

    public List<(TupleSpec Tuple, int[] Positions, HashSpool Spool, MarginalCounts?[]? Marginals)> Tuples { get; } = [];

    /// <summary>Real side with a holdout: the rule, the table's seed and the key's positions.</summary>
    public (HoldoutRule Rule, long Seed, int[] Positions)? Holdout { get; set; }

    /// <summary>Samples: positions of their columns, and the reservoirs for fitted (or all) and held-out rows.</summary>
    public List<(int[] Positions, PriorityReservoir Fitted, PriorityReservoir? HeldOut, long Seed)> Samples { get; } = [];

    public long Rows { get; private set; }

    public long HeldOutRows { get; private set; }

    public int IndexOf(string column) => _projection.ToList().IndexOf(column);

    public async Task RunAsync(IAsyncEnumerable<WeightedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var (_, positions, _, _) in Tuples)
        {
            Mark(positions);
        }

        foreach (var sample in Samples)
        {
            Mark(sample.Positions);
        }

        if (Holdout is { } h)
        {
            Mark(h.Positions);
        }

        var pairCells = Pairs is { } p ? new object?[p.Positions.Length] : null;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Add(row, pairCells);
        }
    }

    private void Add(WeightedRow row, object?[]? pairCells)
    {
        var cells = row.Cells;
        Rows += row.Count;
        for (var i = 0; i < _hashed.Length; i++)
        {
            if (_hashed[i])
            {
                _cellHashes[i] = CellHash.Of(cells[i]);
            }
        }

        if (Pairs is { } pairs)
        {
            for (var i = 0; i < pairs.Positions.Length; i++)
            {
                pairCells![i] = cells[pairs.Positions[i]];
            }

            pairs.Accumulator.Add(pairCells!, row.Count);
        }

        Span<ulong> tuple = stackalloc ulong[_cellHashes.Length];
        var heldOut = false;
        if (Holdout is { } holdout)
        {
            for (var i = 0; i < holdout.Positions.Length; i++)
            {
                tuple[i] = _cellHashes[holdout.Positions[i]];
            }

            heldOut = holdout.Rule.IsHeldOut(tuple[..holdout.Positions.Length], holdout.Seed);
            if (heldOut)
            {
                HeldOutRows += row.Count;
            }
        }

        foreach (var (_, positions, spool, marginals) in Tuples)
        {
            var chance = 1.0;
            for (var i = 0; i < positions.Length; i++)
            {
                tuple[i] = _cellHashes[positions[i]];
                if (marginals?[i] is { } marginal)
                {
                    chance *= marginal.Probability(tuple[i]);
                }
            }

            spool.Add(CellHash.Combine(tuple[..positions.Length]), chance, row.Count, heldOut);
        }

        foreach (var (positions, fitted, heldOutSample, seed) in Samples)
        {
            for (var i = 0; i < positions.Length; i++)
            {
                tuple[i] = _cellHashes[positions[i]];
            }

            var priority = CellHash.Combine(tuple[..positions.Length], seed);
            var reservoir = heldOut && heldOutSample is not null ? heldOutSample : fitted;
            reservoir.Offer(priority, () => positions.Select(p => cells[p]).ToArray());
        }
    }

    private void Mark(int[] positions)
    {
        foreach (var p in positions)
        {
            _hashed[p] = true;
        }
    }
}
