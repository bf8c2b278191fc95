namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// A small SQLite lexer: enough to split a CREATE statement into items while respecting quotes,
/// comments and parentheses. It does not validate SQL; SQLite already did when it stored the text.
/// </summary>
internal static class SqliteTokenizer
{
    public static IReadOnlyList<SqliteToken> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<SqliteToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && Peek(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c is '"' or '`')
            {
                i = Quoted(sql, i, c, SqliteTokenKind.QuotedIdentifier, tokens);
            }
            else if (c == '\'')
            {
                i = Quoted(sql, i, c, SqliteTokenKind.String, tokens);
            }
            else if (c == '[')
            {
                var end = sql.IndexOf(']', i + 1);
                end = end < 0 ? sql.Length - 1 : end;
                tokens.Add(new SqliteToken(SqliteTokenKind.QuotedIdentifier, sql[i..(end + 1)], i, end + 1));
                i = end + 1;
            }
            else if (c == '(' || c == ')' || c == ',')
            {
                var kind = c == '(' ? SqliteTokenKind.OpenParen : c == ')' ? SqliteTokenKind.CloseParen : SqliteTokenKind.Comma;
                tokens.Add(new SqliteToken(kind, c.ToString(), i, i + 1));
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i])) i++;
                // A decimal number such as 1.5 stays one word; a dotted name such as main.t does not matter here.
                if (i < sql.Length - 1 && sql[i] == '.' && char.IsAsciiDigit(sql[start]) && char.IsAsciiDigit(sql[i + 1]))
                {
                    i++;
                    while (i < sql.Length && IsWordChar(sql[i])) i++;
                }
                tokens.Add(new SqliteToken(SqliteTokenKind.Word, sql[start..i], start, i));
            }
            else
            {
                tokens.Add(new SqliteToken(SqliteTokenKind.Symbol, c.ToString(), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    private static int Quoted(string sql, int start, char quote, SqliteTokenKind kind, List<SqliteToken> tokens)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (Peek(sql, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        var end = Math.Min(i + 1, sql.Length);
        var text = sql[start..end];
        // An unterminated quote (never stored by SQLite, but be safe) is closed so Value does not fail.
        if (text.Length < 2 || text[^1] != quote || end - start < 2) text += quote;
        tokens.Add(new SqliteToken(kind, text, start, end));
        return end;
    }

    private static char Peek(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' || c > 127;
}
