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

    /// <summary>1 or 0: SQL Server has no boolean constants (a bit column compares with them).</summary>
    public override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <summary>TABLESAMPLE (n PERCENT) REPEATABLE(seed); TOP.</summary>
    public override string SampledSelect(TableSample query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tablesample = query.Whole ? string.Empty : $" TABLESAMPLE ({query.Percent} PERCENT) REPEATABLE ({query.Seed})";
        return $"SELECT TOP ({query.Limit}) {query.Columns} FROM {query.From}{tablesample}{query.Where([])}";
    }

    /// <summary>Under the default (case-insensitive) collation, [Order] and [order] are one table.</summary>
    public override StringComparer TableNames => StringComparer.OrdinalIgnoreCase;

    /// <summary>128 characters (sysname).</summary>
    public override int MaxNameLength => 128;
}
