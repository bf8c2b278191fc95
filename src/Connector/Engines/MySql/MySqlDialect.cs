using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>MySQL/MariaDB identifiers: backticks, a backtick inside doubled; the schema of a name is its database.</summary>
internal sealed class MySqlDialect : ISqlDialect
{
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    public string Quote(QualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
    }

    /// <summary>A string literal: quotes doubled, and backslashes doubled because MySQL reads them as escapes (unless NO_BACKSLASH_ESCAPES).</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
