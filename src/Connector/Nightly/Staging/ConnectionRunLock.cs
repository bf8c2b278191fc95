using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Connections;
using Sdv.Connector.Pipeline;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>
/// A server-side lock owned by a session (PostgreSQL advisory lock, MariaDB GET_LOCK, SQL Server
/// session applock). The session is a connection opened without pooling: closing it ends the
/// session, so a lock that a crashed run could not release is released by the server, and a
/// released connection never goes back to a pool with the lock still on it.
/// </summary>
internal sealed class ConnectionRunLock : IRunLock
{
    private readonly DbConnection _connection;
    private readonly string _releaseSql;
    private readonly IReadOnlyList<KeyValuePair<string, object>> _parameters;

    private ConnectionRunLock(DbConnection connection, string releaseSql, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        _connection = connection;
        _releaseSql = releaseSql;
        _parameters = parameters;
    }

    /// <summary>
    /// Opens <paramref name="unpooled"/> (the target with pooling off), runs <paramref name="sessionSql"/> if any, then
    /// <paramref name="takeSql"/>, which must not wait and must return 1 when the lock was granted. Returns null when
    /// another session holds it.
    /// </summary>
    public static async Task<IRunLock?> TryTakeAsync(DatabaseEndpoint unpooled, string? sessionSql, string takeSql, string releaseSql,
        IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unpooled);
        ArgumentNullException.ThrowIfNull(parameters);
        var connection = await OpenDatabase.TargetAsync(unpooled, cancellationToken);
        try
        {
            if (sessionSql is not null)
            {
                await using var session = connection.CreateCommand();
                session.CommandText = sessionSql;
                await session.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var take = Command(connection, takeSql, parameters);
            var granted = await take.ExecuteScalarAsync(cancellationToken);
            if (granted is not null && granted is not DBNull && Convert.ToInt64(granted, CultureInfo.InvariantCulture) == 1)
                return new ConnectionRunLock(connection, releaseSql, parameters);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var release = Command(_connection, _releaseSql, _parameters);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The session is closed next, which releases the lock anyway.
        }
        catch (InvalidOperationException)
        {
            // The connection was already broken (server restart): the lock went with its session.
        }
        await _connection.DisposeAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
