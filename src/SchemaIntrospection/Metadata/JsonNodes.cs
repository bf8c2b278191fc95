using System.Text.Json.Nodes;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>Small helpers the metadata writers and reader share.</summary>
internal static class JsonNodes
{
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static void RemoveNulls(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(key);
    }

    /// <summary>A key as SDV writes it (one column as a string) or as we write a composite one (a list); null when absent or of another shape.</summary>
    public static IReadOnlyList<string>? ReadKey(JsonNode? node) => node switch
    {
        JsonArray array when array.All(n => n is JsonValue v && v.TryGetValue<string>(out _)) => array.Select(n => n!.GetValue<string>()).ToList(),
        JsonValue value when value.TryGetValue<string>(out var single) => [single],
        _ => null,
    };

    /// <summary>The node's text, or null when it is absent or not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The node's boolean, or null when it is absent or not a boolean.</summary>
    public static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
