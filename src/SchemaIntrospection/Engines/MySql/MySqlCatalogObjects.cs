using System.Data.Common;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// MySQL/MariaDB stored routines (SHOW CREATE PROCEDURE/FUNCTION, without its DEFINER, so the
/// clone's account owns them) and triggers (rebuilt from information_schema.TRIGGERS). A routine the
/// reader may not see the body of (SHOW CREATE gives NULL without the privilege) is a warning.
/// </summary>
internal static partial class MySqlCatalogObjects
{
    public static async Task<IReadOnlyList<RoutineSchema>> RoutinesAsync(DbConnection connection, string database, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ROUTINE_NAME AS Name, ROUTINE_TYPE AS RoutineType FROM information_schema.ROUTINES
            WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY CREATED, ROUTINE_NAME
            """;
        var result = new List<RoutineSchema>();
        foreach (var row in await CatalogQuery.ListAsync<RoutineRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var name = row.Name;
            var kind = row.RoutineType.Equals("PROCEDURE", StringComparison.OrdinalIgnoreCase) ? "procedure" : "function";
            string? definition = null;
            try
            {
                // SHOW CREATE's columns (Procedure, sql_mode, Create Procedure, ...) are read by position.
                var show = await CatalogQuery.ListAsync<(string? Name, string? SqlMode, string? Definition)>(
                    connection, $"SHOW CREATE {kind.ToUpperInvariant()} {IdentifierQuoting.Backticks.Quote(name)}", cancellationToken).ConfigureAwait(false);
                definition = show.Count > 0 ? show[0].Definition : null;
            }
            catch (DbException e)
            {
                warnings.Add($"The {kind} {name} cannot be read ({e.Message}); it is not copied.");
                continue;
            }
            if (definition is null)
            {
                warnings.Add($"The {kind} {name}'s body is not visible to this account (SHOW CREATE {kind.ToUpperInvariant()} gives NULL); it is not copied. Grant it SELECT on mysql.proc, or SHOW_ROUTINE.");
                continue;
            }
            result.Add(new RoutineSchema(new QualifiedName(database, name), kind, Definer().Replace(definition, "CREATE ", 1)));
        }
        return result;
    }

    public static async Task<IReadOnlyList<TriggerSchema>> TriggersAsync(DbConnection connection, string database, ISet<string> tables, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT TRIGGER_NAME AS Name, EVENT_OBJECT_TABLE AS TableName, ACTION_TIMING AS Timing, EVENT_MANIPULATION AS Event,
                   ACTION_STATEMENT AS Statement
            FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER, TRIGGER_NAME
            """;
        return (await CatalogQuery.ListAsync<TriggerRow>(connection, sql, cancellationToken).ConfigureAwait(false))
            .Where(r => tables.Contains(r.TableName))
            .Select(r => new TriggerSchema(r.Name, new QualifiedName(database, r.TableName),
                $"CREATE TRIGGER {IdentifierQuoting.Backticks.Quote(r.Name)} {r.Timing} {r.Event} ON {IdentifierQuoting.Backticks.Quote(r.TableName)} FOR EACH ROW {r.Statement}"))
            .ToList();
    }

    /// <summary>The PARTITION BY clause of a partitioned table (SHOW CREATE TABLE's tail, its version comment removed), or null.</summary>
    public static async Task<string?> PartitionClauseAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var rows = await CatalogQuery.ListAsync<(string? Table, string? Create)>(
            connection, $"SHOW CREATE TABLE {IdentifierQuoting.Backticks.Quote(table)}", cancellationToken).ConfigureAwait(false);
        var create = rows.Count > 0 ? rows[0].Create : null;
        var at = create?.IndexOf("PARTITION BY", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (create is null || at < 0) return null;
        var clause = create[at..].Trim();
        return clause.EndsWith("*/", StringComparison.Ordinal) ? clause[..^2].Trim() : clause;
    }

    /// <summary>A MariaDB sequence's parameters, read from the sequence itself (it is queryable as a one-row table).</summary>
    public static async Task<SequenceSchema> SequenceAsync(DbConnection connection, SequenceSchema sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        try
        {
            var rows = await CatalogQuery.ListAsync<SequenceRow>(connection,
                "SELECT start_value AS StartValue, minimum_value AS MinimumValue, maximum_value AS MaximumValue, increment AS IncrementBy, " +
                $"cache_size AS CacheSize, cycle_option AS CycleOption FROM {IdentifierQuoting.Backticks.Quote(sequence.Name.Name)}",
                cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0) return sequence;
            var r = rows[0];
            return sequence with { Start = r.StartValue, MinValue = r.MinimumValue, MaxValue = r.MaximumValue, Increment = r.IncrementBy, Cache = r.CacheSize, Cycle = r.CycleOption };
        }
        catch (DbException)
        {
            // Without SELECT on the sequence its parameters stay the defaults.
            return sequence;
        }
    }

    // Catalog rows mapped by Dapper by column alias; a property left unset by a NULL keeps its initial value.
    private sealed record RoutineRow
    {
        public string Name { get; init; } = "";
        public string RoutineType { get; init; } = "";
    }

    private sealed record TriggerRow
    {
        public string Name { get; init; } = "";
        public string TableName { get; init; } = "";
        public string Timing { get; init; } = "";
        public string Event { get; init; } = "";
        public string Statement { get; init; } = "";
    }

    private sealed record SequenceRow
    {
        public long? StartValue { get; init; }
        public long? MinimumValue { get; init; }
        public long? MaximumValue { get; init; }
        public long? IncrementBy { get; init; }
        public long? CacheSize { get; init; }
        public bool CycleOption { get; init; }
    }

    [GeneratedRegex(@"^\s*CREATE\s+DEFINER\s*=\s*(`[^`]*`|'[^']*'|[^@\s]+)@(`[^`]*`|'[^']*'|[^\s]+)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Definer();
}
