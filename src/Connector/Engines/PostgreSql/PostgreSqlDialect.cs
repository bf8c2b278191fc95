using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL identifiers: double quotes, an inner quote doubled; string literals with standard_conforming_strings.</summary>
internal sealed class PostgreSqlDialect : ISqlDialect
{
    public static PostgreSqlDialect Instance { get; } = new();

    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public string Quote(QualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);
    }

    /// <summary>A string literal; E'' strings are never produced, so backslashes stay literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
