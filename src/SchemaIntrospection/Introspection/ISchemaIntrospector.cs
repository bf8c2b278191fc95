using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>Reads one engine's catalog into a <see cref="DatabaseSchema"/>: one catalog query per kind of object, grouped in memory.</summary>
public interface ISchemaIntrospector
{
    DatabaseEngine Engine { get; }

    /// <summary>Reads the schema through an open connection. Only reads; never writes.</summary>
    Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IntrospectionOptions options, CancellationToken cancellationToken);
}
