using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Geometries (PostGIS, MySQL spatial, PostgreSQL's built-in geometric types): the SRID, the mix of
/// geometry types, where vertices lie (counts on a 16 × 16 grid over the source's bounding box,
/// computed from a bounded reservoir of vertices at the end of the pass), how many vertices and parts
/// a shape has and how large it is. Generated shapes are drawn inside grid cells (never a source
/// coordinate), inside the bounding box, and valid: polygons are star-shaped and counter-clockwise,
/// the members of a multi-polygon do not overlap.
/// </summary>
internal sealed class GeometryProfile
{
    private const int GridSize = 16;
    private const int ReservoirSize = 4096;
    private List<(double X, double Y)>? _reservoir;
    private long _seen;
    private BoundedCounts? _types;
    private BoundedCounts? _srids;
    private NumberSketch? _vertices;
    private NumberSketch? _parts;
    private NumberSketch? _extents;
    private NumberSketch? _z;
    private long _closedPaths;
    private long _openPaths;
    private int _decimals;

    public double MinX { get; set; }

    public double MinY { get; set; }

    public double MaxX { get; set; }

    public double MaxY { get; set; }

    /// <summary>Vertex counts per grid cell, row by row (y), GridSize × GridSize.</summary>
    public long[] Cells { get; set; } = [];

    public List<string> Types { get; set; } = [];

    public List<long> TypeCounts { get; set; } = [];

    /// <summary>The most common SRID (0 where none was given).</summary>
    public int Srid { get; set; }

    public NumberDistribution? Vertices { get; set; }

    public NumberDistribution? Parts { get; set; }

    public NumberDistribution? Extents { get; set; }

    public NumberDistribution? Z { get; set; }

    /// <summary>Decimals written: the source's, or more where the box is small enough that vertices would round together.</summary>
    public int Decimals { get; set; }

    /// <summary>PostgreSQL paths: closed ones among all.</summary>
    public long ClosedPaths { get; set; }

    public long OpenPaths { get; set; }

    /// <summary>Learns an (E)WKT geometry, or a PostgreSQL geometric value when <paramref name="pgType"/> is its type name.</summary>
    public void Add(string text, string? pgType, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        _types ??= new BoundedCounts(64);
        _srids ??= new BoundedCounts(16);
        IReadOnlyList<IReadOnlyList<double[]>> parts;
        if (pgType is not null)
        {
            parts = [WktReader.ReadPgGeometric(text)];
            _types.Add(pgType);
            if (pgType == "path") _ = text.TrimStart().StartsWith('(') ? _closedPaths++ : _openPaths++;
            if (WktReader.CircleRadius(text) is { } radius) (_extents ??= new NumberSketch(random)).Add(2 * radius);
        }
        else
        {
            if (WktReader.Read(text) is not { } shape) return;
            parts = shape.Parts;
            _types.Add(shape.HasZ ? shape.Type + " Z" : shape.Type);
            _srids.Add((shape.Srid ?? 0).ToString(CultureInfo.InvariantCulture));
            (_parts ??= new NumberSketch(random)).Add(parts.Count);
        }
        _decimals = Math.Max(_decimals, DecimalsOf(text));
        foreach (var part in parts)
        {
            (_vertices ??= new NumberSketch(random)).Add(part.Count);
            if (part.Count > 1)
            {
                var width = part.Max(v => v[0]) - part.Min(v => v[0]);
                var height = part.Max(v => v[1]) - part.Min(v => v[1]);
                (_extents ??= new NumberSketch(random)).Add(Math.Max(width, height));
            }
            foreach (var vertex in part)
            {
                Observe(vertex[0], vertex[1], random);
                if (vertex.Length > 2) (_z ??= new NumberSketch(random)).Add(vertex[2]);
            }
        }
    }

    private void Observe(double x, double y, Xoshiro256 random)
    {
        if (_seen == 0) (MinX, MaxX, MinY, MaxY) = (x, x, y, y);
        (MinX, MaxX, MinY, MaxY) = (Math.Min(MinX, x), Math.Max(MaxX, x), Math.Min(MinY, y), Math.Max(MaxY, y));
        _seen++;
        _reservoir ??= [];
        if (_reservoir.Count < ReservoirSize) _reservoir.Add((x, y));
        else if (random.NextLong(_seen) is var slot && slot < ReservoirSize) _reservoir[(int)slot] = (x, y);
    }

    public void Finish()
    {
        Cells = new long[GridSize * GridSize];
        foreach (var (x, y) in _reservoir ?? []) Cells[CellOf(y, MinY, MaxY) * GridSize + CellOf(x, MinX, MaxX)]++;
        if (_types is not null)
        {
            var types = _types.AtLeast(1);
            Types = types.Select(t => t.Value).ToList();
            TypeCounts = types.Select(t => t.Count).ToList();
        }
        if (_srids?.AtLeast(1) is { Count: > 0 } srids) Srid = int.Parse(srids[0].Value, CultureInfo.InvariantCulture);
        (Vertices, Parts, Extents, Z) = (_vertices?.Finish(), _parts?.Finish(), _extents?.Finish(), _z?.Finish());
        (ClosedPaths, OpenPaths) = (_closedPaths, _openPaths);
        var span = Math.Max(MaxX - MinX, MaxY - MinY);
        Decimals = Math.Clamp(Math.Max(_decimals, span > 0 ? (int)Math.Ceiling(-Math.Log10(span / 1e5)) : _decimals), 0, 12);
        (_reservoir, _types, _srids, _vertices, _parts, _extents, _z) = (null, null, null, null, null, null, null);
    }

    private static int CellOf(double v, double min, double max) => max > min ? Math.Clamp((int)((v - min) / (max - min) * GridSize), 0, GridSize - 1) : 0;

    /// <summary>A generated geometry as EWKT (the SRID prefix where the source had one).</summary>
    public string SampleWkt(Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var type = Types.Count == 0 ? "POINT" : Types[Math.Max(0, Draw.Index(TypeCounts, random))];
        var hasZ = type.EndsWith(" Z", StringComparison.Ordinal);
        var baseType = hasZ ? type[..^2] : type;
        var body = new StringBuilder();
        var parts = Math.Max(1, (int)(Parts?.Sample(random) ?? 1));
        switch (baseType)
        {
            case "POINT": body.Append('(').Append(Coordinates([Point(random)], hasZ, random)).Append(')'); break;
            case "LINESTRING": body.Append('(').Append(Coordinates(Line(random), hasZ, random)).Append(')'); break;
            case "POLYGON": body.Append("((").Append(Coordinates(Polygons(1, random)[0], hasZ, random)).Append("))"); break;
            case "MULTIPOINT": body.Append('(').Append(Coordinates(Enumerable.Range(0, parts).Select(_ => Point(random)).ToList(), hasZ, random)).Append(')'); break;
            case "MULTILINESTRING": body.Append('(').AppendJoin(",", Enumerable.Range(0, parts).Select(_ => "(" + Coordinates(Line(random), hasZ, random) + ")")).Append(')'); break;
            case "MULTIPOLYGON": body.Append('(').AppendJoin(",", Polygons(parts, random).Select(p => "((" + Coordinates(p, hasZ, random) + "))")).Append(')'); break;
            default:
                type = "GEOMETRYCOLLECTION";
                body.Append("(POINT(").Append(Coordinates([Point(random)], false, random)).Append("))");
                break;
        }
        var prefix = Srid != 0 ? string.Create(CultureInfo.InvariantCulture, $"SRID={Srid};") : "";
        return prefix + (hasZ ? baseType + " Z " : type) + body;
    }

    /// <summary>A generated value of a PostgreSQL geometric type, in its text form.</summary>
    public string SamplePg(string pgType, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        string P((double X, double Y) p) => "(" + Number(p.X) + "," + Number(p.Y) + ")";
        switch (pgType)
        {
            case "point": return P(Point(random));
            case "lseg": return "[" + string.Join(",", Line(random, 2).Select(P)) + "]";
            case "box":
                var a = Point(random);
                var b = Point(random);
                return P((Math.Max(a.X, b.X), Math.Max(a.Y, b.Y))) + "," + P((Math.Min(a.X, b.X), Math.Min(a.Y, b.Y)));
            case "path":
                var closed = Draw.Chance(ClosedPaths, ClosedPaths + OpenPaths, random);
                return (closed ? "(" : "[") + string.Join(",", Line(random).Select(P)) + (closed ? ")" : "]");
            case "polygon": return "(" + string.Join(",", Polygons(1, random)[0].SkipLast(1).Select(P)) + ")";
            case "circle":
                var center = Point(random);
                var radius = Math.Max(Extents?.Sample(random) / 2 ?? 1, 0);
                return "<" + P(center) + "," + Number(radius) + ">";
            default:
                // line {A,B,C}: Ax + By + C = 0 through a point of the box.
                var through = Point(random);
                var angle = random.NextDouble() * Math.PI;
                var (ca, cb) = (Math.Sin(angle), -Math.Cos(angle));
                return "{" + Number(ca) + "," + Number(cb) + "," + Number(-(ca * through.X + cb * through.Y)) + "}";
        }
    }

    private (double X, double Y) Point(Xoshiro256 random)
    {
        var cell = Cells.Length == 0 ? -1 : Draw.Index(Cells, random);
        if (cell < 0) return (MinX + random.NextDouble() * (MaxX - MinX), MinY + random.NextDouble() * (MaxY - MinY));
        var (cx, cy) = (cell % GridSize, cell / GridSize);
        var w = (MaxX - MinX) / GridSize;
        var h = (MaxY - MinY) / GridSize;
        return (MinX + (cx + random.NextDouble()) * w, MinY + (cy + random.NextDouble()) * h);
    }

    private double Extent(Xoshiro256 random)
    {
        var span = Math.Max(MaxX - MinX, MaxY - MinY);
        var extent = Extents?.Sample(random) ?? span / 10;
        return extent > 0 ? extent : Math.Max(span / 100, 1e-6);
    }

    /// <summary>A random walk of the learned vertex count and extent, kept inside the box.</summary>
    private List<(double X, double Y)> Line(Xoshiro256 random, int? count = null)
    {
        var n = count ?? Math.Max(2, (int)(Vertices?.Sample(random) ?? 2));
        var step = Extent(random) / Math.Max(1, n - 1);
        var heading = random.NextDouble() * 2 * Math.PI;
        var points = new List<(double X, double Y)> { Point(random) };
        for (var i = 1; i < n; i++)
        {
            heading += (random.NextDouble() - 0.5) * Math.PI / 2;
            var (x, y) = points[^1];
            var next = (Math.Clamp(x + step * Math.Cos(heading), MinX, MaxX), Math.Clamp(y + step * Math.Sin(heading), MinY, MaxY));
            if (next == points[^1]) next = (Math.Clamp(x - step * Math.Cos(heading), MinX, MaxX), Math.Clamp(y - step * Math.Sin(heading), MinY, MaxY));
            points.Add(next);
        }
        return points;
    }

    /// <summary>
    /// <paramref name="count"/> closed rings, star-shaped around a center (angles ascending: counter-clockwise),
    /// each inside the box and inside a circle that overlaps no other ring's circle.
    /// </summary>
    private List<List<(double X, double Y)>> Polygons(int count, Xoshiro256 random)
    {
        var rings = new List<List<(double X, double Y)>>();
        var circles = new List<(double X, double Y, double R)>();
        for (var p = 0; p < count; p++)
        {
            (double X, double Y) center = default;
            var radius = 0.0;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                center = Point(random);
                radius = Extent(random) / 2;
                var room = Math.Min(Math.Min(center.X - MinX, MaxX - center.X), Math.Min(center.Y - MinY, MaxY - center.Y));
                if (room > 0) radius = Math.Min(radius, room);
                foreach (var c in circles) radius = Math.Min(radius, Math.Sqrt((c.X - center.X) * (c.X - center.X) + (c.Y - center.Y) * (c.Y - center.Y)) - c.R);
                if (radius > 0) break;
            }
            if (radius <= 0)
            {
                if (p > 0) break;
                radius = Math.Max(Math.Max(MaxX - MinX, MaxY - MinY) / 100, 1e-6);
            }
            circles.Add((center.X, center.Y, radius));
            var n = Math.Max(3, (int)(Vertices?.Sample(random) ?? 5) - 1);
            var angles = Enumerable.Range(0, n).Select(i => (i + 0.2 + 0.6 * random.NextDouble()) * 2 * Math.PI / n).ToList();
            // One distance per vertex, on the ray at its angle: the ring is star-shaped around the center, so simple.
            var ring = angles.Select(a => (A: a, R: radius * (0.5 + 0.5 * random.NextDouble())))
                .Select(v => (center.X + v.R * Math.Cos(v.A), center.Y + v.R * Math.Sin(v.A))).ToList();
            ring.Add(ring[0]);
            rings.Add(ring);
        }
        return rings;
    }

    private string Coordinates(IEnumerable<(double X, double Y)> points, bool hasZ, Xoshiro256 random) =>
        string.Join(",", points.Select(p => Number(p.X) + " " + Number(p.Y) + (hasZ ? " " + Number(Z?.Sample(random) ?? 0) : "")));

    private string Number(double value) => Math.Round(value, Math.Clamp(Decimals, 0, 12)).ToString("0.############", CultureInfo.InvariantCulture);

    private static int DecimalsOf(string text)
    {
        var most = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '.') continue;
            var j = i + 1;
            while (j < text.Length && char.IsDigit(text[j])) j++;
            most = Math.Max(most, j - i - 1);
            i = j;
        }
        return Math.Min(most, 12);
    }
}
