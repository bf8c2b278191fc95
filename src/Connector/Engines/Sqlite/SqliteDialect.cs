using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>SQLite identifiers: double quotes, an inner quote doubled. A schema here is an attached database name (main, temp, ...).</summary>
internal sealed class SqliteDialect() : QuotingDialect(IdentifierQuoting.DoubleQuotes)
{
    private const long Modulus = 2_147_483_647;

    /// <summary>⌊Modulus / φ⌋: a Weyl step that scatters consecutive row numbers over the whole range.</summary>
    private const long GoldenStep = 1_327_217_885;

    public static SqliteDialect Instance { get; } = new();

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>BINARY, for a column declared with NOCASE or RTRIM.</summary>
    public override string ExactText(string expression) => $"{expression} COLLATE BINARY";

    /// <summary>
    /// A Weyl hash of the rowid below a threshold (consecutive rowids land far apart, so the sample is spread evenly)
    /// or, in a WITHOUT ROWID table, of the row's number in key order; LIMIT.
    /// </summary>
    public override string SampledSelect(TableSample query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (list, from, limit) = (query.Columns, query.From, query.Limit);
        if (query.Whole) return $"SELECT {list} FROM {from}{query.Where([])} LIMIT {limit}";
        var threshold = ((long)(query.Fraction * Modulus)).ToString(CultureInfo.InvariantCulture);
        string Hash(string number) => $"((abs({number}) % {Modulus}) * {GoldenStep} + {query.Seed}) % {Modulus} < {threshold}";
        if (!query.Table.Annotations.ContainsKey("sqlite:without_rowid")) return $"SELECT {list} FROM {from}{query.Where([Hash("rowid")])} LIMIT {limit}";
        var order = QuoteList(query.KeyColumns);
        return $"SELECT {list} FROM (SELECT {list}, ROW_NUMBER() OVER (ORDER BY {order}) AS sdv_profile_row FROM {from}{query.Where([])}) numbered"
            + $" WHERE {Hash("sdv_profile_row")} LIMIT {limit}";
    }

    /// <summary>SQLite ignores case in table names, quoted or not: "Order" and "order" are one table ("table order already exists").</summary>
    public override StringComparer TableNames => StringComparer.OrdinalIgnoreCase;
}
