using System.Globalization;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Reads (E)WKT far enough to learn from it: the SRID prefix, the type (with Z), and every vertex
/// grouped by part (a point, a line, a polygon's rings, a multi-geometry's members). PostgreSQL's
/// built-in geometric text forms (<c>(1,2)</c>, <c>((0,0),(1,1))</c>, <c>&lt;(0,0),2&gt;</c>) are read
/// as one part of vertices by <see cref="ReadPgGeometric"/>.
/// </summary>
internal static class WktReader
{
    public static WktShape? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        int? srid = null;
        if (t.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
        {
            var semi = t.IndexOf(';', StringComparison.Ordinal);
            if (semi < 0) return null;
            if (int.TryParse(t.AsSpan(5, semi - 5), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) srid = s;
            t = t[(semi + 1)..].Trim();
        }
        var open = t.IndexOf('(', StringComparison.Ordinal);
        var head = (open < 0 ? t : t[..open]).Trim().ToUpperInvariant();
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var type = words[0];
        var hasZ = words.Skip(1).Any(w => w.Contains('Z', StringComparison.Ordinal));
        if (open < 0) return new WktShape(type, srid, hasZ, []);
        var parts = new List<IReadOnlyList<double[]>>();
        // Every innermost parenthesised list of coordinates is one part (a point, a line, a ring).
        var depth = 0;
        var start = -1;
        for (var i = open; i < t.Length; i++)
        {
            if (t[i] == '(')
            {
                depth++;
                start = i + 1;
            }
            else if (t[i] == ')')
            {
                if (start >= 0)
                {
                    var vertices = Vertices(t[start..i]);
                    if (vertices.Count > 0) parts.Add(vertices);
                }
                start = -1;
                depth--;
            }
            else if (char.IsLetter(t[i]) && depth > 0)
            {
                start = -1;
            }
        }
        return new WktShape(type, srid, hasZ, parts);
    }

    /// <summary>The numbers of a PostgreSQL geometric value as one part of (x, y) vertices (a circle's radius left out).</summary>
    public static IReadOnlyList<double[]> ReadPgGeometric(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = Numbers(text.StartsWith('<') ? text[..text.LastIndexOf(',')] : text);
        var vertices = new List<double[]>();
        for (var i = 0; i + 1 < numbers.Count; i += 2) vertices.Add([numbers[i], numbers[i + 1]]);
        return vertices;
    }

    /// <summary>The radius of a PostgreSQL circle <c>&lt;(x,y),r&gt;</c>, or null.</summary>
    public static double? CircleRadius(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = Numbers(text);
        return text.TrimStart().StartsWith('<') && numbers.Count == 3 ? numbers[2] : null;
    }

    private static List<double[]> Vertices(string list)
    {
        var vertices = new List<double[]>();
        foreach (var point in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var coordinates = point.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (coordinates.Length >= 2 && coordinates.All(double.IsFinite)) vertices.Add(coordinates);
        }
        return vertices;
    }

    private static List<double> Numbers(string text)
    {
        var numbers = new List<double>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsDigit(text[i]) || ((text[i] is '-' or '+' or '.') && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or 'e' or 'E' || ((text[i] is '-' or '+') && text[i - 1] is 'e' or 'E'))) i++;
                if (double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) numbers.Add(value);
            }
            else
            {
                i++;
            }
        }
        return numbers;
    }
}
