using System.Data.Common;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Opens endpoints: a source read-only wherever the engine allows it, errors as messages without secrets.</summary>
internal static class OpenDatabase
{
    public static IEngineAdapter Adapter(DatabaseEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Engine is not { } engine)
            throw new UserInputException($"{endpoint.Redacted} is a CSV folder; this command needs a database.");
        return EngineAdapters.For(engine);
    }

    /// <summary>Opens the source, read-only where the engine's driver can say so (<see cref="IEngineAdapter.ReadOnlyConnectionString"/>).</summary>
    public static Task<DbConnection> SourceAsync(DatabaseEndpoint endpoint, CancellationToken cancellationToken)
    {
        RequireFile(endpoint, "--source");
        return OpenAsync(endpoint, Adapter(endpoint).ReadOnlyConnectionString(endpoint.ConnectionString!), cancellationToken);
    }

    /// <summary>Refuses a database file that does not exist (a database held in a file is SQLite's; a server has no path).</summary>
    public static void RequireFile(DatabaseEndpoint endpoint, string option)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint is { Kind: EndpointKind.Database, Path: { } path } && !File.Exists(path))
            throw new UserInputException($"{option}: the SQLite file {path} does not exist.");
    }

    public static Task<DbConnection> TargetAsync(DatabaseEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return OpenAsync(endpoint, endpoint.ConnectionString!, cancellationToken);
    }

    private static async Task<DbConnection> OpenAsync(DatabaseEndpoint endpoint, string connectionString, CancellationToken cancellationToken)
    {
        var connection = Adapter(endpoint).CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            await connection.DisposeAsync();
            throw new FailureException(FailureKind.ConnectionFailed, $"Cannot connect to {endpoint.Redacted}: {Describe(e)}", e);
        }
    }

    /// <summary>The driver's own words, first line only; drivers do not put the password in them.</summary>
    internal static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is { } next && inner.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase)) inner = next;
        return inner.Message.Split('\n')[0].Trim();
    }
}
