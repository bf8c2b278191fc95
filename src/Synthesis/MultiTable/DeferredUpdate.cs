using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>The second step of a foreign key that closes a cycle: for each child row (by its primary key), the parent key to set.</summary>
public sealed record DeferredUpdate(QualifiedName Table, IReadOnlyList<string> KeyColumns, ForeignKeySchema ForeignKey, IReadOnlyList<(object?[] Key, object?[] Value)> Rows);
