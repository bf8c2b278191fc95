using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The identifier quoting every engine shares: an opening and a closing quote character, the
/// closing one doubled inside the identifier, and a schema-qualified name as two quoted parts.
/// Engines differ only in the characters (and in their string literals, which stay theirs).
/// </summary>
internal abstract class QuotingDialect : ISqlDialect
{
    private readonly string _open;
    private readonly string _close;
    private readonly string _closeDoubled;

    protected QuotingDialect(char open, char close)
    {
        _open = open.ToString();
        _close = close.ToString();
        _closeDoubled = _close + _close;
    }

    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _open + identifier.Replace(_close, _closeDoubled, StringComparison.Ordinal) + _close;
    }

    public string Quote(QualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
    }

    public string QuoteList(IEnumerable<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        return string.Join(", ", identifiers.Select(Quote));
    }

    /// <summary>The expression as it is: right where the engine compares text byte by byte by default.</summary>
    public virtual string ExactText(string expression) => expression;
}
