using System.Globalization;
using System.Text;

namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>
/// Parses the common CHECK forms as engines print them: comparisons, IN lists (and PostgreSQL's
/// <c>= ANY (ARRAY[...])</c>, and <c>&lt;&gt; ALL (ARRAY[...])</c> for NOT IN), BETWEEN, IS [NOT] NULL, AND/OR/NOT, with any engine's identifier
/// quoting ("x", [x], `x`), redundant parentheses, casts (<c>(0)::numeric</c>, <c>CAST(x AS t)</c>)
/// and charset introducers (<c>_utf8mb4'a'</c>), and text patterns: PostgreSQL's <c>~</c>, <c>~*</c>, <c>!~</c>, MySQL's
/// REGEXP and RLIKE, [NOT] LIKE and ILIKE. Anything else throws <see cref="CheckParseException"/>.
/// </summary>
internal sealed class CheckParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE", "ANY", "ARRAY", "CAST", "AS", "LIKE", "ILIKE", "REGEXP", "RLIKE",
    };

    private readonly List<Token> _tokens;
    private int _pos;

    private CheckParser(List<Token> tokens) => _tokens = tokens;

    public static CheckNode Parse(string expression)
    {
        var parser = new CheckParser(Tokenize(expression));
        var node = parser.ParseOr();
        if (parser._pos != parser._tokens.Count)
        {
            throw new CheckParseException($"Unexpected '{parser._tokens[parser._pos].Text}' in CHECK ({expression}).");
        }

        return node;
    }

    private CheckNode ParseOr()
    {
        var left = ParseAnd();
        while (AcceptKeyword("OR"))
        {
            left = new CheckNode { Kind = CheckNodeKind.Or, Children = [left, ParseAnd()] };
        }

        return left;
    }

    private CheckNode ParseAnd()
    {
        var left = ParseNot();
        while (AcceptKeyword("AND"))
        {
            left = new CheckNode { Kind = CheckNodeKind.And, Children = [left, ParseNot()] };
        }

        return left;
    }

    private CheckNode ParseNot() => AcceptKeyword("NOT")
        ? new CheckNode { Kind = CheckNodeKind.Not, Children = [ParseNot()] }
        : ParsePredicate();

    private CheckNode ParsePredicate()
    {
        var left = ParseOperand();
        if (left.Kind is CheckNodeKind.And or CheckNodeKind.Or or CheckNodeKind.Not or CheckNodeKind.Compare
            or CheckNodeKind.In or CheckNodeKind.Between or CheckNodeKind.IsNull or CheckNodeKind.Match)
        {
            return left;
        }

        if (AcceptKeyword("IS"))
        {
            var negated = AcceptKeyword("NOT");
            ExpectKeyword("NULL");
            return new CheckNode { Kind = CheckNodeKind.IsNull, Negated = negated, Children = [left] };
        }

        var not = AcceptKeyword("NOT");
        if (AcceptKeyword("IN"))
        {
            Expect("(");
            var items = new List<CheckNode> { left };
            do
            {
                items.Add(ParseOperand());
            }
            while (Accept(","));
            Expect(")");
            SkipCast();
            return new CheckNode { Kind = CheckNodeKind.In, Negated = not, Children = items };
        }

        if (AcceptKeyword("BETWEEN"))
        {
            var low = ParseOperand();
            ExpectKeyword("AND");
            var high = ParseOperand();
            return new CheckNode { Kind = CheckNodeKind.Between, Negated = not, Children = [left, low, high] };
        }

        foreach (var (keyword, kind) in new[] { ("LIKE", "like"), ("ILIKE", "like-i"), ("REGEXP", "regex"), ("RLIKE", "regex") })
        {
            if (AcceptKeyword(keyword)) return Match(left, kind, not);
        }

        if (not)
        {
            throw new CheckParseException("NOT must be followed by IN, BETWEEN, LIKE or REGEXP here.");
        }

        if (Peek() is { Type: TokenType.Operator, Text: "~" or "~*" or "!~" or "!~*" } match)
        {
            _pos++;
            return Match(left, match.Text.EndsWith('*') ? "regex-i" : "regex", match.Text.StartsWith('!'));
        }

        if (Peek() is { Type: TokenType.Operator } op)
        {
            _pos++;
            var opText = op.Text == "!=" ? "<>" : op.Text == "==" ? "=" : op.Text;
            if (opText == "=" && AcceptKeyword("ANY"))
            {
                // PostgreSQL prints IN (...) as = ANY (ARRAY[...]).
                return new CheckNode { Kind = CheckNodeKind.In, Children = [left, .. ParseAnyList()] };
            }

            if (opText == "<>" && AcceptKeyword("ALL"))
            {
                // And NOT IN (...) as <> ALL (ARRAY[...]).
                return new CheckNode { Kind = CheckNodeKind.In, Negated = true, Children = [left, .. ParseAnyList()] };
            }

            var right = ParseOperand();
            return new CheckNode { Kind = CheckNodeKind.Compare, Operator = opText, Children = [left, right] };
        }

        // A bare operand: a boolean column (CHECK (active)) or a parenthesised value such as (0).
        return left;
    }

    /// <summary>A pattern match of <paramref name="left"/>: the pattern must be a text literal, and one .NET can read.</summary>
    private CheckNode Match(CheckNode left, string kind, bool negated)
    {
        var pattern = ParseOperand();
        if (pattern is not { Kind: CheckNodeKind.Literal, Value: string text })
        {
            throw new CheckParseException("A pattern that is not a text literal is not understood.");
        }

        return new CheckNode
        {
            Kind = CheckNodeKind.Match, Operator = kind, Negated = negated, Children = [left, pattern],
            Pattern = kind.StartsWith("like", StringComparison.Ordinal) ? TextPatterns.FromLike(text, kind == "like-i") : TextPatterns.FromPosix(text, kind == "regex-i"),
        };
    }

    private List<CheckNode> ParseAnyList()
    {
        Expect("(");
        var depth = 0;
        while (Accept("("))
        {
            depth++;
        }

        ExpectKeyword("ARRAY");
        Expect("[");
        var items = new List<CheckNode>();
        do
        {
            items.Add(ParseOperand());
        }
        while (Accept(","));
        Expect("]");
        for (; depth > 0; depth--)
        {
            Expect(")");
            SkipCast();
        }

        SkipCast();
        Expect(")");
        return items;
    }

    /// <summary>A column, a literal, a cast of either, or a parenthesised expression (which may be a whole predicate).</summary>
    private CheckNode ParseOperand()
    {
        CheckNode node;
        var token = Peek() ?? throw new CheckParseException("The CHECK ends too early.");
        if (token.Type == TokenType.Punct && token.Text == "(")
        {
            _pos++;
            node = ParseOr();
            Expect(")");
        }
        else if (token.Type == TokenType.Punct && token.Text == "-" && PeekAt(1) is { Type: TokenType.Number } negative)
        {
            _pos += 2;
            node = Literal(-decimal.Parse(negative.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else if (token.Type == TokenType.Number)
        {
            _pos++;
            node = Literal(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else if (token.Type == TokenType.String)
        {
            _pos++;
            node = Literal(token.Text);
        }
        else if (token.Type == TokenType.Identifier && !token.Quoted && token.Text.Equals("CAST", StringComparison.OrdinalIgnoreCase))
        {
            _pos++;
            Expect("(");
            node = ParseOperand();
            ExpectKeyword("AS");
            SkipTypeName();
            Expect(")");
        }
        else if (token.Type == TokenType.Identifier && !token.Quoted && IsKeyword(token, "NULL"))
        {
            _pos++;
            node = Literal(null);
        }
        else if (token.Type == TokenType.Identifier && !token.Quoted && (IsKeyword(token, "TRUE") || IsKeyword(token, "FALSE")))
        {
            _pos++;
            node = Literal(IsKeyword(token, "TRUE"));
        }
        else if (token.Type == TokenType.Identifier && (token.Quoted || !Keywords.Contains(token.Text)))
        {
            _pos++;
            if (Peek() is { Type: TokenType.Punct, Text: "(" })
            {
                if (!CheckFunctions.Knows(token.Text)) throw new CheckParseException($"Function {token.Text}(...) is not understood.");
                _pos++;
                // PostgreSQL prints trim(x) as TRIM(BOTH FROM x), ltrim and rtrim as LEADING and TRAILING.
                var function = token.Text.ToLowerInvariant();
                if (function == "trim")
                {
                    if (AcceptKeyword("LEADING")) function = "ltrim";
                    else if (AcceptKeyword("TRAILING")) function = "rtrim";
                    else AcceptKeyword("BOTH");
                    if (Peek() is { } from && IsKeyword(from, "FROM")) _pos++;
                }

                var arguments = new List<CheckNode> { ParseOperand() };
                while (Accept(",")) arguments.Add(ParseOperand());
                Expect(")");
                if (function != "round" && arguments.Count > 1) throw new CheckParseException($"{token.Text}(...) of {arguments.Count} arguments is not understood.");
                node = new CheckNode { Kind = CheckNodeKind.Function, Name = function, Children = arguments };
                SkipCast();
                return node;
            }

            // table.column: keep the last part.
            var name = token.Text;
            while (Accept("."))
            {
                name = Next().Text;
            }

            node = new CheckNode { Kind = CheckNodeKind.Column, Name = name };
        }
        else
        {
            throw new CheckParseException($"Unexpected '{token.Text}'.");
        }

        SkipCast();
        return node;
    }

    private static CheckNode Literal(object? value) => new() { Kind = CheckNodeKind.Literal, Value = value };

    private void SkipCast()
    {
        while (Accept("::"))
        {
            SkipTypeName();
        }
    }

    private void SkipTypeName()
    {
        // Type names may be several words (character varying, timestamp without time zone), with (n) and [].
        while (Peek() is { Type: TokenType.Identifier } t && !(t.Quoted is false && Keywords.Contains(t.Text) && !IsKeyword(t, "ARRAY")))
        {
            _pos++;
        }

        if (Accept("("))
        {
            while (!Accept(")"))
            {
                Next();
            }
        }

        while (Peek() is { Type: TokenType.Punct, Text: "[" } && PeekAt(1) is { Type: TokenType.Punct, Text: "]" })
        {
            _pos += 2;
        }
    }

    private Token? Peek() => _pos < _tokens.Count ? _tokens[_pos] : null;

    private Token? PeekAt(int offset) => _pos + offset < _tokens.Count ? _tokens[_pos + offset] : null;

    private Token Next() => _pos < _tokens.Count ? _tokens[_pos++] : throw new CheckParseException("The CHECK ends too early.");

    private bool Accept(string punct)
    {
        if (Peek() is { } t && t.Type is TokenType.Punct or TokenType.Operator && t.Text == punct)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string punct)
    {
        if (!Accept(punct))
        {
            throw new CheckParseException($"Expected '{punct}' but found '{Peek()?.Text ?? "the end"}'.");
        }
    }

    private static bool IsKeyword(Token t, string keyword) => !t.Quoted && t.Type == TokenType.Identifier && t.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool AcceptKeyword(string keyword)
    {
        if (Peek() is { } t && IsKeyword(t, keyword))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw new CheckParseException($"Expected {keyword} but found '{Peek()?.Text ?? "the end"}'.");
        }
    }

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'' || ((c == 'N' || c == 'n' || c == 'E' || c == 'e') && i + 1 < s.Length && s[i + 1] == '\'' && !PrecededByWord(s, i)))
            {
                if (c != '\'')
                {
                    i++;
                }

                tokens.Add(new Token(TokenType.String, ReadQuoted(s, ref i, '\''), true));
            }
            else if (c == '_' && ReadIntroducer(s, i) is var introEnd && introEnd > i)
            {
                i = introEnd;
                tokens.Add(new Token(TokenType.String, ReadQuoted(s, ref i, '\''), true));
            }
            else if (c == '"' || c == '`')
            {
                tokens.Add(new Token(TokenType.Identifier, ReadQuoted(s, ref i, c), true));
            }
            else if (c == '[' && !(tokens.Count > 0 && IsKeyword(tokens[^1], "ARRAY")) && !(i + 1 < s.Length && s[i + 1] == ']'))
            {
                // SQL Server doubles a ']' inside brackets: [a]]b] is the column a]b.
                if (s.IndexOf(']', i + 1) < 0)
                {
                    throw new CheckParseException("Unclosed [identifier].");
                }

                tokens.Add(new Token(TokenType.Identifier, ReadQuoted(s, ref i, ']'), true));
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < s.Length && char.IsDigit(s[i + 1])))
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.' || ((s[i] == 'e' || s[i] == 'E') && i + 1 < s.Length && (char.IsDigit(s[i + 1]) || s[i + 1] is '+' or '-'))))
                {
                    if (s[i] is 'e' or 'E')
                    {
                        i++;
                    }

                    i++;
                }

                tokens.Add(new Token(TokenType.Number, s[start..i], false));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '$'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenType.Identifier, s[start..i], false));
            }
            else if (c is '~' or '!' && s.AsSpan(i).StartsWith(c == '~' ? "~" : "!~", StringComparison.Ordinal))
            {
                // PostgreSQL's regular-expression matches: ~, ~* (case-insensitive), !~ and !~* (negated).
                var start = i;
                i += c == '~' ? 1 : 2;
                if (i < s.Length && s[i] == '*') i++;
                tokens.Add(new Token(TokenType.Operator, s[start..i], false));
            }
            else if (i + 1 < s.Length && s.Substring(i, 2) is "<=" or ">=" or "<>" or "!=" or "==" or "::")
            {
                var two = s.Substring(i, 2);
                tokens.Add(new Token(two == "::" ? TokenType.Punct : TokenType.Operator, two, false));
                i += 2;
            }
            else if (c is '<' or '>' or '=')
            {
                tokens.Add(new Token(TokenType.Operator, c.ToString(), false));
                i++;
            }
            else if (c is '(' or ')' or ',' or '[' or ']' or '.' or '-' or '+')
            {
                tokens.Add(new Token(TokenType.Punct, c.ToString(), false));
                i++;
            }
            else
            {
                throw new CheckParseException($"Unexpected character '{c}'.");
            }
        }

        return tokens;
    }

    private static bool PrecededByWord(string s, int i) => i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_');

    /// <summary>MySQL charset introducer such as _utf8mb4 directly before a quote; returns the quote's position.</summary>
    private static int ReadIntroducer(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
        {
            j++;
        }

        return j < s.Length && s[j] == '\'' ? j : i;
    }

    private static string ReadQuoted(string s, ref int i, char quote)
    {
        var builder = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                if (i + 1 < s.Length && s[i + 1] == quote)
                {
                    builder.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            // MySQL and MariaDB print a backslash in a text as two: '^[a-z]+\\.com$' is the pattern ^[a-z]+\.com$.
            if (s[i] == '\\' && quote == '\'' && i + 1 < s.Length && s[i + 1] == '\\')
            {
                builder.Append('\\');
                i += 2;
                continue;
            }

            if (s[i] == '\\' && quote == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
            {
                builder.Append('\'');
                i += 2;
                continue;
            }

            builder.Append(s[i++]);
        }

        throw new CheckParseException("Unclosed quote.");
    }

    private enum TokenType
    {
        Identifier,
        Number,
        String,
        Operator,
        Punct,
    }

    private sealed record Token(TokenType Type, string Text, bool Quoted);
}
