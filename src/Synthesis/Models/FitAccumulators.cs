using Sdv.Connector.Synthesis.Marginals;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Everything <see cref="TableSynthesizer"/> feeds a table's rows into while it reads them: one accumulator per column, the reservoir the joint model trains on, and the joint statistics.</summary>
/// <param name="Columns">One accumulator per column of the row, in row order (null where the column learns nothing).</param>
/// <param name="Reservoir">The seeded sample of rows the joint model is trained on.</param>
/// <param name="Dependencies">Learns which columns a table's codes and given context columns determine.</param>
/// <param name="Strata">Learns the numbers' marginals within each category.</param>
/// <param name="Orders">Learns which numbers and dates are ordered in every row, and how closely a date follows another.</param>
/// <param name="Empties">Per column, the counter of its empty strings, where its values are generated (null elsewhere).</param>
internal sealed record FitAccumulators(ColumnAccumulator?[] Columns, RowReservoir Reservoir, DependencyAccumulator Dependencies, StratumAccumulator Strata, OrderAccumulator Orders,
    EmptyCounter?[] Empties)
{
    /// <summary>The row width the accumulators expect: the table's columns, then the appended ones.</summary>
    public int Width => Columns.Length;

    /// <summary>Observes the first <paramref name="count"/> rows of <paramref name="batch"/>; each accumulator is touched by one thread at a time.</summary>
    public void Observe(object?[][] batch, int count)
    {
        if (count == 0)
        {
            return;
        }

        Reservoir.Offer(batch, count);
        for (var c = 0; c < Columns.Length; c++)
        {
            Columns[c]?.Observe(batch, count, c);
            Empties[c]?.Observe(batch, count, c);
        }

        Dependencies.Observe(batch, count);
        Strata.Observe(batch, count);
        Orders.Observe(batch, count);
    }
}
