using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// What every column model <see cref="TableSynthesizer"/> finishes shares: the table, the options, the
/// model's warnings, and the running count of joint-model dimensions handed out so far. The count is a
/// field, not a property, so that it can be passed by <c>ref</c> to the methods that number a column's dimensions.
/// </summary>
internal sealed class ColumnFinishing(TableSchema table, SynthesisOptions options, List<string> warnings)
{
    /// <summary>The joint-model dimensions numbered so far; the next column's first dimension.</summary>
    public int Dim;

    public TableSchema Table { get; } = table;

    public SynthesisOptions Options { get; } = options;

    /// <summary>The model's warnings (a column that is not modelled says so here).</summary>
    public List<string> Warnings { get; } = warnings;

    /// <summary>The next dimension's number, taken.</summary>
    public int NextDim() => Dim++;

    /// <summary>
    /// The dimension that says whether a column's value is NULL, where the column has both NULLs and values (else -1: all or
    /// none of its values are NULL, nothing for the joint model to learn).
    /// </summary>
    public int NullDim(long nulls, long values) => nulls > 0 && values > 0 ? Dim++ : -1;
}
