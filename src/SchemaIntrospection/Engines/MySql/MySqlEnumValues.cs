using System.Text;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// Parses the value list of <c>enum(...)</c> / <c>set(...)</c> as COLUMN_TYPE prints it:
/// single-quoted values separated by commas, a quote doubled (<c>'it''s'</c>), backslash escapes
/// (<c>'a\\b'</c>), and commas or parentheses inside values (<c>'x,y'</c>) kept.
/// </summary>
internal static class MySqlEnumValues
{
    public static IReadOnlyList<string> Parse(string? list)
    {
        var values = new List<string>();
        if (string.IsNullOrWhiteSpace(list)) return values;
        var i = 0;
        while (i < list.Length)
        {
            while (i < list.Length && (list[i] == ',' || char.IsWhiteSpace(list[i]))) i++;
            if (i >= list.Length) break;
            if (list[i] != '\'')
            {
                throw new FormatException($"Unexpected '{list[i]}' at position {i} of the value list {list}: values must be quoted.");
            }
            i++;
            var value = new StringBuilder();
            var closed = false;
            while (i < list.Length)
            {
                var c = list[i];
                if (c == '\'')
                {
                    if (i + 1 < list.Length && list[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    closed = true;
                    break;
                }
                if (c == '\\' && i + 1 < list.Length)
                {
                    value.Append(Unescape(list[i + 1]));
                    i += 2;
                    continue;
                }
                value.Append(c);
                i++;
            }
            if (!closed) throw new FormatException($"Unterminated quoted value in the value list {list}.");
            values.Add(value.ToString());
        }
        return values;
    }

    private static string Unescape(char c) => c switch
    {
        '0' => "\0",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'b' => "\b",
        'Z' => "\u001A",
        _ => c.ToString(),
    };
}
