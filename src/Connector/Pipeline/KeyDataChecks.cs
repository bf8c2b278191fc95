using System.Data.Common;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Inference;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Key inference's questions as SQL the source runs: uniqueness by a GROUP BY ... HAVING COUNT(*) > 1,
/// inclusion by an anti-join of the child's distinct values against the parent's key. A child of
/// more than <see cref="SampleAbove"/> rows is checked on a seeded sample of
/// <see cref="SampleRows"/> rows spread over it (<see cref="ProfileSampling"/>). A table is read as the fit reads it
/// (<see cref="QueryRowStream.From"/>): a PostgreSQL table others inherit from counts its own rows only.
/// </summary>
internal sealed class KeyDataChecks(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter) : IKeyDataChecks
{
    public const long SampleAbove = 1_000_000;
    public const int SampleRows = 200_000;

    public async Task<bool> IsUniqueAsync(TableSchema table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var d = adapter.Dialect;
        var from = QueryRowStream.From(d, table);
        var list = d.QuoteList(columns);
        var nulls = string.Join(" OR ", columns.Select(c => $"{d.Quote(c)} IS NULL"));
        var sql = $"SELECT (SELECT COUNT(*) FROM {from} WHERE {nulls}), (SELECT COUNT(*) FROM (SELECT {list} FROM {from} GROUP BY {list} HAVING COUNT(*) > 1) duplicated)";
        var row = await RowAsync(sql, 2, cancellationToken);
        return row[0] == 0 && row[1] == 0;
    }

    public async Task<KeyEvidence> InclusionAsync(TableSchema child, string column, TableSchema parent, string parentColumn, string rule, CancellationToken cancellationToken)
    {
        var d = adapter.Dialect;
        var rows = child.RowCount ?? 0;
        var sampled = rows > SampleAbove;
        var source = sampled
            ? $"({ProfileSampling.Select(adapter, new ProfileSampleRequest(child, [column], (double)SampleRows / rows, rows, ProfileStep.DefaultSeed, 2 * SampleRows, column))}) sampled"
            : QueryRowStream.From(d, child);
        var values = $"SELECT DISTINCT {d.Quote(column)} AS sdv_value FROM {source} WHERE {d.Quote(column)} IS NOT NULL";
        // The child's "no parent" value (0 or '') counted apart where the parent lacks it: a marker, not an orphan.
        var marker = KeyNames.NoParentMarker(child.Column(column));
        // '' is compared as plain text: a literal compared with a PostgreSQL domain is cast to it, and its CHECK may refuse ''.
        var isMarker = marker is null ? null : marker.Length == 0 ? $"{d.ExactText("v.sdv_value")} = ''" : $"v.sdv_value = {marker}";
        var markerOrphan = isMarker is null ? "0" : $"SUM(CASE WHEN p.{d.Quote(parentColumn)} IS NULL AND {isMarker} THEN 1 ELSE 0 END)";
        var sql = $"SELECT COUNT(*), SUM(CASE WHEN p.{d.Quote(parentColumn)} IS NULL THEN 1 ELSE 0 END), {markerOrphan} FROM ({values}) v"
            + $" LEFT JOIN {QueryRowStream.From(d, parent)} p ON p.{d.Quote(parentColumn)} = v.sdv_value";
        var row = await RowAsync(sql, 3, cancellationToken);
        return row[2] > 0
            ? new KeyEvidence(rule) { Values = row[0] - row[2], Orphans = row[1] - row[2], Sampled = sampled, NoParentValue = marker }
            : new KeyEvidence(rule) { Values = row[0], Orphans = row[1], Sampled = sampled };
    }

    private Task<long[]> RowAsync(string sql, int width, CancellationToken cancellationToken) =>
        SqlRow.CountsAsync(connection, transaction, sql, width, cancellationToken);
}
