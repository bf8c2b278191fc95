using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>The table being drawn, with what each step of its draw reads: its plan, model, rows so far, warnings and key stream.</summary>
/// <param name="Random">The table's stream for keys (parents picked, trees grown, codes kept unique), apart from its rows' own.</param>
internal sealed record TableDrawScope(TablePlan Plan, TableSchema Table, TableEntry Entry, GeneratedTable Generated, List<string> Warnings, Xoshiro256 Random)
{
    /// <summary>Each column's position in the table's rows, by name.</summary>
    public IReadOnlyDictionary<string, int> ColumnIndex { get; } =
        Table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
}
