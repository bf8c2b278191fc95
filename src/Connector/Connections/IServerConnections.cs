using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>
/// How one server engine's connection strings are built and read, always through the driver's own builder.
/// One implementation per engine folder beside this file, handed out by the engine's adapter
/// (<see cref="Engines.IEngineAdapter.ServerConnections"/>); <see cref="ServerEndpoints"/> does the rest.
/// </summary>
internal interface IServerConnections
{
    DatabaseEngine Engine { get; }

    /// <summary>The engine's name in messages, e.g. "PostgreSQL".</summary>
    string DisplayName { get; }

    int DefaultPort { get; }

    /// <summary>The connection-string key that names the host (Host, Server, Data Source), for messages.</summary>
    string HostKey { get; }

    /// <summary>The connection-string key that names the database (Database, Initial Catalog), for messages.</summary>
    string DatabaseKey { get; }

    /// <summary>The environment variable the engine's own tools read a password from (PGPASSWORD, MYSQL_PWD), or null.</summary>
    string? PasswordVariable { get; }

    /// <summary>Whether the server compares database names without case (so identity lower-cases them).</summary>
    bool DatabaseNamesIgnoreCase { get; }

    /// <summary>A builder holding <paramref name="connectionString"/> (or empty) plus the settings the connector needs.</summary>
    /// <exception cref="ArgumentException">The driver rejects the string (other driver exceptions too).</exception>
    DbConnectionStringBuilder Create(string? connectionString);

    /// <summary>Sets host, port (null: leave the default), user and database from a URL.</summary>
    void SetAddress(DbConnectionStringBuilder builder, string host, int? port, string? user, string? database);

    void SetPassword(DbConnectionStringBuilder builder, string password);

    ServerAddress Read(DbConnectionStringBuilder builder);

    /// <summary>Makes the builder's settings final, e.g. flags the connector relies on that a user string may have turned off.</summary>
    void Complete(DbConnectionStringBuilder builder);
}
