using System.Data.Common;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Engines.CatalogRows;

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
        const string sql = "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY CREATED, ROUTINE_NAME";
        var result = new List<RoutineSchema>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var name = Text(row[0]);
            var kind = Text(row[1]).Equals("PROCEDURE", StringComparison.OrdinalIgnoreCase) ? "procedure" : "function";
            string? definition = null;
            try
            {
                var show = await QueryAsync(connection, $"SHOW CREATE {kind.ToUpperInvariant()} {IdentifierQuoting.Backticks.Quote(name)}", cancellationToken).ConfigureAwait(false);
                definition = show.Count > 0 ? Str(show[0][2]) : null;
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
            SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
            FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER, TRIGGER_NAME
            """;
        return (await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
            .Where(r => tables.Contains(Text(r[1])))
            .Select(r => new TriggerSchema(Text(r[0]), new QualifiedName(database, Text(r[1])),
                $"CREATE TRIGGER {IdentifierQuoting.Backticks.Quote(Text(r[0]))} {Text(r[2])} {Text(r[3])} ON {IdentifierQuoting.Backticks.Quote(Text(r[1]))} FOR EACH ROW {Text(r[4])}"))
            .ToList();
    }

    /// <summary>The PARTITION BY clause of a partitioned table (SHOW CREATE TABLE's tail, its version comment removed), or null.</summary>
    public static async Task<string?> PartitionClauseAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, $"SHOW CREATE TABLE {IdentifierQuoting.Backticks.Quote(table)}", cancellationToken).ConfigureAwait(false);
        var create = rows.Count > 0 ? Str(rows[0][1]) : null;
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
            var rows = await QueryAsync(connection,
                $"SELECT start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM {IdentifierQuoting.Backticks.Quote(sequence.Name.Name)}",
                cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0) return sequence;
            var r = rows[0];
            return sequence with { Start = Long(r[0]), MinValue = Long(r[1]), MaxValue = Long(r[2]), Increment = Long(r[3]), Cache = Long(r[4]), Cycle = Bool(r[5]) };
        }
        catch (DbException)
        {
            // Without SELECT on the sequence its parameters stay the defaults.
            return sequence;
        }
    }

    [GeneratedRegex(@"^\s*CREATE\s+DEFINER\s*=\s*(`[^`]*`|'[^']*'|[^@\s]+)@(`[^`]*`|'[^']*'|[^\s]+)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Definer();
}
