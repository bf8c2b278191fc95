using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sdv.Connector.Engines;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over an <see cref="IAsyncEnumerable{T}"/> of rows, so
/// that the engines' bulk APIs (MySqlBulkCopy, SqlBulkCopy) pull rows one at a time: only the
/// current row is held, never the table. Each field takes the value at its
/// <see cref="RowDataField.SourceOrdinal"/> (so generated columns can be left out) and passes it
/// through a converter, by default <see cref="ToDriverValue"/> (DateOnly and TimeOnly become the
/// DateTime and TimeSpan every driver accepts).
/// Both bulk APIs call <see cref="ReadAsync(CancellationToken)"/>; the synchronous
/// <see cref="Read"/> blocks on the enumerator and is there only for synchronous callers.
/// </summary>
internal sealed class RowDataReader : DbDataReader
{
    private readonly IAsyncEnumerable<object?[]> _rows;
    private readonly IReadOnlyList<RowDataField> _fields;
    private readonly Func<object, object> _convert;
    private readonly CancellationToken _cancellationToken;
    private readonly object?[] _current;
    private IAsyncEnumerator<object?[]>? _enumerator;
    private bool _hasRow;
    private bool _finished;
    private bool _closed;

    /// <param name="rows">Source rows; each must hold at least as many values as the highest source ordinal.</param>
    /// <param name="fields">The fields exposed, in order.</param>
    /// <param name="convert">Applied to each non-null value; default <see cref="ToDriverValue"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration (the bulk APIs call ReadAsync without a token).</param>
    public RowDataReader(IAsyncEnumerable<object?[]> rows, IReadOnlyList<RowDataField> fields, Func<object, object>? convert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fields);
        _rows = rows;
        _fields = fields;
        _convert = convert ?? ToDriverValue;
        _cancellationToken = cancellationToken;
        _current = new object?[fields.Count];
    }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>DateOnly → DateTime (midnight), TimeOnly → TimeSpan; everything else unchanged.</summary>
    public static object ToDriverValue(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
        TimeOnly time => time.ToTimeSpan(),
        _ => value,
    };

    public override int FieldCount => _fields.Count;

    public override int Depth => 0;

    /// <summary>Unknown before reading; true until the source is exhausted.</summary>
    public override bool HasRows => !_finished || _hasRow;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_finished) return false;
        _enumerator ??= _rows.GetAsyncEnumerator(_cancellationToken);
        using var linked = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        token.ThrowIfCancellationRequested();
        if (!await _enumerator.MoveNextAsync())
        {
            _finished = true;
            _hasRow = false;
            return false;
        }
        Load(_enumerator.Current);
        return true;
    }

    [SuppressMessage("Usage", "VSTHRD002", Justification = "Synchronous callers only; the bulk APIs use ReadAsync.")]
    public override bool Read() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    private void Load(object?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < _fields.Count; i++)
        {
            var ordinal = _fields[i].SourceOrdinal;
            if (ordinal >= row.Length)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Row {RowsRead + 1} has {row.Length} values but field {_fields[i].Name} reads value {ordinal + 1}; every row must hold a value for every column of the table."));
            }
            var value = row[ordinal];
            _current[i] = value is null or DBNull ? null : _convert(value);
        }
        _hasRow = true;
        RowsRead++;
    }

    private object? Current(int ordinal)
    {
        if (!_hasRow) throw new InvalidOperationException("No current row: call Read or ReadAsync first.");
        if ((uint)ordinal >= (uint)_fields.Count) throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"The reader has {_fields.Count} fields.");
        return _current[ordinal];
    }

    public override object GetValue(int ordinal) => Current(ordinal) ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, _fields.Count);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }
        return count;
    }

    public override bool IsDBNull(int ordinal) => Current(ordinal) is null;

    public override string GetName(int ordinal) => _fields[ordinal].Name;

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.Ordinal)) return i;
        }
        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new ArgumentOutOfRangeException(nameof(name), name, "No field of that name.");
    }

    public override Type GetFieldType(int ordinal) => _fields[ordinal].FieldType;

    public override string GetDataTypeName(int ordinal) => _fields[ordinal].FieldType.Name;

    private T Get<T>(int ordinal) => Current(ordinal) switch
    {
        null => throw new InvalidCastException($"Field {_fields[ordinal].Name} is NULL."),
        T value => value,
        var other => (T)Convert.ChangeType(other, typeof(T), CultureInfo.InvariantCulture),
    };

    public override bool GetBoolean(int ordinal) => Get<bool>(ordinal);

    public override byte GetByte(int ordinal) => Get<byte>(ordinal);

    public override char GetChar(int ordinal) => Get<char>(ordinal);

    public override DateTime GetDateTime(int ordinal) => Get<DateTime>(ordinal);

    public override decimal GetDecimal(int ordinal) => Get<decimal>(ordinal);

    public override double GetDouble(int ordinal) => Get<double>(ordinal);

    public override float GetFloat(int ordinal) => Get<float>(ordinal);

    public override Guid GetGuid(int ordinal) => Current(ordinal) is string s ? Guid.Parse(s) : Get<Guid>(ordinal);

    public override short GetInt16(int ordinal) => Get<short>(ordinal);

    public override int GetInt32(int ordinal) => Get<int>(ordinal);

    public override long GetInt64(int ordinal) => Get<long>(ordinal);

    public override string GetString(int ordinal) => Get<string>(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = Get<byte[]>(ordinal);
        if (buffer is null) return bytes.Length;
        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = Get<string>(ordinal);
        if (buffer is null) return text.Length;
        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override bool NextResult() => false;

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _hasRow = false;
        if (_enumerator is not null)
        {
            // The enumerator may own a source reader (a database cursor): release it now.
            var pending = _enumerator.DisposeAsync();
            if (!pending.IsCompletedSuccessfully) pending.AsTask().GetAwaiter().GetResult();
        }
    }

    public override async Task CloseAsync()
    {
        if (_closed) return;
        _closed = true;
        _hasRow = false;
        if (_enumerator is not null) await _enumerator.DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await CloseAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
