using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// Column types on a MySQL/MariaDB target (the table is in docs/type-mapping.md, "MariaDB/MySQL target").
/// From MySQL itself the native type is kept as written (COLUMN_TYPE: <c>enum('a','b')</c>,
/// <c>int(10) unsigned</c>); JSON is written as <c>json</c> because MariaDB reports it as
/// <c>longtext</c> and its json_valid check is implied by the keyword. From another engine the
/// type follows the logical type. MySQL cannot index TEXT or BLOB without a prefix length, so a
/// column that is part of a key or index (<paramref name="indexed"/>) gets VARCHAR/VARBINARY instead:
/// its declared length where it has one, else 255, at most 768 characters (768 × 4 bytes of utf8mb4
/// is InnoDB's 3072-byte key limit).
/// </summary>
internal sealed class MySqlTypeMapper : ITypeMapper
{
    /// <summary>Longest VARCHAR that stays a VARCHAR (65,535 bytes per row / 4 bytes per utf8mb4 character).</summary>
    public const int MaxVarchar = 16383;

    /// <summary>Longest indexable VARCHAR in utf8mb4 (InnoDB's 3072-byte key limit).</summary>
    public const int MaxIndexedVarchar = 768;

    /// <summary>Length of an indexed text column that declares none.</summary>
    public const int DefaultIndexedLength = 255;

    public string MapType(ColumnSchema column, DatabaseEngine sourceEngine) => MapType(column, sourceEngine, indexed: false);

    public static string MapType(ColumnSchema column, DatabaseEngine sourceEngine, bool indexed)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (sourceEngine == DatabaseEngine.MySql)
        {
            // JSON found in a bounded text column (varchar(255)) keeps its declared type, and its documents are generated within it.
            return column.LogicalType == LogicalType.Json && column.MaxLength is not (> 0 and < 65_535) ? "json" : column.NativeType;
        }

        var indexedLength = Math.Clamp(column.MaxLength ?? DefaultIndexedLength, 1, MaxIndexedVarchar);
        string Text(string unindexed) => indexed ? Varchar(indexedLength) : unindexed;
        return column.LogicalType switch
        {
            LogicalType.Boolean => "tinyint(1)",
            LogicalType.Int8 => "tinyint",
            LogicalType.Int16 => "smallint",
            LogicalType.Int32 => "int",
            LogicalType.Int64 => "bigint",
            LogicalType.Decimal => Decimal(column.Precision, column.Scale),
            LogicalType.Money => "decimal(19,4)",
            LogicalType.Float32 => "float",
            LogicalType.Float64 => "double",
            LogicalType.String => column.MaxLength is { } n && n <= (indexed ? MaxIndexedVarchar : MaxVarchar) ? Varchar(n) : Text("longtext"),
            LogicalType.FixedString => column.MaxLength is { } f && f <= 255 ? $"char({f.ToString(CultureInfo.InvariantCulture)})"
                : column.MaxLength is { } g && g <= (indexed ? MaxIndexedVarchar : MaxVarchar) ? Varchar(g) : Text("longtext"),
            LogicalType.Text or LogicalType.Xml => Text("longtext"),
            LogicalType.Enum => column.EnumValues is { Count: > 0 } values ? $"enum({string.Join(",", values.Select(MySqlDialect.Literal))})" : Varchar(indexedLength),
            LogicalType.Set => column.EnumValues is { Count: > 0 } members ? $"set({string.Join(",", members.Select(MySqlDialect.Literal))})" : Text("longtext"),
            // PostgreSQL arrays travel as JSON arrays: a JSON column keeps them queryable.
            LogicalType.Json or LogicalType.Array => Text("json"),
            LogicalType.Spatial => SpatialType(column),
            LogicalType.Uuid => "char(36)",
            LogicalType.Binary => indexed ? $"varbinary({Math.Clamp(column.MaxLength ?? DefaultIndexedLength, 1, 3072).ToString(CultureInfo.InvariantCulture)})" : "longblob",
            LogicalType.Date => "date",
            LogicalType.Time or LogicalType.TimeWithTimeZone => "time(6)",
            LogicalType.DateTime => "datetime(6)",
            // MySQL has no zone-aware type: the value is stored as its UTC instant.
            LogicalType.DateTimeWithTimeZone => "datetime(6)",
            LogicalType.Interval => "varchar(64)",
            LogicalType.Network => "varchar(43)",
            LogicalType.Bit => column.MaxLength is { } bits && bits <= MaxIndexedVarchar ? Varchar(bits) : Text("longtext"),
            _ => Text("longtext"),
        };
    }

    /// <summary>
    /// A PostGIS geometry or geography as the MySQL spatial type of its subtype (<c>geometry(Point,4326)</c> → POINT;
    /// the SRID travels in each value); PostgreSQL's own geometric types (point, box, ...) stay text in their own form.
    /// </summary>
    private static string SpatialType(ColumnSchema column)
    {
        var native = column.NativeType.Trim().ToLowerInvariant();
        if (!(native.StartsWith("geometry", StringComparison.Ordinal) || native.StartsWith("geography", StringComparison.Ordinal)
            || native.Contains(".geometry", StringComparison.Ordinal) || native.Contains(".geography", StringComparison.Ordinal)))
        {
            return "longtext";
        }

        var open = native.IndexOf('(', StringComparison.Ordinal);
        var subtype = open < 0 ? "geometry" : native[(open + 1)..].Split(',', ')')[0].Trim();
        // Z and M variants (PointZ) have no MySQL type of their own.
        subtype = subtype.TrimEnd('m').TrimEnd('z');
        return subtype is "point" or "linestring" or "polygon" or "multipoint" or "multilinestring" or "multipolygon" or "geometrycollection"
            ? subtype : "geometry";
    }

    private static string Varchar(int length) => $"varchar({length.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>DECIMAL(p,s) with p at most 65 and s at most 30 (MySQL's limits); an unconstrained numeric gets (65,30).</summary>
    private static string Decimal(int? precision, int? scale)
    {
        var p = Math.Clamp(precision ?? 65, 1, 65);
        var s = Math.Clamp(scale ?? (precision is null ? 30 : 0), 0, Math.Min(30, p));
        return string.Create(CultureInfo.InvariantCulture, $"decimal({p},{s})");
    }
}
