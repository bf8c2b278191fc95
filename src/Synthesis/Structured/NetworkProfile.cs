using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Network addresses (inet, cidr, macaddr, macaddr8): the share of IPv4 and IPv6, the prefix lengths,
/// and the leading bits where many values share them (a /16 network seen at least k times, a MAC's
/// vendor prefix): generated addresses keep those and draw the rest at random. A cidr's host bits are zero.
/// </summary>
internal sealed class NetworkProfile
{
    private BoundedCounts? _families;
    private BoundedCounts? _prefixes;
    private BoundedCounts? _networks;

    /// <summary>"4" or "6" (or "mac6"/"mac8"), with counts.</summary>
    public List<string> Families { get; set; } = [];

    public List<long> FamilyCounts { get; set; } = [];

    /// <summary>"family/length", with counts.</summary>
    public List<string> Prefixes { get; set; } = [];

    public List<long> PrefixCounts { get; set; } = [];

    /// <summary>Leading 16 bits (IPv4), 32 bits (IPv6) or 24 bits (MAC) as hex, seen at least k times.</summary>
    public List<string> Networks { get; set; } = [];

    public List<long> NetworkCounts { get; set; } = [];

    public long OtherNetworks { get; set; }

    public void Add(string text, StructuredKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        (_families, _prefixes, _networks) = (_families ?? new BoundedCounts(8), _prefixes ?? new BoundedCounts(300), _networks ?? new BoundedCounts(4096));
        if (kind == StructuredKind.MacAddress)
        {
            var hex = new string(text.Where(Uri.IsHexDigit).ToArray()).ToLowerInvariant();
            if (hex.Length is not (12 or 16)) return;
            _families.Add(hex.Length == 12 ? "mac6" : "mac8");
            _networks.Add(hex[..6]);
            return;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return;
        var bytes = address.GetAddressBytes();
        var family = address.AddressFamily == AddressFamily.InterNetworkV6 ? "6" : "4";
        var length = slash < 0 ? bytes.Length * 8 : int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
        _families.Add(family);
        _prefixes.Add(family + "/" + length.ToString(CultureInfo.InvariantCulture));
        _networks.Add(family + ":" + Convert.ToHexString(bytes, 0, family == "4" ? 2 : 4));
    }

    public void Finish(int k)
    {
        static (List<string>, List<long>) Split(List<(string Value, long Count)> items) => (items.Select(i => i.Value).ToList(), items.Select(i => i.Count).ToList());
        if (_families is null || _prefixes is null || _networks is null) return;
        (Families, FamilyCounts) = Split(_families.AtLeast(1));
        (Prefixes, PrefixCounts) = Split(_prefixes.AtLeast(1));
        (Networks, NetworkCounts) = Split(_networks.AtLeast(k));
        OtherNetworks = _networks.Total - NetworkCounts.Sum();
        (_families, _prefixes, _networks) = (null, null, null);
    }

    public string Sample(StructuredKind kind, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var family = Families.Count == 0 ? (kind == StructuredKind.MacAddress ? "mac6" : "4") : Families[Math.Max(0, Draw.Index(FamilyCounts, random))];
        var network = Draw.Index([.. NetworkCounts, OtherNetworks], random) is var n && n >= 0 && n < Networks.Count ? Networks[n] : null;
        if (family.StartsWith("mac", StringComparison.Ordinal))
        {
            var bytes = new byte[family == "mac6" ? 6 : 8];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)random.NextInt(256);
            if (network is { Length: 6 }) Convert.FromHexString(network).CopyTo(bytes, 0);
            else bytes[0] = (byte)(bytes[0] & 0xFC | 0x02); // a locally administered unicast address
            return string.Join(":", bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
        var size = family == "4" ? 4 : 16;
        var address = new byte[size];
        for (var i = 0; i < size; i++) address[i] = (byte)random.NextInt(256);
        var lead = network is not null && network.StartsWith(family + ":", StringComparison.Ordinal) ? Convert.FromHexString(network[2..]) : null;
        if (lead is not null) lead.CopyTo(address, 0);
        else if (size == 4) address[0] = (byte)(10 + random.NextInt(180)); // a unicast first octet
        else (address[0], address[1]) = (0x20, 0x01);
        var lengths = Prefixes.Select((p, i) => (p, i)).Where(p => p.p.StartsWith(family + "/", StringComparison.Ordinal)).ToList();
        var length = lengths.Count == 0 ? size * 8 : int.Parse(lengths[Math.Max(0, Draw.Index(lengths.Select(p => PrefixCounts[p.i]).ToList(), random))].p[2..], CultureInfo.InvariantCulture);
        if (kind == StructuredKind.Cidr)
        {
            for (var bit = length; bit < size * 8; bit++) address[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        var text = new IPAddress(address).ToString();
        return kind == StructuredKind.Cidr || length != size * 8 ? text + "/" + length.ToString(CultureInfo.InvariantCulture) : text;
    }
}
