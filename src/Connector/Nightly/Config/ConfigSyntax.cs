using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sdv.Connector.Nightly.Config;

/// <summary>
/// Reads a configuration file into <see cref="ConfigNode"/>s: JSON when the file ends in .json,
/// YAML otherwise (YAML is a superset of JSON, but a .json file gets JSON's stricter errors).
/// </summary>
internal static class ConfigSyntax
{
    /// <exception cref="FormatException">The file is not valid YAML/JSON, or its top is not a map.</exception>
    public static ConfigMap Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, fileName) : ParseYaml(text, fileName);
        return root switch
        {
            ConfigMap map => map,
            null => new ConfigMap(0, []),
            _ => throw new FormatException($"{fileName}: the top of the file must be a map of keys (source:, target:, ...), not {root.Kind}."),
        };
    }

    private static ConfigNode? ParseYaml(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{fileName} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message.Split('\n')[0]}", e);
        }
        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    private static ConfigNode FromYaml(YamlNode node)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                return new ConfigMap(line, map.Children.Select(p => new KeyValuePair<string, ConfigNode>(
                    (p.Key as YamlScalarNode)?.Value ?? p.Key.ToString(), FromYaml(p.Value))).ToList());
            case YamlSequenceNode list:
                return new ConfigList(line, list.Children.Select(FromYaml).ToList());
            case YamlScalarNode scalar:
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                return new ConfigScalar(line, isNull ? null : scalar.Value);
            default:
                return new ConfigScalar(line, null);
        }
    }

    private static ConfigNode? ParseJson(string text, string fileName)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return FromJson(node);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{fileName} is not valid JSON{(e.LineNumber is { } l ? $" at line {l + 1}" : string.Empty)}: {e.Message.Split(". ")[0]}", e);
        }
    }

    private static ConfigNode FromJson(JsonNode? node) => node switch
    {
        // JSON carries no line numbers through JsonNode; messages name the key path instead.
        JsonObject map => new ConfigMap(0, map.Select(p => new KeyValuePair<string, ConfigNode>(p.Key, FromJson(p.Value))).ToList()),
        JsonArray list => new ConfigList(0, list.Select(FromJson).ToList()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => new ConfigScalar(0, value.GetValue<string>()),
        JsonValue value => new ConfigScalar(0, value.ToJsonString()),
        _ => new ConfigScalar(0, null),
    };
}
