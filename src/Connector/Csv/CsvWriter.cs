using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Sdv.Connector.Csv;

/// <summary>
/// Writes CSV that <see cref="CsvReader"/> and common tools read back: UTF-8 without a byte-order mark,
/// comma-delimited, LF line endings (RFC 4180 readers accept them), a field quoted only when it must be
/// (it holds the delimiter, a quote, a line break, leading or trailing blanks, or reads as NULL).
/// Values (see <see cref="Format"/>): NULL is an empty field and the empty string is "", numbers in
/// invariant culture, booleans true/false, dates and timestamps ISO-8601, bytes base64.
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly TextWriter _writer;
    private readonly SepWriter _rows;
    private readonly char _delimiter;

    public CsvWriter(TextWriter writer, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _delimiter = delimiter;
        // Sep's own escaping quotes only fields holding the delimiter, a quote or a line break; ours (Escape) also
        // quotes the fields a reader would take for NULL or trim, so fields reach Sep already escaped.
        _rows = Sep.New(delimiter).Writer(o => o with { WriteHeader = false, Escape = false, DisableColCountCheck = true }).To(writer);
    }

    /// <summary>Creates (or overwrites) a file as UTF-8 without a byte-order mark.</summary>
    public static CsvWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024));

    public void WriteRecord(IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var row = _rows.NewRow();
        for (var i = 0; i < fields.Count; i++)
        {
            row[i].Set(fields[i] is { } field ? Escape(field, _delimiter) : string.Empty);
        }
    }

    public void Flush() => _rows.Flush();

    /// <summary>A text field as written: quoted (inner quotes doubled) when a reader would otherwise misread it.</summary>
    public static string Escape(string field, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(field);
        var quote = field.Length == 0 || field == "NULL" || field == "\\N"
            || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]) || field[0] == '\uFEFF';
        if (!quote)
        {
            foreach (var c in field)
            {
                if (c == delimiter || c == '"' || c == '\r' || c == '\n') { quote = true; break; }
            }
        }
        return quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>
    /// The text of a canonical cell value: null stays null (an empty field); booleans true/false;
    /// integers, decimals and doubles invariant (doubles round-trip, "R"); DateOnly yyyy-MM-dd; DateTime
    /// yyyy-MM-ddTHH:mm:ss[.fffffff]; DateTimeOffset in UTC with a Z; TimeOnly HH:mm:ss[.fffffff];
    /// TimeSpan in the constant format; Guid with hyphens; bytes as base64 (shorter than hex, and what
    /// JSON and most loaders take).
    /// </summary>
    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(Inv),
        int i => i.ToString(Inv),
        decimal m => m.ToString(Inv),
        double d => d.ToString("R", Inv),
        float f => f.ToString("R", Inv),
        DateOnly date => date.ToString("yyyy-MM-dd", Inv),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", Inv),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Inv),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", Inv),
        TimeSpan span => span.ToString("c", Inv),
        Guid g => g.ToString("D", Inv),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable other => other.ToString(null, Inv),
        _ => value.ToString(),
    };

    public void Dispose()
    {
        _rows.Dispose();
        _writer.Dispose();
    }
}
