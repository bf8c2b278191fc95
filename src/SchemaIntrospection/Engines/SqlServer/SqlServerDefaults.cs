namespace Sdv.Connector.SchemaIntrospection.Engines.SqlServer;

/// <summary>
/// sys.default_constraints.definition wraps every default in parentheses, numbers twice
/// (<c>((0))</c>, <c>(getdate())</c>, <c>(N'abc')</c>). The wrapping is taken off so the default reads
/// as it was written; <c>(NULL)</c> means no default and becomes null.
/// </summary>
internal static class SqlServerDefaults
{
    public static string? Normalize(string? definition)
    {
        if (definition is null) return null;
        var text = definition.Trim();
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && OuterParenthesesMatch(text))
        {
            text = text[1..^1].Trim();
        }
        return text.Length == 0 || text.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : text;
    }

    /// <summary>True where the first parenthesis closes at the last character, not earlier (as in <c>(a)+(b)</c>); quotes are skipped.</summary>
    private static bool OuterParenthesesMatch(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'') i++;
                    else quoted = false;
                }
                continue;
            }
            if (c == '\'')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0 && i < text.Length - 1) return false;
            }
        }
        return depth == 0 && !quoted;
    }
}
