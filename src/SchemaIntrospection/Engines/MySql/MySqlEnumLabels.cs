using System.Data.Common;
using System.Numerics;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// ENUM and SET labels with characters outside the Basic Multilingual Plane (an emoji: <c>ENUM('ok','🔥')</c>), which
/// MariaDB's catalog cannot show: information_schema.COLUMNS and SHOW CREATE TABLE print the definition through utf8mb3,
/// each such character as '?' (even with utf8mb4 or binary results), so the clone declared <c>ENUM('ok','?')</c> and every
/// target refused the first '🔥' row. A column with a label holding '?' has its labels read again from its rows, which
/// come through the connection's utf8mb4: each distinct value with its position (an ENUM's index, a SET's bits) names
/// the label stored there. A label no row holds stays as the catalog shows it, with a warning; the clone never writes it.
/// One scan per such column, only where a label holds '?'.
/// </summary>
internal static class MySqlEnumLabels
{
    /// <summary>The columns of every table, with labels the catalog lost read from the rows; the others as they are.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<ColumnSchema>>> RecoverAsync(DbConnection connection, string database,
        Dictionary<string, IReadOnlyList<ColumnSchema>> columns, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<ColumnSchema>>(columns.Count, StringComparer.Ordinal);
        foreach (var (table, list) in columns.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (!list.Any(Lossy))
            {
                result[table] = list;
                continue;
            }
            var recovered = new List<ColumnSchema>(list.Count);
            foreach (var column in list)
            {
                recovered.Add(Lossy(column) ? await RecoverAsync(connection, new QualifiedName(database, table), column, warnings, cancellationToken).ConfigureAwait(false) : column);
            }
            result[table] = recovered;
        }
        return result;
    }

    private static bool Lossy(ColumnSchema column) =>
        column.LogicalType is LogicalType.Enum or LogicalType.Set && column.EnumValues is { } labels && labels.Any(static l => l.Contains('?', StringComparison.Ordinal));

    private static async Task<ColumnSchema> RecoverAsync(DbConnection connection, QualifiedName table, ColumnSchema column, List<string> warnings, CancellationToken cancellationToken)
    {
        var quoting = IdentifierQuoting.Backticks;
        var q = quoting.Quote(column.Name);
        var sql = $"SELECT DISTINCT CAST({q} + 0 AS UNSIGNED) AS Position, {q} AS Label FROM {quoting.Quote(table)} WHERE {q} IS NOT NULL";
        var rows = await CatalogQuery.ListAsync<LabelRow>(connection, sql, cancellationToken).ConfigureAwait(false);
        var catalog = column.EnumValues!;
        var labels = catalog.ToArray();
        var seen = new bool[labels.Length];
        foreach (var row in rows)
        {
            if (row.Label is null) continue;
            if (column.LogicalType == LogicalType.Enum)
            {
                // Index 0 is the '' MySQL stores for a value it could not take: no label.
                if (row.Position >= 1 && row.Position <= (ulong)labels.Length) (labels[row.Position - 1], seen[row.Position - 1]) = (row.Label, true);
                continue;
            }
            // A SET's value lists its members in label order, one per bit, and a label holds no comma.
            var members = row.Label.Split(',');
            if (BitOperations.PopCount(row.Position) != members.Length) continue;
            var member = 0;
            for (var bit = 0; bit < labels.Length && member < members.Length; bit++)
            {
                if ((row.Position & (1UL << bit)) != 0) (labels[bit], seen[bit]) = (members[member++], true);
            }
        }

        // Two lost labels no row holds both read '?': a label must be unique, so the later ones are told apart by position.
        for (var i = 0; i < labels.Length; i++)
        {
            if (!seen[i] && Array.FindIndex(labels, l => string.Equals(l, labels[i], StringComparison.Ordinal)) < i) labels[i] = $"{labels[i]}#{i + 1}";
        }
        var kind = column.LogicalType == LogicalType.Enum ? "enum" : "set";
        var nativeType = $"{kind}({string.Join(",", labels.Select(Literal))})";
        var unknown = Enumerable.Range(0, labels.Length).Where(i => !seen[i] && catalog[i].Contains('?', StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            warnings.Add($"Column {table}.{column.Name}: label(s) {string.Join(", ", unknown.Select(static i => i + 1))} of its {nativeType} may hold characters "
                + "the server's catalog shows as '?' (outside utf8mb3) and no row holds them, so they are kept as the catalog shows them; the clone writes no such value.");
        }
        if (labels.SequenceEqual(catalog, StringComparer.Ordinal)) return column;

        var renamed = catalog.Select((l, i) => (l, i)).Where(p => !string.Equals(p.l, labels[p.i], StringComparison.Ordinal))
            .GroupBy(p => Literal(p.l), StringComparer.Ordinal).ToDictionary(g => g.Key, g => Literal(labels[g.First().i]), StringComparer.Ordinal);
        return column with
        {
            EnumValues = labels,
            NativeType = nativeType,
            // A default of a label the catalog lost is the same label (the first one so shown, where several are).
            DefaultSql = column.DefaultSql is { } d && renamed.TryGetValue(d, out var label) ? label : column.DefaultSql,
        };
    }

    /// <summary>A label as COLUMN_TYPE and COLUMN_DEFAULT print it (quote doubled, backslash doubled).</summary>
    private static string Literal(string label) => "'" + label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed record LabelRow
    {
        public ulong Position { get; init; }
        public string? Label { get; init; }
    }
}
