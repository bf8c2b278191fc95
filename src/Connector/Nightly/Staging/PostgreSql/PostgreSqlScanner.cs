namespace Sdv.Connector.Nightly.Staging.PostgreSql;

/// <summary>
/// Splits PostgreSQL text (a view's, an index's or a default's definition as the server prints it)
/// into tokens, enough to tell names from string constants, comments and everything else. It follows
/// the server's lexer where names are concerned: "quoted" identifiers with doubled quotes, '' and
/// E'\'' strings, $tag$ strings, nested block comments. Text it cannot read (an unterminated string)
/// runs to the end as one token, so nothing inside it is taken for a name.
/// </summary>
internal static class PostgreSqlScanner
{
    public static List<PostgreSqlToken> Tokens(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<PostgreSqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            var kind = Next(sql, ref i);
            tokens.Add(new PostgreSqlToken(kind, start, i - start));
        }
        return tokens;
    }

    private static PostgreSqlTokenKind Next(string sql, ref int i)
    {
        var c = sql[i];
        if (char.IsWhiteSpace(c))
        {
            while (i < sql.Length && char.IsWhiteSpace(sql[i])) i++;
            return PostgreSqlTokenKind.Whitespace;
        }
        if (c == '-' && At(sql, i + 1, '-'))
        {
            while (i < sql.Length && sql[i] != '\n') i++;
            return PostgreSqlTokenKind.Comment;
        }
        if (c == '/' && At(sql, i + 1, '*'))
        {
            BlockComment(sql, ref i);
            return PostgreSqlTokenKind.Comment;
        }
        if (c == '\'')
        {
            QuotedString(sql, ref i, backslashEscapes: false);
            return PostgreSqlTokenKind.String;
        }
        if (c == '"')
        {
            Quoted(sql, ref i, '"');
            return PostgreSqlTokenKind.QuotedIdentifier;
        }
        if (c == '$' && DollarTag(sql, i) is { } tag)
        {
            var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            i = end < 0 ? sql.Length : end + tag.Length;
            return PostgreSqlTokenKind.String;
        }
        if (IsIdentifierStart(c))
        {
            // E'...' (backslash escapes), U&'...', B'...', X'...', N'...': a prefix glued to a string is one constant.
            if (c is 'E' or 'e' && At(sql, i + 1, '\''))
            {
                i++;
                QuotedString(sql, ref i, backslashEscapes: true);
                return PostgreSqlTokenKind.String;
            }
            if (c is 'B' or 'b' or 'X' or 'x' or 'N' or 'n' && At(sql, i + 1, '\''))
            {
                i++;
                QuotedString(sql, ref i, backslashEscapes: false);
                return PostgreSqlTokenKind.String;
            }
            if (c is 'U' or 'u' && At(sql, i + 1, '&') && (At(sql, i + 2, '\'') || At(sql, i + 2, '"')))
            {
                i += 2;
                var quote = sql[i];
                if (quote == '\'')
                {
                    QuotedString(sql, ref i, backslashEscapes: false);
                    return PostgreSqlTokenKind.String;
                }
                Quoted(sql, ref i, '"');
                return PostgreSqlTokenKind.QuotedIdentifier;
            }
            while (i < sql.Length && IsIdentifierPart(sql[i])) i++;
            return PostgreSqlTokenKind.Identifier;
        }
        if (c == '.' && !(i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1])))
        {
            i++;
            return PostgreSqlTokenKind.Dot;
        }
        if (c == ':' && At(sql, i + 1, ':'))
        {
            i += 2;
            return PostgreSqlTokenKind.Cast;
        }
        if (char.IsAsciiDigit(c) || c == '.' || c == '$')
        {
            // A number (1, 1.5, .5, 1e-3) or a $1 parameter.
            i++;
            while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '_' || (sql[i] == '.' && !At(sql, i + 1, '.'))
                || (sql[i] is '+' or '-' && sql[i - 1] is 'e' or 'E')))
            {
                i++;
            }

            return PostgreSqlTokenKind.Other;
        }
        i++;
        return PostgreSqlTokenKind.Other;
    }

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static bool At(string sql, int index, char c) => index < sql.Length && sql[index] == c;

    /// <summary>A quoted run from the opening quote at <paramref name="i"/>: a doubled quote stays inside.</summary>
    private static void Quoted(string sql, ref int i, char quote)
    {
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (At(sql, i + 1, quote))
                {
                    i += 2;
                    continue;
                }
                i++;
                return;
            }
            i++;
        }
    }

    private static void QuotedString(string sql, ref int i, bool backslashEscapes)
    {
        if (!backslashEscapes)
        {
            Quoted(sql, ref i, '\'');
            return;
        }
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (sql[i] == '\'')
            {
                if (At(sql, i + 1, '\''))
                {
                    i += 2;
                    continue;
                }
                i++;
                return;
            }
            i++;
        }
        i = Math.Min(i, sql.Length);
    }

    private static void BlockComment(string sql, ref int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1, '*'))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1, '/'))
            {
                depth--;
                i += 2;
                if (depth == 0) return;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The $tag$ (or $$) that opens a dollar-quoted string at <paramref name="i"/>, or null for a $1 parameter.</summary>
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && !char.IsAsciiDigit(sql[j]))
        {
            while (j < sql.Length && sql[j] != '$' && (IsIdentifierStart(sql[j]) || char.IsAsciiDigit(sql[j]))) j++;
            if (j < sql.Length && sql[j] == '$') return sql[i..(j + 1)];
        }
        return null;
    }
}
