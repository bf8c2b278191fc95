using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>One engine's small adapters, one per concern. Chosen by <see cref="EngineAdapters.For"/>.</summary>
internal interface IEngineAdapter
{
    DatabaseEngine Engine { get; }

    /// <summary>The schema the engine uses when none is named (public, dbo, the database itself, or null for SQLite).</summary>
    string? DefaultSchema(DbConnection connection);

    DbConnection CreateConnection(string connectionString);

    ISqlDialect Dialect { get; }

    ISchemaIntrospector Introspector { get; }

    IRowReader Reader { get; }

    ISchemaWriter SchemaWriter { get; }

    IBulkWriter BulkWriter { get; }

    /// <summary>Maps a column to this engine's type: its own native type where it came from this engine, else from its logical type.</summary>
    ITypeMapper TypeMapper { get; }
}
