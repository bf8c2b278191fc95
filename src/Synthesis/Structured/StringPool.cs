using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Strings inside structured values (JSON strings, array elements, XML text, lexemes). Learns the
/// strings seen at least k times with their counts (only those are ever written back) and, for
/// the rest, their shape (lengths, character classes): a rare string is replaced by a generated one
/// of the same shape, or by lorem-like words where the strings are free text.
/// </summary>
internal sealed class StringPool
{
    private const int Tracked = 2048;
    private BoundedCounts? _counts;
    private NumberSketch? _lengths;
    private long _spaces;
    private long _characters;

    /// <summary>Strings seen at least k times (schema-like: labels, codes, keys), most frequent first.</summary>
    public List<string> Values { get; set; } = [];

    public List<long> Counts { get; set; } = [];

    /// <summary>How many of the strings seen were rare (fewer than k times): drawn from <see cref="Shape"/> or <see cref="Lengths"/>.</summary>
    public long RareCount { get; set; }

    public ShapeProfile? Shape { get; set; }

    public NumberDistribution? Lengths { get; set; }

    /// <summary>Rare strings are prose (long, with spaces): written as lorem-like words of the learned lengths.</summary>
    public bool IsProse { get; set; }

    /// <summary>Every string seen is a UUID (the elements of a uuid[]): rare ones are written as new UUIDs, not as letters of their shape.</summary>
    public bool IsUuid { get; set; }

    private bool _notUuid;

    [JsonIgnore]
    public long Total => Counts.Sum() + RareCount;

    public void Add(string value, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(value);
        (_counts ??= new BoundedCounts(Tracked)).Add(value);
        (_lengths ??= new NumberSketch(random)).Add(value.Length);
        Shape ??= new ShapeProfile();
        Shape.Add(value);
        _notUuid |= !Guid.TryParseExact(value, "D", out _);
        foreach (var c in value)
        {
            if (c == ' ') _spaces++;
        }
        _characters += value.Length;
    }

    /// <summary>Keeps what may be written back: the strings seen at least <paramref name="k"/> times, and the shape of the rest.</summary>
    public void Finish(int k)
    {
        if (_counts is null) return;
        var frequent = _counts.AtLeast(k);
        Values = frequent.Select(f => f.Value).ToList();
        Counts = frequent.Select(f => f.Count).ToList();
        RareCount = _counts.Total - Counts.Sum();
        Lengths = _lengths?.Finish();
        IsProse = _characters > 0 && _spaces * 20 > _characters && (Lengths?.Grid.Average() ?? 0) > 24;
        IsUuid = !_notUuid;
        _counts = null;
        _lengths = null;
    }

    /// <summary>English words for stand-ins of rare strings; made on first use from the sampler's random stream.</summary>
    private Bogus.Faker Faker(Xoshiro256 random) => _faker ??= PiiGenerator.CreateFaker("en", unchecked((int)random.NextULong()));

    private Bogus.Faker? _faker;

    public string Sample(Xoshiro256 random, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var weights = new List<long>(Counts) { RareCount };
        var pick = Draw.Index(weights, random);
        string value;
        if (pick >= 0 && pick < Values.Count) value = Values[pick];
        else if (IsUuid) value = NewUuid(random);
        else if (IsProse && Lengths is not null) value = NameFallback.Generate("sentence", Faker(random), random, maxLength, Math.Max(1, (int)Lengths.Sample(random)));
        else if (Shape is { Total: > 0 }) value = ShapeGenerator.Generate(Shape, random, maxLength);
        else value = NameFallback.Generate("words", Faker(random), random, maxLength, null);
        return maxLength is { } max && value.Length > max ? value[..max] : value;
    }

    /// <summary>A version-4 UUID from the sampler's stream (reproducible from the seed).</summary>
    private static string NewUuid(Xoshiro256 random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.NextULong());
        BitConverter.TryWriteBytes(bytes[8..], random.NextULong());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
