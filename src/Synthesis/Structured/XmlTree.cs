using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// XML read into the JSON-like shape <see cref="TreeNode"/> learns, and written back: an element is
/// an object whose keys are its attributes (<c>@name</c>), its child elements by name (an array
/// where a name repeats) and its text (<c>#text</c>); an element with text only is its text.
/// </summary>
internal static class XmlTree
{
    public const string TextKey = "#text";

    /// <summary>The document as {root: ...}, or null where the text is not well-formed XML.</summary>
    public static JsonObject? Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        try
        {
            var root = XElement.Parse(xml, LoadOptions.None);
            return new JsonObject { [NameOf(root)] = Element(root) };
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static JsonNode? Element(XElement element)
    {
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (!element.HasAttributes && !element.HasElements) return JsonValue.Create(text);
        var obj = new JsonObject();
        foreach (var attribute in element.Attributes()) obj["@" + NameOf(attribute)] = attribute.Value;
        foreach (var group in element.Elements().GroupBy(NameOf))
        {
            var items = group.Select(Element).ToList();
            obj[group.Key] = items.Count == 1 ? items[0] : new JsonArray([.. items]);
        }
        if (text.Length > 0) obj[TextKey] = text;
        return obj;
    }

    private static string NameOf(XElement element) => Prefixed(element.GetPrefixOfNamespace(element.Name.Namespace), element.Name.LocalName);

    private static string NameOf(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration) return attribute.Name.Namespace == XNamespace.None ? "xmlns" : "xmlns:" + attribute.Name.LocalName;
        return Prefixed(attribute.Parent?.GetPrefixOfNamespace(attribute.Name.Namespace), attribute.Name.LocalName);
    }

    private static string Prefixed(string? prefix, string local) => string.IsNullOrEmpty(prefix) ? local : prefix + ":" + local;

    /// <summary>Writes a generated {root: ...} back as one XML element.</summary>
    public static string Write(JsonNode? node)
    {
        var xml = new StringBuilder();
        if (node is JsonObject { Count: > 0 } root)
        {
            var (name, value) = root.First();
            WriteElement(xml, name, value);
        }
        else
        {
            xml.Append("<value/>");
        }
        return xml.ToString();
    }

    private static void WriteElement(StringBuilder xml, string name, JsonNode? value)
    {
        if (value is JsonArray items)
        {
            foreach (var item in items) WriteElement(xml, name, item);
            return;
        }
        xml.Append('<').Append(name);
        if (value is JsonObject obj)
        {
            foreach (var (key, attribute) in obj.Where(p => p.Key.StartsWith('@')))
            {
                xml.Append(' ').Append(key[1..]).Append("=\"").Append(Escape(Scalar(attribute), attribute: true)).Append('"');
            }
            xml.Append('>');
            if (obj[TextKey] is { } text) xml.Append(Escape(Scalar(text), attribute: false));
            foreach (var (key, child) in obj.Where(p => !p.Key.StartsWith('@') && p.Key != TextKey)) WriteElement(xml, key, child);
        }
        else
        {
            xml.Append('>').Append(Escape(Scalar(value), attribute: false));
        }
        xml.Append("</").Append(name).Append('>');
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Escape(string text, bool attribute)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"' when attribute: escaped.Append("&quot;"); break;
                default:
                    // Only characters XML 1.0 allows.
                    if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }
}
