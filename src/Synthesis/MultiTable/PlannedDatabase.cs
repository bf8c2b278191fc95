using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>A schema with its relationships' statistics, the plan made from them, and which tables are reference tables and why.</summary>
public sealed record PlannedDatabase(DatabaseSchema Schema, DatabasePlan Plan, IReadOnlyDictionary<QualifiedName, TableRole> Roles);
