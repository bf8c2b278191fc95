using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>
/// Column types on a SQL Server target (the table is in docs/type-mapping.md, "SQL Server target").
/// From SQL Server itself the native type is kept as written. From another engine the type follows
/// the logical type, in Unicode (nvarchar). SQL Server cannot index (n)varchar(max) or varbinary(max),
/// and a key holds at most 900 bytes (clustered) / 1700 (nonclustered), so a column in a key or
/// index (<paramref name="indexed"/>) gets nvarchar(n) with its declared length, else 450
/// (450 × 2 bytes = 900), and varbinary(900) for binary.
/// </summary>
internal sealed class SqlServerTypeMapper : ITypeMapper
{
    /// <summary>Longest nvarchar(n); longer is nvarchar(max).</summary>
    public const int MaxNvarchar = 4000;

    /// <summary>Longest nvarchar that fits a 900-byte clustered key.</summary>
    public const int MaxIndexedNvarchar = 450;

    public string MapType(ColumnSchema column, DatabaseEngine sourceEngine) => MapType(column, sourceEngine, indexed: false);

    public static string MapType(ColumnSchema column, DatabaseEngine sourceEngine, bool indexed)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (sourceEngine == DatabaseEngine.SqlServer) return column.NativeType;

        var limit = indexed ? MaxIndexedNvarchar : MaxNvarchar;
        string Unbounded() => indexed ? Nvarchar(Math.Clamp(column.MaxLength ?? MaxIndexedNvarchar, 1, MaxIndexedNvarchar)) : "nvarchar(max)";
        return column.LogicalType switch
        {
            LogicalType.Boolean => "bit",
            // tinyint is unsigned in SQL Server: a signed 8-bit value needs smallint.
            LogicalType.Int8 or LogicalType.Int16 => "smallint",
            LogicalType.Int32 => "int",
            LogicalType.Int64 => "bigint",
            LogicalType.Decimal => Decimal(column.Precision, column.Scale),
            LogicalType.Money => "decimal(19,4)",
            LogicalType.Float32 => "real",
            LogicalType.Float64 => "float",
            LogicalType.String => column.MaxLength is { } n && n <= limit ? Nvarchar(n) : Unbounded(),
            LogicalType.FixedString => column.MaxLength is { } f && f <= limit ? $"nchar({f.ToString(CultureInfo.InvariantCulture)})" : Unbounded(),
            LogicalType.Enum or LogicalType.Set => column.EnumValues is { Count: > 0 } values
                ? Nvarchar(Math.Clamp(column.LogicalType == LogicalType.Enum ? values.Max(v => v.Length) : values.Sum(v => v.Length + 1), 1, limit))
                : Unbounded(),
            LogicalType.Uuid => "uniqueidentifier",
            LogicalType.Binary => indexed ? "varbinary(900)" : "varbinary(max)",
            LogicalType.Date => "date",
            LogicalType.Time or LogicalType.TimeWithTimeZone => "time(7)",
            LogicalType.DateTime => "datetime2(7)",
            LogicalType.DateTimeWithTimeZone => "datetimeoffset(7)",
            LogicalType.Interval => "nvarchar(64)",
            LogicalType.Xml => indexed ? Unbounded() : "xml",
            LogicalType.Network => "nvarchar(43)",
            LogicalType.Bit => column.MaxLength is { } bits && bits <= limit ? Nvarchar(bits) : Unbounded(),
            // Text, Json, Spatial, Array, Range, Other: their text form.
            _ => Unbounded(),
        };
    }

    private static string Nvarchar(int length) => $"nvarchar({length.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>DECIMAL(p,s) with p at most 38; an unconstrained numeric gets (38,10).</summary>
    private static string Decimal(int? precision, int? scale)
    {
        var p = Math.Clamp(precision ?? 38, 1, 38);
        var s = Math.Clamp(scale ?? (precision is null ? 10 : 0), 0, p);
        return string.Create(CultureInfo.InvariantCulture, $"decimal({p},{s})");
    }
}
