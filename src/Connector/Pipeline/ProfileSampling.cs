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
    /// SELECT the columns of about <see cref="ProfileSampleRequest.Fraction"/> of the table's rows (all of them at 1),
    /// keeping only rows where <see cref="ProfileSampleRequest.NotNull"/> is set when it is given, at most <see cref="ProfileSampleRequest.Limit"/> rows.
    /// </summary>
    public static string Select(IEngineAdapter adapter, ProfileSampleRequest sample)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(sample);
        var (table, columns, fraction, tableRows, seed, limit, notNull) = sample;
        ArgumentNullException.ThrowIfNull(table);
        var d = adapter.Dialect;
        string[] conditions = notNull is null ? [] : [$"{d.Quote(notNull)} IS NOT NULL"];
        return d.SampledSelect(new TableSample(table, d.QuoteList(columns), d.Quote(table.Name), fraction, tableRows,
            seed.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture), conditions));
    }
}
