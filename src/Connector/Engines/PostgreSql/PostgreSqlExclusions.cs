using System.Data.Common;
using System.Text;
using Npgsql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// Exclusion constraints (<c>EXCLUDE USING gist (room WITH =, during WITH &amp;&amp;)</c>) of a PostgreSQL
/// source, added after the load. The models do not know them, so synthetic rows may conflict (two
/// bookings of a room overlapping): where the table is no foreign key's parent, the later of two
/// conflicting rows is deleted and the constraint added, with a warning that says how many; where
/// rows of other tables may point at it, or the constraint's parts are expressions, it is left out
/// with a warning.
/// </summary>
internal static class PostgreSqlExclusions
{
    private const string Prefix = "postgresql:exclusion:";
    private static readonly PostgreSqlDialect D = PostgreSqlDialect.Instance;

    public static async Task<IReadOnlyList<string>> CreateAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var warnings = new List<string>();
        var parents = schema.Tables.SelectMany(t => t.ForeignKeys).Select(fk => fk.PrincipalTable).ToHashSet();
        foreach (var table in schema.Tables.Where(t => SchemaMapper.SourceEngineOf(t) == DatabaseEngine.PostgreSql))
        {
            foreach (var (key, definition) in table.Annotations.Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var name = key[Prefix.Length..];
                var add = $"ALTER TABLE {D.Quote(table.Name)} ADD CONSTRAINT {D.Quote(name)} {definition}";
                if (await TryAsync(connection, add, cancellationToken) is not { } refusal) continue;
                if (refusal.SqlState != PostgresErrorCodes.ExclusionViolation)
                {
                    warnings.Add($"Exclusion constraint {name} on {table.Name} is not created: {refusal.MessageText}.");
                    continue;
                }
                if (parents.Contains(table.Name) || Conflict(definition) is not { } conflict)
                {
                    warnings.Add($"Exclusion constraint {name} on {table.Name} is not created: synthetic rows conflict under it ({refusal.MessageText}), and they cannot be removed safely.");
                    continue;
                }
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM {D.Quote(table.Name)} a USING {D.Quote(table.Name)} b WHERE a.ctid > b.ctid AND {conflict}";
                delete.CommandTimeout = 0;
                var removed = await delete.ExecuteNonQueryAsync(cancellationToken);
                if (await TryAsync(connection, add, cancellationToken) is { } again)
                {
                    warnings.Add($"Exclusion constraint {name} on {table.Name} is not created: {again.MessageText}.");
                    continue;
                }
                warnings.Add($"Exclusion constraint {name} on {table.Name}: {removed} synthetic row(s) that conflicted under it were removed.");
            }
        }
        return warnings;
    }

    private static async Task<PostgresException?> TryAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await SqlCommands.ExecuteAsync(connection, sql, cancellationToken);
            return null;
        }
        catch (PostgresException e)
        {
            return e;
        }
    }

    /// <summary>"a.x = b.x AND a.y &amp;&amp; b.y" from the constraint's elements, or null where one is not a plain column.</summary>
    internal static string? Conflict(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var open = definition.IndexOf('(', StringComparison.Ordinal);
        if (open < 0) return null;
        var depth = 0;
        var close = -1;
        for (var i = open; i < definition.Length && close < 0; i++)
        {
            if (definition[i] == '(') depth++;
            else if (definition[i] == ')' && --depth == 0) close = i;
        }
        if (close < 0) return null;
        var parts = new List<string>();
        foreach (var element in SplitTopLevel(definition[(open + 1)..close]))
        {
            var with = element.LastIndexOf(" WITH ", StringComparison.OrdinalIgnoreCase);
            if (with < 0) return null;
            var column = element[..with].Trim();
            var op = element[(with + 6)..].Trim();
            if (!IsColumn(column) || op.Length == 0 || op.Any(c => char.IsLetterOrDigit(c) || c is ';' or '(' or ')')) return null;
            parts.Add($"a.{column} {op} b.{column}");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private static bool IsColumn(string text) =>
        (text.Length > 1 && text[0] == '"' && text[^1] == '"' && !text[1..^1].Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal))
        || (text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '$'));

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }
}
