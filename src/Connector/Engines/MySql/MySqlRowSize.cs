using System.Globalization;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// MySQL and MariaDB refuse a table whose columns, BLOB and TEXT aside, take more than 65,535 bytes a row ("Row size
/// too large"), and a utf8mb4 VARCHAR(255) takes 1,022: a table of a hundred such columns, ordinary in SQLite and
/// PostgreSQL, could not be created. Its widest string columns that no index needs are written as TEXT instead, until
/// the row fits, and a warning names them. A table from MySQL already fits and is left as it is.
/// </summary>
internal static partial class MySqlRowSize
{
    private const int MaxRowBytes = 65_535;

    /// <summary>Bytes a TEXT or BLOB column takes in the row (its pointer), and an allowance for every other fixed-size type.</summary>
    private const int OtherBytes = 12;

    /// <summary>The string columns of <paramref name="table"/> to write as TEXT so that its row fits (none where it already does).</summary>
    public static HashSet<string> ColumnsAsText(TableSchema table, DatabaseEngine source, ISet<string> indexed, ICollection<string> warnings)
    {
        var moved = new HashSet<string>(StringComparer.Ordinal);
        if (source == DatabaseEngine.MySql) return moved;
        var sizes = table.Columns.Where(c => c.GeneratedSql is null || c.Annotations.ContainsKey(PortableExpressions.TranslatedAnnotation))
            .Select(c => (Column: c, Bytes: Bytes(MySqlTypeMapper.MapType(c, source, indexed.Contains(c.Name))))).ToList();
        var total = sizes.Sum(s => (long)s.Bytes);
        if (total <= MaxRowBytes) return moved;
        var candidates = sizes.Where(s => s.Bytes > OtherBytes && !indexed.Contains(s.Column.Name) && s.Column.GeneratedSql is null
                && s.Column.LogicalType is LogicalType.String or LogicalType.FixedString)
            .OrderByDescending(s => s.Bytes).ThenBy(s => s.Column.Ordinal);
        foreach (var (column, bytes) in candidates)
        {
            if (total <= MaxRowBytes) break;
            total -= bytes - OtherBytes;
            moved.Add(column.Name);
        }
        if (moved.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Table {table.Name}: {moved.Count} string column(s) are written as TEXT instead of VARCHAR/CHAR, since together its columns exceed MySQL's 65,535-byte row ({string.Join(", ", table.Columns.Where(c => moved.Contains(c.Name)).Take(5).Select(c => c.Name))}{(moved.Count > 5 ? ", ..." : "")})."));
        }
        return moved;
    }

    /// <summary>InnoDB's largest index key, in bytes.</summary>
    public const int MaxKeyBytes = 3_072;

    /// <summary>Bytes an index over <paramref name="columns"/> takes a row, as the columns are written for an index (utf8mb4).</summary>
    public static long KeyBytes(TableSchema table, IEnumerable<string> columns, DatabaseEngine source) =>
        columns.Select(table.FindColumn).OfType<ColumnSchema>().Sum(c => (long)KeyPartBytes(MySqlTypeMapper.MapType(c, source, indexed: true)));

    /// <summary>
    /// The key parts of a non-unique index over <paramref name="columns"/> that fits InnoDB's key: as they are where it
    /// fits, else each string column indexed on a prefix of an equal share of the key (an index over four VARCHAR(255)
    /// was refused, "Specified key was too long"). A prefix finds the same rows; only a unique key needs whole values.
    /// </summary>
    public static IReadOnlyList<string> IndexParts(TableSchema table, IReadOnlyList<string> columns, DatabaseEngine source, Func<string, string> quote)
    {
        if (source == DatabaseEngine.MySql || KeyBytes(table, columns, source) <= MaxKeyBytes) return columns.Select(quote).ToList();
        var types = columns.Select(c => table.FindColumn(c) is { } column ? MySqlTypeMapper.MapType(column, source, indexed: true) : "").ToList();
        var fixedBytes = types.Where(t => !CharType().IsMatch(t)).Sum(KeyPartBytes);
        var strings = types.Count(t => CharType().IsMatch(t));
        var share = Math.Max(1, (MaxKeyBytes - fixedBytes) / Math.Max(1, strings) / 4);
        return columns.Select((c, i) => CharType().Match(types[i]) is { Success: true } m && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) > share
            ? $"{quote(c)}({share.ToString(CultureInfo.InvariantCulture)})"
            : quote(c)).ToList();
    }

    private static int KeyPartBytes(string type)
    {
        var match = CharType().Match(type);
        if (match.Success) return int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * 4;
        var binary = VarbinaryType().Match(type);
        return binary.Success ? int.Parse(binary.Groups[1].Value, CultureInfo.InvariantCulture) : 8;
    }

    /// <summary>Row bytes of a MySQL column type in utf8mb4: 4 a character and a 2-byte length for VARCHAR; a pointer or less for the rest.</summary>
    private static int Bytes(string type)
    {
        var match = CharType().Match(type);
        if (!match.Success) return OtherBytes;
        var length = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return (length * 4) + (match.Groups[1].Success ? 2 : 0);
    }

    [GeneratedRegex(@"^(var)?char\((\d+)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharType();

    [GeneratedRegex(@"^varbinary\((\d+)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VarbinaryType();
}
