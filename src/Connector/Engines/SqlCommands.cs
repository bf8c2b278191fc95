using System.Data.Common;

namespace Sdv.Connector.Engines;

/// <summary>One statement on a connection, for the schema writers: no timeout (DDL on a large table may take long), the caller's token.</summary>
internal static class SqlCommands
{
    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>; parameters are (name, value) pairs.</summary>
    public static async Task QueryAsync(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(row);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) row(reader);
    }
}
