using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>SQL Server identifiers: [brackets], a closing bracket inside doubled.</summary>
internal sealed class SqlServerDialect : ISqlDialect
{
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    public string Quote(QualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
    }

    /// <summary>A Unicode string literal, quotes doubled.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "N'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
