using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.Engines.MySql;

namespace Sdv.Connector.Nightly.Staging.MySql;

/// <summary>
/// What one MariaDB/MySQL database holds, as the swap needs it: the tables and sequences that RENAME
/// TABLE moves, and the objects it cannot move (views, triggers, procedures and functions) with the
/// statements that create them again elsewhere.
/// </summary>
internal sealed record MySqlDatabaseObjects(IReadOnlyList<string> Tables, IReadOnlyList<MySqlTextObject> Views,
    IReadOnlyList<MySqlTextObject> Triggers, IReadOnlyList<MySqlTextObject> Routines)
{
    private static readonly MySqlDialect D = new();

    /// <summary>The views, triggers and routines together, in the order they are dropped.</summary>
    public IEnumerable<MySqlTextObject> TextObjects => Triggers.Concat(Views).Concat(Routines);

    public static async Task<MySqlDatabaseObjects> ReadAsync(DbConnection connection, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<string>();
        var viewNames = new List<string>();
        foreach (var (name, type) in await RowsAsync(connection,
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = @db ORDER BY table_name", database, cancellationToken))
        {
            (type == "VIEW" ? viewNames : tables).Add(name);
        }
        var views = new List<MySqlTextObject>();
        foreach (var name in viewNames)
        {
            views.Add(await ShowCreateAsync(connection, "VIEW", database, name, cancellationToken));
        }
        // Per table, event and timing in the order they fire: created again in that order, they fire in it.
        var triggers = new List<MySqlTextObject>();
        foreach (var (name, _) in await RowsAsync(connection,
            "SELECT trigger_name, event_object_table FROM information_schema.triggers WHERE trigger_schema = @db " +
            "ORDER BY event_object_table, action_timing, event_manipulation, action_order", database, cancellationToken))
        {
            triggers.Add(await ShowCreateAsync(connection, "TRIGGER", database, name, cancellationToken));
        }
        var routines = new List<MySqlTextObject>();
        foreach (var (name, type) in await RowsAsync(connection,
            "SELECT routine_name, routine_type FROM information_schema.routines WHERE routine_schema = @db ORDER BY routine_type, routine_name", database, cancellationToken))
        {
            routines.Add(await ShowCreateAsync(connection, type, database, name, cancellationToken));
        }
        return new MySqlDatabaseObjects(tables, views, triggers, routines);
    }

    private static async Task<List<(string, string)>> RowsAsync(DbConnection connection, string sql, string database, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string)>();
        await using var command = (MySqlCommand)connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@db", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>
    /// SHOW CREATE of one object. Views: (name, statement, ...); triggers, procedures and functions: (name, sql_mode,
    /// statement, ...). A statement the account may not read comes back NULL, which is an error worth its own words.
    /// </summary>
    private static async Task<MySqlTextObject> ShowCreateAsync(DbConnection connection, string kind, string database, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SHOW CREATE {kind} {D.Quote(database)}.{D.Quote(name)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"SHOW CREATE {kind} {database}.{name} returned nothing.");
        var isView = kind == "VIEW";
        var statement = isView ? 1 : 2;
        if (reader.IsDBNull(statement))
        {
            throw new InvalidOperationException($"The target's account may not read the definition of {kind.ToLowerInvariant()} {database}.{name} (SHOW CREATE {kind} gives NULL); "
                + "grant it all privileges on the clone's databases (see the README's grants).");
        }
        return new MySqlTextObject(kind, name, reader.GetString(statement), isView ? "" : reader.GetString(1));
    }
}
