using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A fitted model of a whole database: its schema (with sdtypes, so a clone can be written
/// anywhere without the source) and one entry per table. Statistics only; no real row.
/// </summary>
public sealed class DatabaseModel
{
    public DatabaseModel(DatabaseSchema schema, IReadOnlyList<TableEntry> tables, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Tables = tables;
        Warnings = warnings;
        Graph = ForeignKeyGraph.Build(schema);
        Plan = DatabasePlan.Build(schema, Graph);
    }

    public DatabaseSchema Schema { get; }

    public IReadOnlyList<TableEntry> Tables { get; }

    public IReadOnlyList<string> Warnings { get; }

    public ForeignKeyGraph Graph { get; }

    public DatabasePlan Plan { get; }

    public TableEntry Entry(QualifiedName table) => Tables.First(t => t.Table.Equals(table));

    /// <summary>A fingerprint of the schema the model was fitted on (tables, columns, types, keys): a drifted source has another.</summary>
    public string Fingerprint => SchemaFingerprint.Of(Schema);
}
