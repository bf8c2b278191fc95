using System.Text.Encodings.Web;
using System.Text.Json;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>The JSON form of an <see cref="EvaluationResult"/> (camelCase, nulls kept so every key is always there); see docs/evaluation-json.md.</summary>
internal static class EvaluationJson
{
    /// <summary>Bumped when a key is renamed or removed; adding keys does not bump it.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,

        // Property names such as "Column Shapes" and values with quotes or '<' stay readable; the HTML report escapes on its own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(EvaluationResult result)
    {
        var node = JsonSerializer.SerializeToNode(result, Options)!.AsObject();
        node.Insert(0, "schemaVersion", SchemaVersion);
        return node.ToJsonString(Options);
    }
}
