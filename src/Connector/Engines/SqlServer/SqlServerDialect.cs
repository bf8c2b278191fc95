namespace Sdv.Connector.Engines.SqlServer;

/// <summary>SQL Server identifiers: [brackets], a closing bracket inside doubled.</summary>
internal sealed class SqlServerDialect() : QuotingDialect('[', ']')
{
    /// <summary>A Unicode string literal, quotes doubled.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "N'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
