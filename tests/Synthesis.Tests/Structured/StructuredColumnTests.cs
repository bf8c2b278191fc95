using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Structured;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Structured;

/// <summary>
/// Structured columns fitted from generated values and sampled: every generated value is a valid
/// value of its kind, keeps the source's structure, and never copies a string seen fewer than k times.
/// </summary>
public sealed class StructuredColumnTests
{
    private const int Rows = 600;

    private static async Task<List<object?>> FitAndSampleAsync(ColumnSchema column, Func<int, object?> value, int count = 400)
    {
        var table = new TableSchema
        {
            Name = new QualifiedName("public", "t"),
            Columns = [TestTable.Col("id", LogicalType.Int64, false), column with { Ordinal = 2 }],
            PrimaryKey = new KeySchema("t_pkey", ["id"]),
        };
        var rows = Enumerable.Range(0, Rows).Select(i => new object?[] { (long)i, value(i) }).ToList();
        var model = await TableSynthesizer.FitAsync(table, TestTable.AsAsync(rows), new SynthesisOptions { Seed = 3 }, CancellationToken.None);
        Assert.IsType<StructuredColumnModel>(model.Data.Columns[1]);
        return model.Sample(count, new SamplingContext(9)).Select(r => r[1]).ToList();
    }

    private static ColumnSchema Column(LogicalType type, string native, bool nullable = true) =>
        TestTable.Col("v", type, nullable) with { NativeType = native };

    [Fact]
    public async Task Json_keeps_keys_and_kinds_and_never_copies_a_rare_string()
    {
        var sample = await FitAndSampleAsync(Column(LogicalType.Json, "jsonb"), i => i % 10 == 0 ? null
            : $$"""{"name":"person-{{i}}","age":{{20 + i % 50}},"vip":{{(i % 3 == 0 ? "true" : "false")}},"city":"{{(i % 2 == 0 ? "Paris" : "Rome")}}","since":"2021-03-{{1 + i % 28:00}}","tags":["a","b"]}""");
        var documents = sample.OfType<string>().Select(s => JsonNode.Parse(s)!.AsObject()).ToList();
        Assert.InRange(sample.Count(v => v is null), 20, 60);
        Assert.All(documents, d => Assert.True(d.All(p => p.Key is "name" or "age" or "vip" or "city" or "since" or "tags")));
        Assert.True(documents.Count(d => d.ContainsKey("age")) > documents.Count * 0.9);
        Assert.All(documents.Where(d => d["age"] is not null), d => Assert.InRange(d["age"]!.GetValue<long>(), 20, 69));
        Assert.All(documents.Where(d => d["city"] is not null), d => Assert.Contains(d["city"]!.GetValue<string>(), new[] { "Paris", "Rome" }));
        Assert.All(documents.Where(d => d["since"] is not null), d => Assert.Matches(@"^2021-0[34]-\d\d$", d["since"]!.GetValue<string>()));
        // Every name was seen once: none comes back.
        Assert.DoesNotContain(documents, d => d["name"]?.GetValue<string>().StartsWith("person-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Uuids_in_an_array_are_new_valid_uuids()
    {
        var real = Enumerable.Range(0, Rows).Select(i => new Guid(i, 7, 7, 1, 2, 3, 4, 5, 6, 7, 8).ToString("D")).ToList();
        var sample = await FitAndSampleAsync(Column(LogicalType.Array, "uuid[]") with { ElementType = "uuid" }, i => $"[\"{real[i]}\"]");
        var uuids = sample.OfType<string>().SelectMany(s => JsonNode.Parse(s)!.AsArray()).Select(e => e!.GetValue<string>()).ToList();
        Assert.NotEmpty(uuids);
        Assert.All(uuids, u => Assert.True(Guid.TryParseExact(u, "D", out _), u));
        Assert.DoesNotContain(uuids, real.Contains);
    }

    [Fact]
    public async Task Arrays_are_json_arrays_of_the_learned_lengths_and_stay_rectangular()
    {
        var flat = await FitAndSampleAsync(Column(LogicalType.Array, "text[]") with { ElementType = "character varying(3)" },
            i => i % 2 == 0 ? """["red","green","c1"]""" : """["blue"]""");
        foreach (var array in flat.OfType<string>().Select(s => JsonNode.Parse(s)!.AsArray()))
        {
            Assert.Contains(array.Count, new[] { 1, 3 });
            Assert.All(array, e => Assert.True(e is null || e.GetValue<string>().Length <= 3));
        }
        var grid = await FitAndSampleAsync(Column(LogicalType.Array, "integer[]"), i => $"[[{i},1,2],[3,4,{i}]]");
        foreach (var array in grid.OfType<string>().Select(s => JsonNode.Parse(s)!.AsArray()))
        {
            Assert.Single(array.Select(inner => inner!.AsArray().Count).Distinct());
            Assert.All(array.SelectMany(inner => inner!.AsArray()), e => Assert.Equal(JsonValueKind.Number, e!.GetValueKind()));
        }
    }

    [Fact]
    public async Task Xml_keeps_elements_and_attributes_and_parses()
    {
        var sample = await FitAndSampleAsync(Column(LogicalType.Xml, "xml"),
            i => $"""<order id="{i}" kind="{(i % 2 == 0 ? "web" : "shop")}"><item>{i % 5}</item><note>secret note {i}</note></order>""");
        foreach (var xml in sample.OfType<string>())
        {
            var root = XElement.Parse(xml);
            Assert.Equal("order", root.Name.LocalName);
            Assert.Contains(root.Attribute("kind")?.Value, new[] { "web", "shop", null });
            Assert.DoesNotContain("secret note", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bytes_keep_their_lengths_and_a_frequent_signature()
    {
        var sample = await FitAndSampleAsync(Column(LogicalType.Binary, "bytea"), i => new byte[] { 0x89, 0x50, 0x4E, 0x47 }.Concat(BitConverter.GetBytes(i)).ToArray());
        Assert.All(sample.OfType<byte[]>(), b =>
        {
            Assert.Equal(8, b.Length);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, b[..4]);
        });
    }

    [Fact]
    public async Task Geometries_stay_in_the_bounding_box_keep_the_srid_and_polygons_are_simple()
    {
        var sample = await FitAndSampleAsync(Column(LogicalType.Spatial, "geometry(Polygon,4326)"), i =>
        {
            var (x, y) = (2 + i % 10 / 10.0, 48 + i % 7 / 10.0);
            string P(double dx, double dy) => string.Create(CultureInfo.InvariantCulture, $"{x + dx} {y + dy}");
            return $"SRID=4326;POLYGON(({P(0, 0)},{P(0.05, 0)},{P(0.05, 0.05)},{P(0, 0.05)},{P(0, 0)}))";
        });
        foreach (var wkt in sample.OfType<string>())
        {
            Assert.StartsWith("SRID=4326;POLYGON((", wkt, StringComparison.Ordinal);
            var shape = WktReader.Read(wkt)!;
            var ring = shape.Parts[0];
            Assert.Equal(ring[0], ring[^1]);
            Assert.True(ring.Count >= 4);
            Assert.All(ring, v => Assert.True(v[0] is >= 2 and <= 2.95 && v[1] is >= 48 and <= 48.65, $"{v[0]} {v[1]} outside the box"));
            Assert.False(SelfIntersects(ring), wkt);
            Assert.True(SignedArea(ring) > 0, "counter-clockwise");
        }
    }

    [Fact]
    public async Task Network_addresses_keep_frequent_networks_and_cidr_has_no_host_bits()
    {
        var cidr = await FitAndSampleAsync(Column(LogicalType.Network, "cidr"), i => $"192.168.{i % 8}.0/24");
        foreach (var text in cidr.OfType<string>())
        {
            var address = IPAddress.Parse(text[..text.IndexOf('/', StringComparison.Ordinal)]).GetAddressBytes();
            Assert.EndsWith("/24", text, StringComparison.Ordinal);
            Assert.Equal(0, address[3]);
            Assert.Equal(new byte[] { 192, 168 }, address[..2]);
        }
        var mac = await FitAndSampleAsync(Column(LogicalType.Network, "macaddr"), i => $"08:00:2b:01:02:{i % 256:x2}");
        Assert.All(mac.OfType<string>(), m => Assert.Matches("^08:00:2b(:[0-9a-f]{2}){3}$", m));
    }

    [Fact]
    public async Task Ranges_bit_strings_and_tsvectors_are_well_formed()
    {
        var ranges = await FitAndSampleAsync(Column(LogicalType.Range, "int4range"), i => $"[{i},{i + 10})");
        foreach (var range in ranges.OfType<string>())
        {
            var bounds = range.Trim('[', ')').Split(',').Select(b => long.Parse(b, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(bounds[1] > bounds[0], range);
        }
        var bits = await FitAndSampleAsync(Column(LogicalType.Bit, "bit(8)") with { MaxLength = 8 }, i => Convert.ToString(i % 256, 2).PadLeft(8, '0'));
        Assert.All(bits.OfType<string>(), b => Assert.Matches("^[01]{8}$", b));
        var vectors = await FitAndSampleAsync(Column(LogicalType.Other, "tsvector"), i => $"'brown':3 'fox':4 'quick':2 'secret{i}':5");
        foreach (var vector in vectors.OfType<string>())
        {
            var lexemes = vector.Split(' ').Select(l => l[..l.LastIndexOf(':')]).ToList();
            Assert.Equal(lexemes.Count, lexemes.Distinct().Count());
            Assert.DoesNotContain(lexemes, l => l.StartsWith("'secret", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Composite_and_hstore_text_round_trip()
    {
        var row = RowText.ReadComposite("(\"Main St\",42,,\"a \"\"b\"\"\")")!;
        Assert.Equal("Main St", row["1"]!.GetValue<string>());
        Assert.Equal(42, row["2"]!.GetValue<double>());
        Assert.Null(row["3"]);
        Assert.Equal("(\"Main St\",42,,\"a \"\"b\"\"\")", RowText.WriteComposite(row, 4));
        var map = RowText.ReadHstore("\"a\"=>\"1\", b=>NULL, \"c d\"=>\"x\\\"y\"")!;
        Assert.Equal(["a", "b", "c d"], map.Select(p => p.Key));
        Assert.Null(map["b"]);
        Assert.Equal("\"a\"=>\"1\", \"b\"=>NULL, \"c d\"=>\"x\\\"y\"", RowText.WriteHstore(map));
    }

    private static double SignedArea(IReadOnlyList<double[]> ring)
    {
        double area = 0;
        for (var i = 0; i + 1 < ring.Count; i++) area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        return area / 2;
    }

    private static bool SelfIntersects(IReadOnlyList<double[]> ring)
    {
        var n = ring.Count - 1;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1) continue;
                if (Cross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
            }
        }
        return false;

        static bool Cross(double[] a, double[] b, double[] c, double[] d)
        {
            static double O(double[] p, double[] q, double[] r) => Math.Sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
            return O(a, b, c) != O(a, b, d) && O(c, d, a) != O(c, d, b);
        }
    }
}
