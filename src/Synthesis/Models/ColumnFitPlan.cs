using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Marginals;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>How <see cref="TableSynthesizer"/> models one column (a table's own or an appended one), decided before the rows are read.</summary>
/// <param name="Role">The column's role (continuous, categorical, text, ...).</param>
/// <param name="Reason">Why a fixed column is fixed (default for any other role).</param>
/// <param name="Column">The column's schema (made up for an appended column).</param>
/// <param name="Accumulator">What learns the column's values while the rows are read; null where nothing is learned (fixed columns, appended columns a template encodes).</param>
internal sealed record ColumnFitPlan(ColumnRole Role, FixedReason Reason, ColumnSchema Column, ColumnAccumulator? Accumulator)
{
    /// <summary>For generated text values (personal data): how many are '' (<see cref="EmptyCounter"/>); null elsewhere.</summary>
    public EmptyCounter? Empties { get; init; }
}
