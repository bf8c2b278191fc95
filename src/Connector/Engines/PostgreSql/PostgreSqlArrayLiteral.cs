using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// An array's canonical form (a JSON array, as <c>array_to_json</c> reads it) to PostgreSQL's array
/// literal: <c>[1,null,"a b"]</c> → <c>{1,NULL,"a b"}</c>, nested arrays as nested braces. Every
/// string element is double-quoted with backslash and quote escaped, so any text is safe. An array of
/// a composite type reads as JSON objects (<c>[{"a":28,"b":"x"}]</c>); given the type's attribute
/// names, each object is written as a record literal of those attributes in their order
/// (<c>{"(\"28\",\"x\")"}</c>), an attribute the object lacks as NULL. Without them (json and jsonb
/// arrays) an object is an element of its JSON text.
/// </summary>
internal static class PostgreSqlArrayLiteral
{
    public static string FromJson(string json) => FromJson(json, null);

    /// <param name="elementAttributes">The attribute names, in order, of the array's composite element type; null where the element type is not composite.</param>
    public static string FromJson(string json, IReadOnlyList<string>? elementAttributes)
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
        Append(literal, array, elementAttributes);
        return literal.ToString();
    }

    private static void Append(StringBuilder literal, JsonArray array, IReadOnlyList<string>? elementAttributes)
    {
        literal.Append('{');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0) literal.Append(',');
            switch (array[i])
            {
                case null: literal.Append("NULL"); break;
                case JsonArray inner: Append(literal, inner, elementAttributes); break;
                case JsonObject record when elementAttributes is not null: Quoted(literal, Record(record, elementAttributes)); break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    literal.Append(value.ToJsonString());
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text): Quoted(literal, text); break;
                case var other: Quoted(literal, other.ToJsonString()); break;
            }
        }
        literal.Append('}');
    }

    /// <summary>
    /// A record literal, <c>("28","x")</c>: every attribute quoted (an empty string is not NULL), NULL as nothing
    /// between the commas. An attribute that is itself an array is its array literal; an object, its JSON text.
    /// </summary>
    private static string Record(JsonObject record, IReadOnlyList<string> attributes)
    {
        var literal = new StringBuilder("(");
        for (var i = 0; i < attributes.Count; i++)
        {
            if (i > 0) literal.Append(',');
            switch (record[attributes[i]])
            {
                case null: break;
                case JsonArray inner:
                    var array = new StringBuilder();
                    Append(array, inner, null);
                    Quoted(literal, array.ToString());
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text): Quoted(literal, text); break;
                case var other: Quoted(literal, other.ToJsonString()); break;
            }
        }
        return literal.Append(')').ToString();
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
