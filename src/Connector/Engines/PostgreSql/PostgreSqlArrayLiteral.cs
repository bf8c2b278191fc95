using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// An array's canonical form (a JSON array, as <c>array_to_json</c> reads it) to PostgreSQL's array
/// literal: <c>[1,null,"a b"]</c> → <c>{1,NULL,"a b"}</c>, nested arrays as nested braces. Every
/// string element is double-quoted with backslash and quote escaped, so any text is safe.
/// </summary>
internal static class PostgreSqlArrayLiteral
{
    public static string FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Already a literal (a value read as text from an older model): pass it on unchanged.
            return json;
        }
        if (node is not JsonArray array) return json;
        var literal = new StringBuilder();
        Append(literal, array);
        return literal.ToString();
    }

    private static void Append(StringBuilder literal, JsonArray array)
    {
        literal.Append('{');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0) literal.Append(',');
            switch (array[i])
            {
                case null: literal.Append("NULL"); break;
                case JsonArray inner: Append(literal, inner); break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    literal.Append(value.ToJsonString());
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text): Quoted(literal, text); break;
                case var other: Quoted(literal, other.ToJsonString()); break;
            }
        }
        literal.Append('}');
    }

    private static void Quoted(StringBuilder literal, string text)
    {
        literal.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') literal.Append('\\');
            literal.Append(c);
        }
        literal.Append('"');
    }
}
