using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// PostgreSQL column types (docs/type-mapping.md, "PostgreSQL target"). From PostgreSQL: the native
/// type as introspected (format_type output), with enums and domains by their user type name, since
/// the schema writer creates those first; serial pseudo-types become their integer type (the writer
/// makes them identities). From another engine: by logical type.
/// </summary>
internal sealed class PostgreSqlTypeMapper : ITypeMapper
{
    public static PostgreSqlTypeMapper Instance { get; } = new();

    public string MapType(ColumnSchema column, DatabaseEngine sourceEngine)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (sourceEngine == DatabaseEngine.PostgreSql)
        {
            if (column.UserType is { } userType)
            {
                var quoted = PostgreSqlDialect.Instance.Quote(userType);
                return column.LogicalType == LogicalType.Array ? quoted + "[]" : quoted;
            }
            return column.NativeType.Trim().ToLowerInvariant() switch
            {
                "smallserial" or "serial2" => "smallint",
                "serial" or "serial4" => "integer",
                "bigserial" or "serial8" => "bigint",
                _ => column.NativeType,
            };
        }
        return FromLogical(column);
    }

    private static string SpatialType(string nativeType)
    {
        var name = nativeType.Trim().ToLowerInvariant();
        return name is "point" or "linestring" or "polygon" or "multipoint" or "multilinestring" or "multipolygon" or "geometrycollection"
            ? $"geometry({name})"
            : "geometry";
    }

    /// <summary>True for the integer types an identity can be declared on.</summary>
    public static bool IsIntegerType(string type) =>
        type.Trim().ToLowerInvariant() is "smallint" or "integer" or "bigint" or "int" or "int2" or "int4" or "int8";

    private static string FromLogical(ColumnSchema column)
    {
        // MySQL's unsigned integers are already one size up in their logical type (int unsigned is Int64, bigint unsigned a Decimal(20,0)).
        return column.LogicalType switch
        {
            LogicalType.Boolean => "boolean",
            LogicalType.Int8 => "smallint",
            LogicalType.Int16 => "smallint",
            LogicalType.Int32 => "integer",
            LogicalType.Int64 => "bigint",
            LogicalType.Decimal => column.Precision is int p and > 0 and <= 1000
                ? column.Scale is int s and >= 0 ? $"numeric({p},{Math.Min(s, p)})" : $"numeric({p})"
                : "numeric",
            LogicalType.Money => "numeric(19,4)",
            LogicalType.Float32 => "real",
            LogicalType.Float64 => "double precision",
            LogicalType.String => column.MaxLength is int n and > 0 and <= 10485760 ? $"varchar({n})" : "text",
            LogicalType.FixedString => column.MaxLength is int n and > 0 and <= 10485760 ? $"char({n})" : "text",
            LogicalType.Text => "text",
            LogicalType.Date => "date",
            LogicalType.Time => "time",
            LogicalType.TimeWithTimeZone => "timetz",
            LogicalType.DateTime => "timestamp",
            LogicalType.DateTimeWithTimeZone => "timestamptz",
            LogicalType.Interval => "interval",
            LogicalType.Uuid => "uuid",
            LogicalType.Binary => "bytea",
            LogicalType.Json => "jsonb",
            LogicalType.Xml => "xml",
            // MySQL's spatial types: PostGIS's geometry of the same subtype (the writer falls back to text without PostGIS).
            LogicalType.Spatial => SpatialType(column.NativeType),
            // MySQL's BIT(n) reads without its leading zeros: a varying bit string holds it.
            LogicalType.Bit => column.MaxLength is int bits and > 0 ? $"bit varying({bits})" : "bit varying",
            // MariaDB's inet4/inet6.
            LogicalType.Network => "inet",
            // Enum: text plus a CHECK (col IN (...)) added by the schema writer.
            _ => "text",
        };
    }
}
