using System.Text;
using nietras.SeparatedValues;

namespace Sdv.Connector.Csv;

/// <summary>
/// Streams the records of a CSV file (see <see cref="CsvFormat"/> for the dialect): one record in
/// memory at a time, never the whole file. Sep splits the input into rows and fields (quoted fields may
/// hold delimiters and line breaks; CRLF, LF and CR end a row); this class gives the fields our meaning.
/// Sep leaves quoted fields as written (Unescape off), which is what tells a quoted "" or "NULL" (text)
/// from an empty or NULL field written bare (NULL). A leading byte-order mark is skipped. Blank lines
/// are skipped, except in a file whose header has one column, where a blank line is a NULL value.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly SepReader _rows;
    private readonly string _source;
    private bool _started;
    private int _width = -1;

    public CsvReader(TextReader reader, CsvFormat format, string source = "CSV input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(format);
        _reader = reader;
        Format = format;
        _source = source;
        // Rows may differ in width: CsvStaging reports a short or long row with its line, in its own words.
        _rows = Sep.New(format.Delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(reader);
    }

    /// <summary>Opens a file as UTF-8 (a byte-order mark is honoured) with the delimiter detected from its first line.</summary>
    public static CsvReader Open(string path, bool nullLiterals = true)
    {
        string header;
        using (var first = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            header = first.ReadLine() ?? string.Empty;
        }
        var format = new CsvFormat { Delimiter = CsvFormat.DetectDelimiter(header), NullLiterals = nullLiterals };
        return new CsvReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024), format, path);
    }

    public CsvFormat Format { get; }

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The next record, or null at the end of the input. A quoted field is text as written; an unquoted empty field is null.</summary>
    public string?[]? ReadRecord()
    {
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            // Sep numbers the first row after it; it starts on line 1.
            RecordLine = _started ? row.LineNumberFrom : 1;
            var first = row[0].ToString();
            if (!_started)
            {
                _started = true;
                if (first.StartsWith('\uFEFF')) first = first[1..];
            }
            if (row.ColCount == 1 && first.Length == 0 && _width != 1) continue;

            var fields = new string?[row.ColCount];
            var line = RecordLine;
            for (var i = 0; i < fields.Length; i++)
            {
                var raw = i == 0 ? first : row[i].ToString();
                fields[i] = FieldValue(raw, line);
                // Only a quoted field can span lines.
                if (raw.StartsWith('"')) line += raw.AsSpan().Count('\n');
            }
            if (_width < 0) _width = fields.Length;
            return fields;
        }
        return null;
    }

    /// <summary>A field's value: a quoted field unquoted (its doubled quotes made single), a bare one null where it is empty or a NULL literal.</summary>
    private string? FieldValue(string raw, long line)
    {
        if (!raw.StartsWith('"'))
        {
            if (raw.Length == 0 || (Format.NullLiterals && raw is "NULL" or "\\N")) return null;
            return raw;
        }
        // Sep ends a field only outside quotes, so an odd count of quotes means the last one was never closed.
        if (raw.AsSpan().Count('"') % 2 != 0)
        {
            throw new CsvFormatException($"{_source}: line {line}: a quoted field is never closed (a '\"' is missing).");
        }
        var inner = raw.Length >= 2 && raw.EndsWith('"') ? raw[1..^1] : null;
        if (inner is null || inner.Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal))
        {
            var closing = raw.IndexOf('"', 1);
            while (closing + 1 < raw.Length && raw[closing + 1] == '"') closing = raw.IndexOf('"', closing + 2);
            var after = raw[closing + 1];
            throw new CsvFormatException($"{_source}: line {line + raw.AsSpan(0, closing).Count('\n')}: '{after}' follows a closing quote; a quote inside a quoted field is written twice (\"\").");
        }
        return inner.Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _reader.Dispose();
    }
}
