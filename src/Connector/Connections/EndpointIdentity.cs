using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>
/// The normalised address of a database, so that "is the target the source?" holds however each is spelled:
/// loopback names (localhost, 127.0.0.1, ::1, this machine's name, a Unix socket) are one host, default ports
/// are filled in, database names are compared as the engine does (case-sensitively for PostgreSQL,
/// case-insensitively for MySQL/MariaDB and SQL Server), and files and folders are compared by their full path
/// with symbolic links resolved.
/// </summary>
/// <param name="Kind">Database or CSV folder.</param>
/// <param name="Engine">The engine; null for a CSV folder.</param>
/// <param name="Location">Servers: normalised <c>host:port</c> (or <c>host\instance</c>); files: empty.</param>
/// <param name="Name">Servers: the database name, lower-cased where the engine ignores case; files: the canonical path.</param>
internal sealed record EndpointIdentity(EndpointKind Kind, DatabaseEngine? Engine, string Location, string Name)
{
    /// <summary>
    /// True when both endpoints name the same database or folder. It errs on the side of "same" (e.g. MySQL
    /// names are compared without case even where the server is configured case-sensitive) because its use is
    /// to refuse writing over the source.
    /// </summary>
    public static bool SameDatabase(DatabaseEndpoint a, DatabaseEndpoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Identity == b.Identity;
    }
}
