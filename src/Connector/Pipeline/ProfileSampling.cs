using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The SQL of a seeded sample spread over a whole table, pushed down to the engine: the same seed
/// and data give the same rows, whatever order the engine scans in, and no engine sorts the table.
/// PostgreSQL: TABLESAMPLE BERNOULLI (rows) or, beyond a million rows, SYSTEM (pages), with
/// REPEATABLE(seed). SQL Server: TABLESAMPLE ... REPEATABLE(seed). MariaDB/MySQL: a CRC32 of the
/// seed and the row's key below a threshold. SQLite: a Weyl hash of the rowid (consecutive rowids
/// land far apart, so the sample is spread evenly) or, in a WITHOUT ROWID table, of the row's
/// number in key order.
/// </summary>
internal static class ProfileSampling
{
    /// <summary>Beyond this many rows PostgreSQL samples pages (SYSTEM) rather than rows, so that it reads only the pages it keeps.</summary>
    public const long PageSamplingRows = 1_000_000;

    private const long Modulus = 2_147_483_647;

    /// <summary>⌊Modulus / φ⌋: a Weyl step that scatters consecutive row numbers over the whole range.</summary>
    private const long GoldenStep = 1_327_217_885;

    /// <summary>
    /// SELECT the columns of about <paramref name="fraction"/> of the table's rows (all of them at 1),
    /// keeping only rows where <paramref name="notNull"/> is set when it is given, at most <paramref name="limit"/> rows.
    /// </summary>
    public static string Select(IEngineAdapter adapter, TableSchema table, IReadOnlyList<string> columns, double fraction, long tableRows, int seed, int limit, string? notNull)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(table);
        var d = adapter.Dialect;
        var list = d.QuoteList(columns);
        var from = d.Quote(table.Name);
        var n = limit.ToString(CultureInfo.InvariantCulture);
        var s = seed.ToString(CultureInfo.InvariantCulture);
        var whole = fraction >= 1;
        var percent = (Math.Clamp(fraction, 0.000001, 1) * 100).ToString("0.######", CultureInfo.InvariantCulture);
        var conditions = new List<string>();
        if (notNull is not null) conditions.Add($"{d.Quote(notNull)} IS NOT NULL");
        string Where(IEnumerable<string> more)
        {
            var all = conditions.Concat(more).ToList();
            return all.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", all);
        }

        switch (adapter.Engine)
        {
            case DatabaseEngine.PostgreSql:
                var method = tableRows > PageSamplingRows ? "SYSTEM" : "BERNOULLI";
                var sample = whole ? string.Empty : $" TABLESAMPLE {method} ({percent}) REPEATABLE ({s})";
                return $"SELECT {list} FROM {from}{sample}{Where([])} LIMIT {n}";
            case DatabaseEngine.SqlServer:
                var tablesample = whole ? string.Empty : $" TABLESAMPLE ({percent} PERCENT) REPEATABLE ({s})";
                return $"SELECT TOP ({n}) {list} FROM {from}{tablesample}{Where([])}";
            case DatabaseEngine.MySql:
                var key = d.QuoteList(table.PrimaryKey?.Columns ?? table.Columns.Select(c => c.Name).ToList());
                var threshold = ((long)(Math.Min(fraction, 1) * 4_294_967_296d)).ToString(CultureInfo.InvariantCulture);
                return $"SELECT {list} FROM {from}{Where(whole ? [] : [$"CRC32(CONCAT_WS('|', {s}, {key})) < {threshold}"])} LIMIT {n}";
            default:
                return SqliteSelect(d, table, list, from, fraction, s, n, Where);
        }
    }

    private static string SqliteSelect(ISqlDialect d, TableSchema table, string list, string from, double fraction, string seed, string limit, Func<IEnumerable<string>, string> where)
    {
        if (fraction >= 1) return $"SELECT {list} FROM {from}{where([])} LIMIT {limit}";
        var threshold = ((long)(fraction * Modulus)).ToString(CultureInfo.InvariantCulture);
        string Hash(string number) => $"((abs({number}) % {Modulus}) * {GoldenStep} + {seed}) % {Modulus} < {threshold}";
        if (!table.Annotations.ContainsKey("sqlite:without_rowid")) return $"SELECT {list} FROM {from}{where([Hash("rowid")])} LIMIT {limit}";
        var order = d.QuoteList(table.PrimaryKey?.Columns ?? table.Columns.Select(c => c.Name).ToList());
        return $"SELECT {list} FROM (SELECT {list}, ROW_NUMBER() OVER (ORDER BY {order}) AS sdv_profile_row FROM {from}{where([])}) numbered"
            + $" WHERE {Hash("sdv_profile_row")} LIMIT {limit}";
    }
}
