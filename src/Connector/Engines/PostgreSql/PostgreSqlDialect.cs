using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL identifiers: double quotes, an inner quote doubled; string literals with standard_conforming_strings.</summary>
internal sealed class PostgreSqlDialect() : QuotingDialect(IdentifierQuoting.DoubleQuotes)
{
    public static PostgreSqlDialect Instance { get; } = new();

    /// <summary>A string literal; E'' strings are never produced, so backslashes stay literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>As text in the C collation (byte order); the cast also makes enum, json and other text-like types comparable.</summary>
    public override string ExactText(string expression) => $"({expression})::text COLLATE \"C\"";
}
