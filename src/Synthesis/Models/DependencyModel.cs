using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// A column that is a function of another in the source (a test type id and its name, a status code
/// and its label): when sampling, the dependent value is looked up from the determinant's instead
/// of being drawn, so rows never pair a code with the wrong label. Only determinant values seen at
/// least k times and dependent values that the model keeps anyway are stored.
/// </summary>
internal sealed class DependencyModel
{
    public string Determinant { get; set; } = string.Empty;

    public string Dependent { get; set; } = string.Empty;

    /// <summary>Determinant value (invariant text) → dependent value (invariant text, null for NULL).</summary>
    public Dictionary<string, string?> Map { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public int DeterminantIndex { get; set; } = -1;

    [JsonIgnore]
    public int DependentIndex { get; set; } = -1;

    private Dictionary<string, object?> _parsed = new(StringComparer.Ordinal);

    public void Prepare(IReadOnlyList<ColumnModel> columns)
    {
        DeterminantIndex = ColumnModel.IndexOf(columns, Determinant);
        DependentIndex = ColumnModel.IndexOf(columns, Dependent);
        var kind = DependentIndex >= 0 ? columns[DependentIndex].Kind : ValueKind.String;
        _parsed = Map.ToDictionary(p => p.Key, p => p.Value is null ? null : CellCodec.Parse(p.Value, kind), StringComparer.Ordinal);
    }

    /// <summary>Sets the dependent cell from the determinant's value where the map knows it.</summary>
    public void Apply(object?[] row)
    {
        if (DeterminantIndex < 0 || DependentIndex < 0 || row[DeterminantIndex] is not { } value) return;
        if (_parsed.TryGetValue(CellCodec.Format(value), out var dependent)) row[DependentIndex] = dependent;
    }
}
