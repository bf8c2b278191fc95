using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL identifiers: double quotes, an inner quote doubled; string literals with standard_conforming_strings.</summary>
internal sealed class PostgreSqlDialect() : QuotingDialect(IdentifierQuoting.DoubleQuotes)
{
    /// <summary>Beyond this many rows a sample takes pages (SYSTEM) rather than rows, so that it reads only the pages it keeps.</summary>
    public const long PageSamplingRows = 1_000_000;

    public static PostgreSqlDialect Instance { get; } = new();

    /// <summary>A string literal; E'' strings are never produced, so backslashes stay literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>As text in the C collation (byte order); the cast also makes enum, json and other text-like types comparable.</summary>
    public override string ExactText(string expression) => $"({expression})::text COLLATE \"C\"";

    /// <summary>
    /// AVG over double precision: over numeric (what <c>* 1.0</c> makes of an integer) the average of a child's columns per
    /// parent took a fifth more of the server's time for 720,000 rows, every addition in arbitrary precision.
    /// </summary>
    public override string FloatingAverage(string expression) => $"AVG(({expression})::double precision)";

    /// <summary>TABLESAMPLE BERNOULLI (rows) or, beyond <see cref="PageSamplingRows"/>, SYSTEM (pages), with REPEATABLE(seed); LIMIT.</summary>
    public override string SampledSelect(TableSample query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var method = query.TableRows > PageSamplingRows ? "SYSTEM" : "BERNOULLI";
        var sample = query.Whole ? string.Empty : $" TABLESAMPLE {method} ({query.Percent}) REPEATABLE ({query.Seed})";
        return $"SELECT {query.Columns} FROM {query.From}{sample}{query.Where([])} LIMIT {query.Limit}";
    }

    /// <summary>A quoted name keeps its case: "Order" and "order" are two tables, two columns.</summary>
    public override StringComparer ColumnNames => StringComparer.Ordinal;
}
