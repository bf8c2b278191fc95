using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// PostgreSQL's text forms of a composite value (<c>(1,"a b",)</c>: fields by position, an empty
/// field NULL) and of an hstore map (<c>"a"=&gt;"1", "b"=&gt;NULL</c>), read into the JSON-like
/// shape <see cref="TreeNode"/> learns and written back.
/// </summary>
internal static class RowText
{
    /// <summary>A composite's fields as {"1": ..., "2": ...} (numbers as numbers, NULL as null), or null where it is not one.</summary>
    public static JsonObject? ReadComposite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < 2 || t[0] != '(' || t[^1] != ')') return null;
        var obj = new JsonObject();
        var index = 1;
        var i = 1;
        while (i <= t.Length - 1)
        {
            var (field, quoted, next) = ReadField(t, i, ',', ')');
            obj[index.ToString(CultureInfo.InvariantCulture)] = !quoted && field.Length == 0 ? null
                : !quoted && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? JsonValue.Create(number)
                : JsonValue.Create(field);
            index++;
            if (next >= t.Length - 1) break;
            i = next + 1;
        }
        return obj;
    }

    public static string WriteComposite(JsonNode? node, int fields)
    {
        var text = new StringBuilder("(");
        for (var f = 1; f <= fields; f++)
        {
            if (f > 1) text.Append(',');
            var value = (node as JsonObject)?[f.ToString(CultureInfo.InvariantCulture)];
            if (value is null) continue;
            var s = ScalarText(value);
            text.Append(s.Length == 0 || s.Any(c => c is ',' or '(' or ')' or '"' or '\\' || char.IsWhiteSpace(c))
                ? "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : s);
        }
        return text.Append(')').ToString();
    }

    /// <summary>An hstore's pairs as a flat object (NULL values as null), or null where it is not one.</summary>
    public static JsonObject? ReadHstore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var obj = new JsonObject();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
            if (i >= text.Length) break;
            var (key, _, afterKey) = ReadField(text, i, '=', '=');
            i = afterKey;
            if (i + 1 >= text.Length || text[i] != '=' || text[i + 1] != '>') return null;
            i += 2;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var (value, quoted, afterValue) = ReadField(text, i, ',', ',');
            obj[key] = !quoted && value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : JsonValue.Create(value);
            i = afterValue;
        }
        return obj;
    }

    public static string WriteHstore(JsonNode? node)
    {
        if (node is not JsonObject obj) return "";
        return string.Join(", ", obj.Select(p => Quote(p.Key) + "=>" + (p.Value is null ? "NULL" : Quote(ScalarText(p.Value)))));
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static string ScalarText(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : value is JsonValue n && n.TryGetValue<double>(out var d) ? d.ToString("R", CultureInfo.InvariantCulture)
        : value.ToJsonString();

    /// <summary>One field from <paramref name="start"/>: quoted ("" and \ escapes) or bare up to <paramref name="end1"/>/<paramref name="end2"/>; returns where it stopped.</summary>
    private static (string Field, bool Quoted, int Next) ReadField(string text, int start, char end1, char end2)
    {
        var field = new StringBuilder();
        var i = start;
        var quoted = false;
        if (i < text.Length && text[i] == '"')
        {
            quoted = true;
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length) { field.Append(text[i + 1]); i += 2; continue; }
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { i++; break; }
                field.Append(c);
                i++;
            }
            while (i < text.Length && text[i] != end1 && text[i] != end2) i++;
            return (field.ToString(), quoted, i);
        }
        while (i < text.Length && text[i] != end1 && text[i] != end2 && !(end1 == '=' && char.IsWhiteSpace(text[i])))
        {
            field.Append(text[i]);
            i++;
        }
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return (field.ToString().Trim(), quoted, i);
    }
}
