using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>Gives the target engine's type for a column (documented per engine in docs/type-mapping.md).</summary>
internal interface ITypeMapper
{
    string MapType(ColumnSchema column, DatabaseEngine sourceEngine);
}
