using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// A date or timestamp that follows another of its row closely: an order is due 14, 28 or 42 days after it was placed
/// and ships one to a few weeks after. Each drawn on its own, the two land anywhere in the column's years (due dates
/// two months before the order). Where the spread of the difference is a small part of the column's own spread, the
/// sampler writes the anchor's value plus a difference drawn from the source's differences, learned as a marginal that
/// keeps no value seen fewer than k times (<see cref="PrivateMarginal"/>): the 14, 28 and 42 days stay exact.
/// </summary>
internal sealed class ColumnOffset
{
    /// <summary>The column followed (earlier in the table).</summary>
    public string Anchor { get; set; } = string.Empty;

    /// <summary>The column written as the anchor plus a difference.</summary>
    public string Dependent { get; set; } = string.Empty;

    /// <summary>The dependent less the anchor, in the kind's units (days for dates, microseconds for timestamps).</summary>
    public ContinuousMarginal Differences { get; set; } = new();

    [JsonIgnore]
    public int AnchorIndex { get; private set; } = -1;

    [JsonIgnore]
    public int DependentIndex { get; private set; } = -1;

    private ContinuousColumnModel? _dependent;

    public void Prepare(IReadOnlyList<ColumnModel> columns)
    {
        AnchorIndex = ColumnModel.IndexOf(columns, Anchor);
        DependentIndex = ColumnModel.IndexOf(columns, Dependent);
        _dependent = DependentIndex >= 0 ? columns[DependentIndex] as ContinuousColumnModel : null;
    }

    /// <summary>Writes the dependent as the anchor plus a drawn difference, where the row has both (a NULL stays NULL).</summary>
    public void Apply(object?[] row, Xoshiro256 random)
    {
        if (_dependent is null || AnchorIndex < 0 || row[AnchorIndex] is not { } anchor || row[DependentIndex] is null) return;
        var from = ScalarConverter.ToDouble(anchor, _dependent.Kind);
        if (double.IsNaN(from)) return;
        // The row may be one the sampler gave out, whose dates kept as text are text again.
        var derived = _dependent.Derived(from + Differences.InverseCdf(random.NextDouble()));
        row[DependentIndex] = row[DependentIndex] is string or byte[] ? StoredColumns.ToStored(derived, _dependent) : derived;
    }
}
