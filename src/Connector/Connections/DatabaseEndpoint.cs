using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>
/// A parsed <c>--source</c> or <c>--target</c>: what it is, how to connect, how to show it and how to tell
/// whether two of them are the same database. Made by <see cref="EndpointParser.Parse(string, string?, PasswordSource?, string)"/>.
/// </summary>
/// <remarks>
/// <see cref="ConnectionString"/> holds the password; show <see cref="Redacted"/> in every message and log line.
/// <see cref="ToString"/> returns <see cref="Redacted"/> so that interpolating an endpoint is safe.
/// </remarks>
internal sealed record DatabaseEndpoint
{
    public required EndpointKind Kind { get; init; }

    /// <summary>The engine of a database; null for a CSV folder.</summary>
    public required DatabaseEngine? Engine { get; init; }

    /// <summary>The ADO.NET connection string, built with the engine's own builder (password included); null for a CSV folder.</summary>
    public required string? ConnectionString { get; init; }

    /// <summary>The server host as given (servers only).</summary>
    public string? Host { get; init; }

    /// <summary>The port in effect, the engine's default filled in; null for files and for SQL Server named instances without a port.</summary>
    public int? Port { get; init; }

    /// <summary>Servers: the database. SQLite: the file's name without extension. CSV: the folder's name.</summary>
    public required string DatabaseName { get; init; }

    /// <summary>The full path of a SQLite file or a CSV folder; null for servers.</summary>
    public string? Path { get; init; }

    /// <summary>A display form that never holds the password, e.g. <c>postgresql://bob:***@db:5432/sales</c>.</summary>
    public required string Redacted { get; init; }

    /// <summary>What <see cref="EndpointIdentity.SameDatabase"/> compares.</summary>
    public required EndpointIdentity Identity { get; init; }

    public override string ToString() => Redacted;
}
