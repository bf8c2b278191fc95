using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// A seeded sample of a table to select, its parts already quoted and formatted; each engine spells the sampling and
/// the row limit its own way (<see cref="ISqlDialect.SampledSelect"/>).
/// </summary>
/// <param name="Table">The table sampled.</param>
/// <param name="Columns">The quoted column list selected.</param>
/// <param name="From">The quoted table name.</param>
/// <param name="Fraction">About how many of the table's rows are kept (all of them at 1).</param>
/// <param name="TableRows">The rows the table holds, as counted or estimated.</param>
/// <param name="Seed">The seed, formatted.</param>
/// <param name="Limit">The most rows returned, formatted.</param>
/// <param name="Conditions">What every row returned satisfies (none: every row).</param>
internal sealed record TableSample(TableSchema Table, string Columns, string From, double Fraction, long TableRows, string Seed, string Limit,
    IReadOnlyList<string> Conditions)
{
    /// <summary>True where every row is kept: no sampling clause at all.</summary>
    public bool Whole => Fraction >= 1;

    /// <summary>The fraction as a percentage (at least a millionth of a percent), for TABLESAMPLE.</summary>
    public string Percent => (Math.Clamp(Fraction, 0.000001, 1) * 100).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The columns that identify a row: the primary key, or every column where there is none.</summary>
    public IReadOnlyList<string> KeyColumns => Table.PrimaryKey?.Columns ?? Table.Columns.Select(c => c.Name).ToList();

    /// <summary>A WHERE clause of <see cref="Conditions"/> and <paramref name="more"/>, with its leading space; empty where there are none.</summary>
    public string Where(IEnumerable<string> more)
    {
        var all = Conditions.Concat(more).ToList();
        return all.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", all);
    }
}
