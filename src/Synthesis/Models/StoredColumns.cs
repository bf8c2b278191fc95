using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Columns whose values are kept in another type than they mean, for every source engine alike: dates and timestamps
/// written as text (a varchar of <c>2025-01-02T10:11:12Z</c>: sdtype datetime with SDV's <c>datetime_format</c>), and
/// text kept as bytes (a VARBINARY or bytea column whose sdtype says text, names or categories). The model sees the
/// values as they mean (dates, text), read once as the rows stream in; the sampler writes them back as the column keeps
/// them (<see cref="ToStored"/>): text in the source's layout, UTF-8 bytes within the column's width. The column's
/// declared type, and so the clone's, stays as it was.
/// </summary>
internal sealed class StoredColumns
{
    private readonly int[] _indexes;
    private readonly string?[] _layouts;
    private readonly bool[] _bytes;
    private readonly int[] _fractionDigits;
    private readonly long[] _unread;

    private StoredColumns(TableSchema table, int[] indexes)
    {
        _indexes = indexes;
        _layouts = indexes.Select(i => TimestampLayout(table.Columns[i])).ToArray();
        _bytes = indexes.Select(i => table.Columns[i].LogicalType == LogicalType.Binary).ToArray();
        _fractionDigits = new int[indexes.Length];
        _unread = new long[indexes.Length];
        Table = table with { Columns = table.Columns.Select(Modelled).ToList() };
    }

    /// <summary>The table as its model sees it: those columns of the modelled type (DateTime, Date, a text type).</summary>
    public TableSchema Table { get; }

    /// <summary>The stored columns of <paramref name="table"/>, or null where it has none.</summary>
    public static StoredColumns? Of(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var indexes = Enumerable.Range(0, table.Columns.Count).Where(i => IsStored(table.Columns[i])).ToArray();
        return indexes.Length == 0 ? null : new StoredColumns(table, indexes);
    }

    /// <summary>
    /// True for a text column of dates (sdtype datetime and a layout <see cref="TextTimestamps"/> reads) and for a binary
    /// column given a text sdtype (categorical, text, pii, or dates written as text).
    /// </summary>
    public static bool IsStored(ColumnSchema column) => column.GeneratedSql is null
        && (TimestampLayout(column) is not null
            || (column.LogicalType == LogicalType.Binary && column.SdType is SdType.Categorical or SdType.Text or SdType.Pii));

    /// <summary>The strftime layout of a column of dates kept as text (or as the bytes of text), or null.</summary>
    private static string? TimestampLayout(ColumnSchema column) =>
        column.SdType == SdType.Datetime && column.DatetimeFormat is { } layout
        && (ValueKinds.Of(column.LogicalType) == ValueKind.String || column.LogicalType == LogicalType.Binary)
        && TextTimestamps.ModelledType(layout) is not null
            ? layout
            : null;

    private static ColumnSchema Modelled(ColumnSchema column) =>
        !IsStored(column) ? column
        : TimestampLayout(column) is { } layout ? column with { LogicalType = TextTimestamps.ModelledType(layout)!.Value }
        : column with { LogicalType = SdTypeInference.TextOf(column) };

    /// <summary>The rows with the stored columns read as the model sees them (the row arrays are converted in place).</summary>
    public async IAsyncEnumerable<object?[]> ReadAsync(IAsyncEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            for (var k = 0; k < _indexes.Length; k++)
            {
                var i = _indexes[k];
                if (i < row.Length && row[i] is { } value and not DBNull) row[i] = Read(value, k);
            }
            yield return row;
        }
    }

    private object? Read(object value, int k)
    {
        if (value is byte[] bytes)
        {
            if (!TextBytes.TryDecode(bytes, out var decoded))
            {
                _unread[k]++;
                return null;
            }
            value = decoded;
        }
        if (_layouts[k] is not { } layout) return value;
        if (value is not string text || !TextTimestamps.TryParse(text, layout, out var parsed))
        {
            _unread[k]++;
            return null;
        }
        var dot = text.LastIndexOf('.');
        if (dot >= 0)
        {
            var digits = 0;
            while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits])) digits++;
            _fractionDigits[k] = Math.Max(_fractionDigits[k], digits);
        }
        return parsed;
    }

    /// <summary>Tells each stored column's model how its values are kept, and warns of values that could not be read as the others.</summary>
    public void Finish(IReadOnlyList<ColumnModel> models, TableSchema source, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warnings);
        for (var k = 0; k < _indexes.Length; k++)
        {
            var column = source.Columns[_indexes[k]];
            var model = models[_indexes[k]];
            if (_layouts[k] is { } layout)
            {
                model.TextFormat = TextTimestamps.DotNetFormat(layout, _fractionDigits[k] > 0 ? _fractionDigits[k] : 6);
            }
            model.Utf8Bytes = _bytes[k];
            if (_unread[k] > 0)
            {
                var what = _layouts[k] is { } l ? $"dates written as {l}" : "UTF-8 text";
                warnings.Add($"Column {column.Name} ({column.NativeType}) holds {what}, but {_unread[k].ToString(CultureInfo.InvariantCulture)} value(s) were not: they were modelled as NULL.");
            }
        }
    }

    /// <summary>
    /// A value of <paramref name="model"/>'s column as the column keeps it: a date as text in its layout, text as UTF-8
    /// bytes cut to the column's width; a value already kept so (a parent's value copied) as it is.
    /// </summary>
    public static object? ToStored(object? value, ColumnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (value is null) return null;
        if (model.TextFormat is { } format)
        {
            value = value switch
            {
                DateOnly day => day.ToString(format, CultureInfo.InvariantCulture),
                DateTime time => time.ToString(format, CultureInfo.InvariantCulture),
                DateTimeOffset instant => instant.ToString(format, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        return model.Utf8Bytes && value is string text ? TextBytes.Encode(text, model.MaxLength) : value;
    }
}
