using System.Text;

namespace Sdv.Connector.Csv;

/// <summary>
/// Streams the records of a CSV file (see <see cref="CsvFormat"/> for the dialect): one record in
/// memory at a time, never the whole file. A leading byte-order mark is skipped. Blank lines are
/// skipped, except in a file whose header has one column, where a blank line is a NULL value.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly CsvFormat _format;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private readonly string _source;
    private int _length;
    private int _position;
    private bool _started;
    private int _width = -1;

    public CsvReader(TextReader reader, CsvFormat format, string source = "CSV input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(format);
        _reader = reader;
        _format = format;
        _source = source;
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

    public CsvFormat Format => _format;

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public long RecordLine { get; private set; }

    private long _line = 1;

    /// <summary>The next record, or null at the end of the input. A quoted field is text as written; an unquoted empty field is null.</summary>
    public string?[]? ReadRecord()
    {
        var c = Next();
        if (!_started)
        {
            _started = true;
            if (c == '\uFEFF') c = Next();
        }
        while ((c == '\r' || c == '\n') && _width != 1)
        {
            EndLine(c);
            c = Next();
        }
        if (c < 0) return null;
        RecordLine = _line;
        var fields = new List<string?>(_width > 0 ? _width : 8);
        while (true)
        {
            _field.Clear();
            var quoted = false;
            if (c == '"')
            {
                quoted = true;
                var openedOn = _line;
                while (true)
                {
                    c = Next();
                    if (c < 0) throw new CsvFormatException($"{_source}: line {openedOn}: a quoted field is never closed (a '\"' is missing).");
                    if (c == '"')
                    {
                        c = Next();
                        if (c == '"') { _field.Append('"'); continue; }
                        break;
                    }
                    if (c == '\n' || (c == '\r' && Peek() != '\n')) _line++;
                    _field.Append((char)c);
                }
                if (c >= 0 && c != _format.Delimiter && c != '\r' && c != '\n')
                    throw new CsvFormatException($"{_source}: line {_line}: '{(char)c}' follows a closing quote; a quote inside a quoted field is written twice (\"\").");
            }
            else
            {
                while (c >= 0 && c != _format.Delimiter && c != '\r' && c != '\n')
                {
                    _field.Append((char)c);
                    c = Next();
                }
            }
            fields.Add(FieldValue(quoted));
            if (c == _format.Delimiter)
            {
                c = Next();
                continue;
            }
            EndLine(c);
            break;
        }
        if (_width < 0) _width = fields.Count;
        return [.. fields];
    }

    private string? FieldValue(bool quoted)
    {
        if (quoted) return _field.ToString();
        if (_field.Length == 0) return null;
        if (_format.NullLiterals && ((_field.Length == 4 && _field.Equals("NULL")) || (_field.Length == 2 && _field[0] == '\\' && _field[1] == 'N'))) return null;
        return _field.ToString();
    }

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n') Next();
        if (c >= 0) _line++;
    }

    private int Next()
    {
        if (_position == _length && !Fill()) return -1;
        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_position == _length && !Fill()) return -1;
        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    public void Dispose() => _reader.Dispose();
}
