using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>Bit strings (bit(n), varbit, MySQL BIT as 0/1 text): the lengths, and how often each of the first 64 positions is 1.</summary>
internal sealed class BitProfile
{
    private const int Positions = 64;
    private BoundedCounts? _lengths;

    public List<int> Lengths { get; set; } = [];

    public List<long> LengthCounts { get; set; } = [];

    public long[] Ones { get; set; } = new long[Positions + 1];

    public long[] Seen { get; set; } = new long[Positions + 1];

    public void Add(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        (_lengths ??= new BoundedCounts(256)).Add(bits.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < bits.Length; i++)
        {
            var slot = Math.Min(i, Positions);
            Seen[slot]++;
            if (bits[i] == '1') Ones[slot]++;
        }
    }

    public void Finish()
    {
        if (_lengths is null) return;
        var lengths = _lengths.AtLeast(1);
        Lengths = lengths.Select(l => int.Parse(l.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        LengthCounts = lengths.Select(l => l.Count).ToList();
        _lengths = null;
    }

    /// <param name="fixedLength">bit(n): every value has exactly n bits; varbit(n): at most n.</param>
    public string Sample(Xoshiro256 random, int? fixedLength, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        var length = fixedLength ?? (Lengths.Count == 0 ? 1 : Lengths[Math.Max(0, Draw.Index(LengthCounts, random))]);
        if (maxLength is { } max) length = Math.Min(length, max);
        var bits = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var slot = Math.Min(i, Positions);
            bits.Append(Draw.Chance(Ones[slot], Seen[slot], random) ? '1' : '0');
        }
        return bits.ToString();
    }
}
