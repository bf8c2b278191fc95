using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>A declared SQLite type read into its affinity, a logical type and its size arguments.</summary>
internal sealed record SqliteTypeInfo(string Affinity, LogicalType LogicalType, int? MaxLength, int? Precision, int? Scale)
{
    /// <summary>False where the name says nothing the affinity rules or well-known names place (e.g. FOO).</summary>
    public bool IsRecognised { get; init; } = true;
}
