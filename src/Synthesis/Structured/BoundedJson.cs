using System.Text.Json.Nodes;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// JSON documents for a column of bounded length (JSON kept in a varchar(255)): a document longer than the column is
/// drawn again, and where every draw is too long the shortest is shrunk, member by member and item by item from the
/// largest container, until it fits. A document is never cut: every value the clone holds parses, as the source's did.
/// </summary>
internal static class BoundedJson
{
    /// <summary>Draws before the shortest one is shrunk: enough for a bound that most source documents meet.</summary>
    private const int Draws = 20;

    public static string Next(TreeNode tree, int maxLength, Xoshiro256 random)
    {
        JsonNode? shortest = null;
        var shortestLength = int.MaxValue;
        for (var i = 0; i < Draws; i++)
        {
            var node = tree.Generate(random, new TreeShape(false, null, true));
            var text = node?.ToJsonString() ?? "null";
            if (text.Length <= maxLength) return text;
            if (text.Length < shortestLength) (shortest, shortestLength) = (node, text.Length);
        }
        return Shrink(shortest, maxLength);
    }

    /// <summary>The document with its last members or items removed, largest container first, until it fits (at worst an empty one).</summary>
    private static string Shrink(JsonNode? node, int maxLength)
    {
        var text = node?.ToJsonString() ?? "null";
        while (text.Length > maxLength && node is not null && Largest(node) is { } container)
        {
            switch (container)
            {
                case JsonObject obj:
                    obj.Remove(obj.Last().Key);
                    break;
                case JsonArray array:
                    array.RemoveAt(array.Count - 1);
                    break;
            }
            text = node.ToJsonString();
        }
        if (text.Length <= maxLength) return text;
        // A scalar too long (a string leaf wider than the column): an empty container of the document's kind.
        return node is JsonArray ? "[]" : "{}";
    }

    /// <summary>
    /// The non-empty array with the longest text in the document (fewer items keep the document's structure), else the
    /// non-empty object with the longest text; null where every container is empty.
    /// </summary>
    private static JsonNode? Largest(JsonNode node)
    {
        (JsonNode? Node, int Length) array = (null, -1), obj = (null, -1);
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o.Count > 0 && o.ToJsonString().Length is var objectLength && objectLength > obj.Length) obj = (o, objectLength);
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    if (a.Count > 0 && a.ToJsonString().Length is var arrayLength && arrayLength > array.Length) array = (a, arrayLength);
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(node);
        return array.Node ?? obj.Node;
    }
}
