using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The SQL of a seeded sample spread over a whole table, pushed down to the engine: the same seed
/// and data give the same rows, whatever order the engine scans in, and no engine sorts the table.
/// Each engine's dialect spells it (<see cref="ISqlDialect.SampledSelect"/>).
/// </summary>
internal static class ProfileSampling
{
    /// <summary>
    /// SELECT the columns of about <paramref name="fraction"/> of the table's rows (all of them at 1),
    /// keeping only rows where <paramref name="notNull"/> is set when it is given, at most <paramref name="limit"/> rows.
    /// </summary>
    public static string Select(IEngineAdapter adapter, TableSchema table, IReadOnlyList<string> columns, double fraction, long tableRows, int seed, int limit, string? notNull)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(table);
        var d = adapter.Dialect;
        string[] conditions = notNull is null ? [] : [$"{d.Quote(notNull)} IS NOT NULL"];
        return d.SampledSelect(new TableSample(table, d.QuoteList(columns), d.Quote(table.Name), fraction, tableRows,
            seed.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture), conditions));
    }
}
