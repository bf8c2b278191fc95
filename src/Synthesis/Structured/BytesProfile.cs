using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Binary values (bytea, blob, varbinary): the length distribution, and the leading bytes where the
/// same ones start at least k values (a file format's signature: PNG, PDF, gzip), so generated
/// values keep their format's magic number; the rest of every value is random bytes.
/// </summary>
internal sealed class BytesProfile
{
    private const int PrefixLength = 4;
    private NumberSketch? _lengths;
    private BoundedCounts? _prefixes;

    public NumberDistribution? Lengths { get; set; }

    /// <summary>Leading bytes (hex) seen at the start of at least k values, with their counts.</summary>
    public List<string> Prefixes { get; set; } = [];

    public List<long> PrefixCounts { get; set; } = [];

    /// <summary>Values whose start is another (or shorter than the prefix).</summary>
    public long OtherCount { get; set; }

    public void Add(byte[] value, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(value);
        (_lengths ??= new NumberSketch(random)).Add(value.Length);
        (_prefixes ??= new BoundedCounts(256)).Add(value.Length >= PrefixLength ? Convert.ToHexString(value, 0, PrefixLength) : "");
    }

    public void Finish(int k)
    {
        Lengths = _lengths?.Finish();
        if (_prefixes is not null)
        {
            var frequent = _prefixes.AtLeast(k).Where(p => p.Value.Length > 0).ToList();
            Prefixes = frequent.Select(p => p.Value).ToList();
            PrefixCounts = frequent.Select(p => p.Count).ToList();
            OtherCount = _prefixes.Total - PrefixCounts.Sum();
        }
        (_lengths, _prefixes) = (null, null);
    }

    public byte[] Sample(Xoshiro256 random, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var length = Math.Max(0, (int)Math.Min(Lengths?.Sample(random) ?? 16, 16 * 1024 * 1024));
        if (maxLength is { } max) length = Math.Min(length, max);
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)random.NextInt(256);
        var pick = Draw.Index([.. PrefixCounts, OtherCount], random);
        if (pick >= 0 && pick < Prefixes.Count)
        {
            var prefix = Convert.FromHexString(Prefixes[pick]);
            prefix.AsSpan(0, Math.Min(prefix.Length, bytes.Length)).CopyTo(bytes);
        }
        return bytes;
    }
}
