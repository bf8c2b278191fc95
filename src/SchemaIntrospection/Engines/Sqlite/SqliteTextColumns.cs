using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// SQLite has no date type: applications write dates and timestamps as text, by its own date() and datetime()
/// (2020-01-05, 2020-01-05 10:11:12) or as ISO 8601 from their own language (2025-03-21T07:30:43Z from JavaScript,
/// 2025-03-21T07:30:43.123+02:00, 2025-03-21 07:30:43.123). A text column whose every value is a valid date or
/// timestamp in one layout is read as a Date, DateTime or DateTimeWithTimeZone, so the clone holds dates of the
/// source's range in the source's layout, not digits of their shape ("2025-35-21T07:90:43", and ISO dates were taken
/// for phone numbers before that). Layouts other than date()'s and datetime()'s own are kept in the column's
/// <see cref="FormatAnnotation"/> (a .NET custom format), which the SQLite reader parses and the writer writes.
/// SQLite itself checks each value, in one pass per table (a second only for columns that may be ISO timestamps);
/// a column with any other value, and key columns, stay text. Likewise a text column whose every value is a JSON object
/// or array (SQLite and MySQL applications keep JSON in text) is read as JSON, so the clone holds JSON of the same
/// structure, not text cut from it that no longer parses.
/// </summary>
internal static partial class SqliteTextColumns
{
    /// <summary>The column annotation holding the .NET custom format of a timestamp written as text in a layout of its own.</summary>
    public const string FormatAnnotation = "sqlite:datetime-format";

    public static async Task<List<TableSchema>> TypeAsync(DbConnection connection, List<TableSchema> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var typed = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            var candidates = table.Columns.Where(c => c.LogicalType is LogicalType.Text or LogicalType.String or LogicalType.FixedString
                && c.GeneratedSql is null
                && c.Annotations.TryGetValue("sqlite:affinity", out var affinity) && affinity is "TEXT" or "BLOB"
                && table.PrimaryKey?.Columns.Contains(c.Name) != true
                && !table.ForeignKeys.Any(f => f.Columns.Contains(c.Name))).ToList();
            if (candidates.Count == 0 || table.RowCount == 0)
            {
                typed.Add(table);
                continue;
            }
            var retyped = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
            var layouts = new List<(ColumnSchema Column, long Values, Layout Layout)>();
            foreach (var (column, counts) in candidates.Zip(await CountAsync(connection, table, candidates, cancellationToken).ConfigureAwait(false)))
            {
                if (counts.Values == 0) continue;
                if (counts.Dates == counts.Values || counts.Timestamps == counts.Values)
                {
                    var found = counts.Dates == counts.Values ? LogicalType.Date : LogicalType.DateTime;
                    warnings.Add($"Column {table.Name}.{column.Name} is declared {Declared(column)} and holds only {(found == LogicalType.Date ? "dates (YYYY-MM-DD)" : "timestamps (YYYY-MM-DD HH:MM:SS)")}, so it is read as {found}.");
                    retyped[column.Name] = column with { LogicalType = found, MaxLength = null };
                }
                else if (counts.Json == counts.Values)
                {
                    warnings.Add($"Column {table.Name}.{column.Name} is declared {Declared(column)} and holds only JSON objects or arrays, so it is read as JSON.");
                    retyped[column.Name] = column with { LogicalType = LogicalType.Json };
                }
                else if (counts.Valid == counts.Values && counts.Example is { } example && LayoutOf(example) is { } layout)
                {
                    layouts.Add((column, counts.Values, layout));
                }
            }
            if (layouts.Count > 0)
            {
                foreach (var (column, layout) in await ConfirmAsync(connection, table, layouts, cancellationToken).ConfigureAwait(false))
                {
                    warnings.Add($"Column {table.Name}.{column.Name} is declared {Declared(column)} and holds only timestamps written as {layout.Example}, so it is read as {layout.Type} and written back in that layout.");
                    retyped[column.Name] = column with
                    {
                        LogicalType = layout.Type,
                        MaxLength = null,
                        Annotations = new Dictionary<string, string>(column.Annotations) { [FormatAnnotation] = layout.Format },
                    };
                }
            }
            typed.Add(retyped.Count == 0 ? table : table with { Columns = table.Columns.Select(c => retyped.GetValueOrDefault(c.Name, c)).ToList() });
        }
        return typed;
    }

    private static string Declared(ColumnSchema column) => column.NativeType.Trim().Length == 0 ? "without a type" : column.NativeType.Trim();

    /// <summary>
    /// Per candidate: values, values date() writes back as they are, values datetime() does, values datetime() reads at
    /// all, JSON objects and arrays, and the smallest text value.
    /// </summary>
    private static async Task<List<(long Values, long Dates, long Timestamps, long Valid, long Json, string? Example)>> CountAsync(
        DbConnection connection, TableSchema table, List<ColumnSchema> candidates, CancellationToken cancellationToken)
    {
        var quote = IdentifierQuoting.DoubleQuotes;
        var parts = candidates.Select(c => quote.Quote(c.Name)).Select(c =>
            $"COUNT({c}), SUM(CASE WHEN typeof({c}) = 'text' AND date({c}) IS {c} THEN 1 ELSE 0 END), SUM(CASE WHEN typeof({c}) = 'text' AND datetime({c}) IS {c} THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN typeof({c}) = 'text' AND datetime({c}) IS NOT NULL THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN typeof({c}) = 'text' AND substr(ltrim({c}), 1, 1) IN ('{{', '[') AND json_valid({c}) THEN 1 ELSE 0 END), MIN(CASE WHEN typeof({c}) = 'text' THEN {c} END)");
        var result = new List<(long, long, long, long, long, string?)>(candidates.Count);
        // Six figures per candidate, a number of columns that varies by table: read by position, not into a record.
        await using var command = SqliteSchemaIntrospector.CreateCommand(connection, $"SELECT {string.Join(", ", parts)} FROM {quote.Quote(table.Name.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        long Count(int i) => !read || reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        for (var i = 0; i < candidates.Count; i++)
        {
            var at = 6 * i;
            result.Add((Count(at), Count(at + 1), Count(at + 2), Count(at + 3), Count(at + 4), read && !reader.IsDBNull(at + 5) ? reader.GetValue(at + 5) as string : null));
        }
        return result;
    }

    /// <summary>The columns whose every value has the layout of their example (and, where the layout names one offset, that offset).</summary>
    private static async Task<List<(ColumnSchema Column, Layout Layout)>> ConfirmAsync(
        DbConnection connection, TableSchema table, List<(ColumnSchema Column, long Values, Layout Layout)> layouts, CancellationToken cancellationToken)
    {
        var quote = IdentifierQuoting.DoubleQuotes;
        var parts = layouts.Select(l => (Column: quote.Quote(l.Column.Name), l.Layout)).Select(l =>
            $"SUM(CASE WHEN {l.Column} GLOB {Literal(l.Layout.Glob)} OR {l.Column} GLOB {Literal(l.Layout.WholeSecondGlob)} THEN 1 ELSE 0 END), " +
            $"SUM(CASE WHEN substr({l.Column}, {l.Layout.BodyLength + 1}) = {Literal(l.Layout.Suffix)} THEN 1 ELSE 0 END)");
        await using var command = SqliteSchemaIntrospector.CreateCommand(connection, $"SELECT {string.Join(", ", parts)} FROM {quote.Quote(table.Name.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var confirmed = new List<(ColumnSchema, Layout)>();
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return confirmed;
        for (var i = 0; i < layouts.Count; i++)
        {
            var (column, values, layout) = layouts[i];
            long Count(int at) => reader.IsDBNull(at) ? 0 : Convert.ToInt64(reader.GetValue(at), CultureInfo.InvariantCulture);
            if (Count(2 * i) != values) continue;
            // One offset throughout (+02:00, Z): written back as it is, around a wall-clock time. Several (a summer and a
            // winter offset): the instant is modelled, and written back with the offset the model keeps.
            var oneOffset = Count((2 * i) + 1) == values;
            if (layout.Offset && !oneOffset && !layout.Suffix.Contains(':', StringComparison.Ordinal)) continue;
            confirmed.Add((column, oneOffset ? layout with { Format = layout.Body + Quoted(layout.Suffix), Type = LogicalType.DateTime } : layout));
        }
        return confirmed;
    }

    /// <summary>
    /// The layout of an ISO 8601 timestamp (date, T or space, hours and minutes, optional seconds and fraction, optional
    /// Z or offset), or null for any other text.
    /// </summary>
    internal static Layout? LayoutOf(string example)
    {
        var match = TimestampPattern().Match(example);
        if (!match.Success) return null;
        var body = new StringBuilder("yyyy-MM-dd").Append(match.Groups["sep"].Value == "T" ? "'T'" : " ").Append("HH:mm");
        if (match.Groups["sec"].Success) body.Append(":ss");
        if (match.Groups["frac"].Success) body.Append('.').Append('f', match.Groups["frac"].Length);
        var suffix = match.Groups["zone"].Value;
        var bodyLength = example.Length - suffix.Length;
        var glob = new StringBuilder();
        foreach (var c in example[..bodyLength]) glob.Append(char.IsAsciiDigit(c) ? "[0-9]" : c.ToString());
        var offset = suffix.Length > 1;
        glob.Append(offset ? Regex.Replace(suffix[1..], "[0-9]", "[0-9]").Insert(0, "[-+]") : suffix);
        // Python's isoformat() leaves the fraction out of a time on the whole second: such values have the layout too.
        var wholeSecond = match.Groups["frac"].Success ? glob.ToString().Replace("." + string.Concat(Enumerable.Repeat("[0-9]", match.Groups["frac"].Length)), string.Empty, StringComparison.Ordinal) : glob.ToString();
        return new Layout(example, body.ToString(), suffix, bodyLength, glob.ToString(), wholeSecond, offset,
            body + (offset ? "zzz" : Quoted(suffix)), offset ? LogicalType.DateTimeWithTimeZone : LogicalType.DateTime);
    }

    private static string Quoted(string literal) => literal.Length == 0 ? string.Empty : $"'{literal}'";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A timestamp layout: its example, the .NET format of its date and time, its zone suffix as the example writes it.</summary>
    internal sealed record Layout(string Example, string Body, string Suffix, int BodyLength, string Glob, string WholeSecondGlob, bool Offset, string Format, LogicalType Type);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<sep>[T ])\d{2}:\d{2}(?<sec>:\d{2})?(?:\.(?<frac>\d{1,7}))?(?<zone>Z|[+-]\d{2}:\d{2}|[+-]\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
