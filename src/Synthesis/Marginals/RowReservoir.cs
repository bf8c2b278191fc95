using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// A uniform sample of rows by Li's Algorithm L: after the reservoir fills, it draws how many rows
/// to skip, so the per-row cost is a counter decrement. Used only for the copula correlation; never saved.
/// <para>
/// Cells are kept column by column, unboxed: numbers, dates, times and UUIDs as 16 bytes in an
/// array of structs, strings and the rest as references (repeated strings as one instance). A
/// reservoir of boxed cells was hundreds of thousands of small objects per table that every
/// replacement promoted to the old generation; at 10M rows the collector spent 6.5 s of a 27 s
/// fit on them, a quarter of its CPU. <see cref="Rows"/> boxes a row again when it is read.
/// </para>
/// </summary>
internal sealed class RowReservoir
{
    private readonly Xoshiro256 _random;
    private readonly int _capacity;
    private readonly CompactColumn[] _columns;
    private readonly Func<object?, object?>?[] _keepAs;
    private int _count;
    private double _w;
    private long _skip;

    /// <param name="keepAs">
    /// By column, what is kept of a cell instead of the cell (null: the cell): for personal data, free text and keys
    /// only whether there was a value (<see cref="PresenceOnly"/>), or a phone number's format, not the strings they were.
    /// </param>
    public RowReservoir(int capacity, int width, Xoshiro256 random, Func<object?, object?>?[]? keepAs = null)
    {
        _capacity = capacity;
        _random = random;
        _keepAs = keepAs ?? new Func<object?, object?>?[width];
        _columns = new CompactColumn[width];
        for (var c = 0; c < width; c++) _columns[c] = new CompactColumn();
    }

    /// <summary>Keeps <see cref="NotNull"/> for a value and NULL for NULL: the joint model learns only where values are.</summary>
    public static object? PresenceOnly(object? value) => value is null or DBNull ? value : NotNull.Value;

    /// <summary>The sampled rows, each boxed anew when read.</summary>
    public IReadOnlyList<object?[]> Rows => new RowView(this);

    public void Offer(object?[][] rows, int count)
    {
        for (var r = 0; r < count; r++)
        {
            if (_count < _capacity)
            {
                Store(_count++, rows[r]);
                if (_count == _capacity)
                {
                    _w = Math.Exp(Math.Log(_random.NextOpenDouble()) / _capacity);
                    NextSkip();
                }

                continue;
            }

            if (_skip > 0)
            {
                _skip--;
                continue;
            }

            Store(_random.NextInt(_capacity), rows[r]);
            _w *= Math.Exp(Math.Log(_random.NextOpenDouble()) / _capacity);
            NextSkip();
        }
    }

    private void Store(int slot, object?[] row)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            var value = row[c];
            _columns[c].Set(slot, _keepAs[c] is { } keep ? keep(value) : value);
        }
    }

    private void NextSkip()
    {
        var skip = Math.Floor(Math.Log(_random.NextOpenDouble()) / Math.Log(1 - _w));
        _skip = double.IsFinite(skip) ? (long)Math.Min(skip, long.MaxValue / 2.0) : long.MaxValue / 2;
    }

    private sealed class RowView(RowReservoir reservoir) : IReadOnlyList<object?[]>
    {
        public int Count => reservoir._count;

        public object?[] this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var row = new object?[reservoir._columns.Length];
                for (var c = 0; c < row.Length; c++) row[c] = reservoir._columns[c].Get(index);
                return row;
            }
        }

        public IEnumerator<object?[]> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private enum CellKind : byte
    {
        Null,
        Reference,
        Int64,
        Double,
        Decimal,
        Boolean,
        DateTime,
        DateOnly,
        TimeOnly,
        TimeSpan,
        DateTimeOffset,
        Guid,
        Int32,
        Present,
    }

    /// <summary>
    /// One column of the reservoir: a kind and 16 bytes a slot, and a reference where the value is
    /// not one of the kinds. Slots come in chunks of 4,096 made as the reservoir fills (64 KiB of
    /// bits, under the large-object threshold), so a small table's reservoir stays small and
    /// nothing is ever copied to grow.
    /// </summary>
    private sealed class CompactColumn
    {
        private const int MaxInterned = 4096;
        private const int ChunkShift = 12;
        private const int ChunkSize = 1 << ChunkShift;
        private const int ChunkMask = ChunkSize - 1;
        private readonly List<Chunk> _chunks = [];
        private Dictionary<string, string>? _interned;

        private sealed class Chunk
        {
            public readonly CellKind[] Kinds = new CellKind[ChunkSize];
            public readonly Int128[] Bits = new Int128[ChunkSize];
            public object?[]? References;
        }

        public void Set(int slot, object? value)
        {
            while (slot >> ChunkShift >= _chunks.Count) _chunks.Add(new Chunk());
            var chunk = _chunks[slot >> ChunkShift];
            var i = slot & ChunkMask;
            var (kind, bits) = value switch
            {
                null or DBNull => (CellKind.Null, Int128.Zero),
                long l => (CellKind.Int64, (Int128)l),
                double d => (CellKind.Double, (Int128)BitConverter.DoubleToInt64Bits(d)),
                decimal m => (CellKind.Decimal, DecimalBits(m)),
                bool b => (CellKind.Boolean, b ? Int128.One : Int128.Zero),
                DateTime dt => (CellKind.DateTime, (Int128)dt.ToBinary()),
                DateOnly date => (CellKind.DateOnly, (Int128)date.DayNumber),
                TimeOnly time => (CellKind.TimeOnly, (Int128)time.Ticks),
                TimeSpan span => (CellKind.TimeSpan, (Int128)span.Ticks),
                DateTimeOffset dto => (CellKind.DateTimeOffset, new Int128((ulong)(long)dto.Offset.TotalMinutes, (ulong)dto.Ticks)),
                Guid g => (CellKind.Guid, MemoryMarshal.Read<Int128>(MemoryMarshal.AsBytes(new ReadOnlySpan<Guid>(in g)))),
                int n => (CellKind.Int32, (Int128)n),
                NotNull => (CellKind.Present, Int128.Zero),
                _ => (CellKind.Reference, Int128.Zero),
            };
            chunk.Kinds[i] = kind;
            chunk.Bits[i] = bits;
            if (kind == CellKind.Reference)
            {
                chunk.References ??= new object?[ChunkSize];
                chunk.References[i] = value is string s ? Intern(s) : value;
            }
            else if (chunk.References is not null)
            {
                chunk.References[i] = null;
            }
        }

        public object? Get(int slot)
        {
            var chunk = _chunks[slot >> ChunkShift];
            var i = slot & ChunkMask;
            var bits = chunk.Bits[i];
            return chunk.Kinds[i] switch
            {
                CellKind.Null => null,
                CellKind.Reference => chunk.References![i],
                CellKind.Int64 => (long)bits,
                CellKind.Double => BitConverter.Int64BitsToDouble((long)bits),
                CellKind.Decimal => FromDecimalBits(bits),
                CellKind.Boolean => bits != Int128.Zero,
                CellKind.DateTime => DateTime.FromBinary((long)bits),
                CellKind.DateOnly => DateOnly.FromDayNumber((int)bits),
                CellKind.TimeOnly => new TimeOnly((long)bits),
                CellKind.TimeSpan => new TimeSpan((long)bits),
                CellKind.DateTimeOffset => new DateTimeOffset((long)(ulong)bits, TimeSpan.FromMinutes((long)(ulong)(bits >> 64))),
                CellKind.Guid => MemoryMarshal.Read<Guid>(MemoryMarshal.AsBytes(new ReadOnlySpan<Int128>(in bits))),
                CellKind.Int32 => (int)bits,
                CellKind.Present => NotNull.Value,
                var other => throw new InvalidOperationException($"Unknown cell kind {other}."),
            };
        }

        /// <summary>One instance per repeated string (a status, a country), up to a bound: fewer objects kept alive.</summary>
        private string Intern(string s)
        {
            _interned ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (_interned.TryGetValue(s, out var existing)) return existing;
            if (_interned.Count < MaxInterned) _interned[s] = s;
            return s;
        }

        private static Int128 DecimalBits(decimal value)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            return MemoryMarshal.Read<Int128>(MemoryMarshal.AsBytes(parts));
        }

        private static decimal FromDecimalBits(Int128 bits)
        {
            Span<int> parts = stackalloc int[4];
            MemoryMarshal.Write(MemoryMarshal.AsBytes(parts), in bits);
            return new decimal(parts);
        }
    }
}
