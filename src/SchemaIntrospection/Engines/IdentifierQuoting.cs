using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines;

/// <summary>
/// The one identifier quoting of every engine, for the introspectors here and the SQL dialects of Connector:
/// an opening and a closing quote character, the closing one doubled inside the identifier, and a
/// schema-qualified name as two quoted parts. Engines differ only in the characters.
/// </summary>
public sealed class IdentifierQuoting
{
    private readonly string _open;
    private readonly string _close;
    private readonly string _closeDoubled;

    private IdentifierQuoting(char open, char close)
    {
        _open = open.ToString();
        _close = close.ToString();
        _closeDoubled = _close + _close;
    }

    /// <summary>Standard SQL's "double quotes" (PostgreSQL, SQLite).</summary>
    public static IdentifierQuoting DoubleQuotes { get; } = new('"', '"');

    /// <summary>MySQL and MariaDB's `backticks`.</summary>
    public static IdentifierQuoting Backticks { get; } = new('`', '`');

    /// <summary>SQL Server's [brackets].</summary>
    public static IdentifierQuoting Brackets { get; } = new('[', ']');

    /// <summary>Quotes one identifier, doubling the closing quote character inside it.</summary>
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _open + identifier.Replace(_close, _closeDoubled, StringComparison.Ordinal) + _close;
    }

    /// <summary>Quotes a schema-qualified name (the schema part is left out where it is null).</summary>
    public string Quote(QualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
    }

    /// <summary>Quotes each identifier and joins them with commas (a column list).</summary>
    public string QuoteList(IEnumerable<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        return string.Join(", ", identifiers.Select(Quote));
    }
}
