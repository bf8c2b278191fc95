using System.Globalization;

namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// The order column streams are merged in: the order a database gives to <c>ORDER BY</c> on the column's
/// own type, with text compared byte by byte (code points). Keys are <see cref="CellValues.Key"/> results
/// (or plain doubles for continuous columns). Values of different kinds (a SQLite column holding numbers
/// and text) are ordered by kind first; a source whose order differs is caught by the merge and sorted here.
/// </summary>
internal sealed class CanonicalOrder : IComparer<object>
{
    public static CanonicalOrder Instance { get; } = new();

    private CanonicalOrder()
    {
    }

    public int Compare(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var (rx, ry) = (Rank(x), Rank(y));
        if (rx != ry)
        {
            return rx.CompareTo(ry);
        }

        return (x, y) switch
        {
            (double a, double b) => a.CompareTo(b),
            (long a, long b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (string a, string b) => CodePoints(a, b),
            (TimeOnly a, TimeOnly b) => a.CompareTo(b),
            (TimeSpan a, TimeSpan b) => a.CompareTo(b),
            (Guid a, Guid b) => string.CompareOrdinal(a.ToString("D", CultureInfo.InvariantCulture), b.ToString("D", CultureInfo.InvariantCulture)),
            (BytesKey a, BytesKey b) => string.CompareOrdinal(a.Hex, b.Hex),
            _ => string.CompareOrdinal(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>Compares by Unicode code point, as UTF-8 bytes compare (UTF-16 code units put U+E000–U+FFFF after surrogate pairs).</summary>
    public static int CodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var (ca, cb) = (a[i], b[i]);
            if (ca == cb)
            {
                continue;
            }

            // Surrogates stand for code points above U+FFFF: they sort after every other UTF-16 unit.
            var sa = char.IsSurrogate(ca);
            var sb = char.IsSurrogate(cb);
            if (sa != sb)
            {
                return sa ? 1 : -1;
            }

            return ca.CompareTo(cb);
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int Rank(object value) => value switch
    {
        bool => 0,
        double => 1,
        long => 2,
        TimeOnly => 3,
        TimeSpan => 4,
        string => 5,
        Guid => 6,
        BytesKey => 7,
        _ => 8,
    };
}
