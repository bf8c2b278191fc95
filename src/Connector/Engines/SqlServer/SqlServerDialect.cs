using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>SQL Server identifiers: [brackets], a closing bracket inside doubled.</summary>
internal sealed class SqlServerDialect() : QuotingDialect(IdentifierQuoting.Brackets)
{
    /// <summary>A Unicode string literal, quotes doubled.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "N'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A binary collation: default collations ignore case (and trailing spaces in comparisons).</summary>
    public override string ExactText(string expression) => $"{expression} COLLATE Latin1_General_100_BIN2";
}
