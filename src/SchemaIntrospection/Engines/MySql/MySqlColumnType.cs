using System.Globalization;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// information_schema.COLUMNS.COLUMN_TYPE taken apart: <c>int(10) unsigned zerofill</c>,
/// <c>decimal(12,3)</c>, <c>enum('a','it''s')</c>. The type name is lower case; the raw text
/// between the outer parentheses is kept because ENUM/SET lists need their own parser.
/// </summary>
internal sealed record MySqlColumnType(string Name, string? Arguments, bool IsUnsigned, bool IsZerofill)
{
    /// <summary>Numeric arguments, e.g. [12, 3] for <c>decimal(12,3)</c>; empty where there are none or they are not numbers.</summary>
    public IReadOnlyList<int> NumericArguments
    {
        get
        {
            if (Arguments is null) return [];
            var parts = Arguments.Split(',', StringSplitOptions.TrimEntries);
            var numbers = new List<int>(parts.Length);
            foreach (var part in parts)
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return [];
                numbers.Add(n);
            }
            return numbers;
        }
    }

    public static MySqlColumnType Parse(string columnType)
    {
        ArgumentNullException.ThrowIfNull(columnType);
        var text = columnType.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        string name;
        string? arguments = null;
        string rest;
        if (open < 0)
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            name = space < 0 ? text : text[..space];
            rest = space < 0 ? string.Empty : text[space..];
        }
        else
        {
            name = text[..open].Trim();
            var close = FindClose(text, open);
            arguments = text[(open + 1)..close];
            rest = close + 1 < text.Length ? text[(close + 1)..] : string.Empty;
        }

        // Only the words after the argument list are modifiers; a quoted enum value "unsigned" is not.
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new MySqlColumnType(
            name.ToLowerInvariant(),
            arguments,
            words.Contains("unsigned", StringComparer.OrdinalIgnoreCase),
            words.Contains("zerofill", StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The parenthesis that closes <paramref name="open"/>, skipping quoted text (enum values may hold parentheses).</summary>
    private static int FindClose(string text, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'') i++;
                    else quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '\'': quoted = true; break;
                case '(': depth++; break;
                case ')':
                    depth--;
                    if (depth == 0) return i;
                    break;
            }
        }
        return text.Length;
    }
}
