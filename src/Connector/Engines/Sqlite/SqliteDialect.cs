using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>SQLite identifiers: double quotes, an inner quote doubled. A schema here is an attached database name (main, temp, ...).</summary>
internal sealed class SqliteDialect() : QuotingDialect(IdentifierQuoting.DoubleQuotes)
{
    public static SqliteDialect Instance { get; } = new();

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>BINARY, for a column declared with NOCASE or RTRIM.</summary>
    public override string ExactText(string expression) => $"{expression} COLLATE BINARY";
}
