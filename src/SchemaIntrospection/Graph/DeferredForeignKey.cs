using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Graph;

/// <summary>A foreign key that closes a cycle: its values are filled in a second step, after both tables hold rows.</summary>
public sealed record DeferredForeignKey(ForeignKeySchema ForeignKey, bool IsNullable, string Reason);
