using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>A foreign key that closes a cycle, with the keys of the rows it is to be set on once every table is written.</summary>
internal sealed record PendingDeferred(TableEntry Owner, ForeignKeySchema ForeignKey, IReadOnlyList<string> KeyColumns, List<object?[]> Keys, Xoshiro256 Random);
