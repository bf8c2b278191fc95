using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// Reads CHECK constraints, generated expressions, collations, AUTOINCREMENT and constraint names
/// from the CREATE TABLE text SQLite keeps in sqlite_schema: its pragmas report none of them.
/// </summary>
internal static class SqliteCreateTableParser
{
    private static readonly HashSet<string> ColumnConstraintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS",
    };

    public static SqliteTableDefinition Parse(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return SqliteTableDefinition.Empty;
        var tokens = SqliteTokenizer.Tokenize(sql);
        var open = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqliteTokenKind.OpenParen) { open = i; break; }
            // CREATE TABLE x AS SELECT ...: no column list to read.
            if (tokens[i].Is("AS")) return SqliteTableDefinition.Empty;
        }
        if (open < 0) return SqliteTableDefinition.Empty;
        var close = MatchingParen(tokens, open);

        var columns = new List<SqliteColumnDefinition>();
        var checks = new List<CheckConstraintSchema>();
        var uniques = new List<SqliteNamedColumns>();
        var foreignKeys = new List<SqliteNamedColumns>();
        string? primaryKeyName = null;

        foreach (var (start, end) in SplitItems(tokens, open + 1, close))
        {
            if (start >= end) continue;
            var first = tokens[start];
            if (first.Is("CONSTRAINT") || first.Is("PRIMARY") || first.Is("UNIQUE") || first.Is("CHECK") || first.Is("FOREIGN"))
            {
                ReadTableConstraint(sql, tokens, start, end, checks, uniques, foreignKeys, ref primaryKeyName);
            }
            else
            {
                columns.Add(ReadColumn(sql, tokens, start, end, checks, uniques, foreignKeys, ref primaryKeyName));
            }
        }

        var withoutRowId = false;
        var strict = false;
        for (var i = close + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Is("WITHOUT") && i + 1 < tokens.Count && tokens[i + 1].Is("ROWID")) withoutRowId = true;
            if (tokens[i].Is("STRICT")) strict = true;
        }

        return new SqliteTableDefinition
        {
            Columns = columns,
            Checks = checks,
            PrimaryKeyName = primaryKeyName,
            Uniques = uniques,
            ForeignKeys = foreignKeys,
            WithoutRowId = withoutRowId,
            IsStrict = strict,
        };
    }

    /// <summary>The WHERE predicate of a CREATE INDEX statement, or null.</summary>
    public static string? IndexFilter(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return null;
        var tokens = SqliteTokenizer.Tokenize(sql);
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == SqliteTokenKind.OpenParen) depth++;
            else if (token.Kind == SqliteTokenKind.CloseParen) depth--;
            else if (depth == 0 && token.Is("WHERE")) return sql[token.End..].Trim().TrimEnd(';').Trim();
        }
        return null;
    }

    private static void ReadTableConstraint(
        string sql, IReadOnlyList<SqliteToken> tokens, int start, int end,
        List<CheckConstraintSchema> checks, List<SqliteNamedColumns> uniques, List<SqliteNamedColumns> foreignKeys,
        ref string? primaryKeyName)
    {
        string? name = null;
        var i = start;
        if (tokens[i].Is("CONSTRAINT") && i + 1 < end)
        {
            name = tokens[i + 1].Value;
            i += 2;
        }
        if (i >= end) return;
        var kind = tokens[i];
        var open = NextParen(tokens, i, end);
        if (open < 0) return;
        var close = MatchingParen(tokens, open);
        if (kind.Is("CHECK"))
        {
            checks.Add(new CheckConstraintSchema(name, Between(sql, tokens, open, close)));
        }
        else if (kind.Is("PRIMARY"))
        {
            primaryKeyName = name;
        }
        else if (kind.Is("UNIQUE"))
        {
            uniques.Add(new SqliteNamedColumns(name, ColumnList(tokens, open, close)));
        }
        else if (kind.Is("FOREIGN"))
        {
            foreignKeys.Add(new SqliteNamedColumns(name, ColumnList(tokens, open, close)));
        }
    }

    private static SqliteColumnDefinition ReadColumn(
        string sql, IReadOnlyList<SqliteToken> tokens, int start, int end,
        List<CheckConstraintSchema> checks, List<SqliteNamedColumns> uniques, List<SqliteNamedColumns> foreignKeys,
        ref string? primaryKeyName)
    {
        var column = new SqliteColumnDefinition(tokens[start].Value);
        var i = start + 1;
        // The declared type: words, then an optional (n) or (p, s); the pragmas report it, so it is only skipped.
        while (i < end && tokens[i].Kind == SqliteTokenKind.Word && !ColumnConstraintWords.Contains(tokens[i].Text)) i++;
        if (i < end && tokens[i].Kind == SqliteTokenKind.OpenParen) i = MatchingParen(tokens, i) + 1;

        string? pendingName = null;
        while (i < end)
        {
            var token = tokens[i];
            if (token.Is("CONSTRAINT") && i + 1 < end)
            {
                pendingName = tokens[i + 1].Value;
                i += 2;
                continue;
            }
            if (token.Is("CHECK") || token.Is("AS"))
            {
                var open = NextParen(tokens, i, end);
                if (open < 0) { i++; continue; }
                var close = MatchingParen(tokens, open);
                var expression = Between(sql, tokens, open, close);
                if (token.Is("CHECK"))
                {
                    checks.Add(new CheckConstraintSchema(pendingName, expression));
                }
                else
                {
                    var stored = close + 1 < end && tokens[close + 1].Is("STORED");
                    column = column with { GeneratedSql = expression, IsStored = stored };
                }
                pendingName = null;
                i = close + 1;
                continue;
            }
            if (token.Is("COLLATE") && i + 1 < end)
            {
                column = column with { Collation = tokens[i + 1].Value };
                i += 2;
                continue;
            }
            if (token.Is("PRIMARY"))
            {
                primaryKeyName = pendingName;
                pendingName = null;
            }
            else if (token.Is("UNIQUE"))
            {
                uniques.Add(new SqliteNamedColumns(pendingName, [column.Name]));
                pendingName = null;
            }
            else if (token.Is("REFERENCES"))
            {
                foreignKeys.Add(new SqliteNamedColumns(pendingName, [column.Name]));
                pendingName = null;
            }
            else if (token.Is("AUTOINCREMENT"))
            {
                column = column with { IsAutoIncrement = true };
            }
            else if (token.Is("NOT") || token.Is("NULL") || token.Is("DEFAULT"))
            {
                pendingName = null;
            }
            i = token.Kind == SqliteTokenKind.OpenParen ? MatchingParen(tokens, i) + 1 : i + 1;
        }
        return column;
    }

    private static List<(int Start, int End)> SplitItems(IReadOnlyList<SqliteToken> tokens, int start, int end)
    {
        var items = new List<(int, int)>();
        var depth = 0;
        var itemStart = start;
        for (var i = start; i < end; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == SqliteTokenKind.OpenParen)
            {
                depth++;
            }
            else if (kind == SqliteTokenKind.CloseParen)
            {
                depth--;
            }
            else if (kind == SqliteTokenKind.Comma && depth == 0)
            {
                items.Add((itemStart, i));
                itemStart = i + 1;
            }
        }
        items.Add((itemStart, end));
        return items;
    }

    private static List<string> ColumnList(IReadOnlyList<SqliteToken> tokens, int open, int close) =>
        SplitItems(tokens, open + 1, close).Where(r => r.Start < r.End).Select(r => tokens[r.Start].Value).ToList();

    private static int NextParen(IReadOnlyList<SqliteToken> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind == SqliteTokenKind.OpenParen) return i;
        }
        return -1;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/> (or the last token if unbalanced).</summary>
    private static int MatchingParen(IReadOnlyList<SqliteToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqliteTokenKind.OpenParen) depth++;
            else if (tokens[i].Kind == SqliteTokenKind.CloseParen && --depth == 0) return i;
        }
        return tokens.Count - 1;
    }

    private static string Between(string sql, IReadOnlyList<SqliteToken> tokens, int open, int close) =>
        sql[tokens[open].End..tokens[close].Start].Trim();
}
