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
        // The roles the fit decided travel with the model: sampling needs no source and no options to plan.
        Roles = tables.Count > 0
            ? tables.ToDictionary(t => t.Table, t => new TableRole(t.IsReference, t.RoleReason))
            : ReferenceTables.Detect(schema, ReferenceOptions.Default);
        Plan = DatabasePlan.Build(schema, Graph, Roles);
    }

    public DatabaseSchema Schema { get; }

    public IReadOnlyList<TableEntry> Tables { get; }

    public IReadOnlyList<string> Warnings { get; }

    public ForeignKeyGraph Graph { get; }

    public DatabasePlan Plan { get; }

    /// <summary>Which tables are reference tables (copied verbatim), and why.</summary>
    public IReadOnlyDictionary<QualifiedName, TableRole> Roles { get; }

    public TableEntry Entry(QualifiedName table) => Tables.First(t => t.Table.Equals(table));

    /// <summary>A fingerprint of the schema the model was fitted on (tables, columns, types, keys): a drifted source has another.</summary>
    public string Fingerprint => SchemaFingerprint.Of(Schema);
}
