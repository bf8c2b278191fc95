using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>A database of a test's own: created empty, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    internal TestDatabase(DatabaseEngine engine, string name, string connectionString, Func<DbConnection> connect, Func<ValueTask> drop)
    {
        Engine = engine;
        Name = name;
        ConnectionString = connectionString;
        Connect = connect;
        _drop = drop;
    }

    public DatabaseEngine Engine { get; }

    /// <summary>Database name (PostgreSQL, MariaDB, SQL Server) or file path (SQLite).</summary>
    public string Name { get; }

    /// <summary>ADO.NET connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a new, closed connection to this database.</summary>
    public Func<DbConnection> Connect { get; }

    public async Task<DbConnection> OpenAsync()
    {
        var connection = Connect();
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a script of statements separated by lines holding only <c>;;</c> (or a single statement).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        foreach (var statement in sql.Split("\n;;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Length == 0) continue;
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync().ConfigureAwait(false);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row the query gives, as text (NULL as null).</summary>
    public async Task<List<string?>> StringsAsync(string sql)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    public ValueTask DisposeAsync() => _drop();
}
