using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// MySQL/MariaDB native types to logical types. Unsigned integers move up one size so every value
/// fits; BIGINT UNSIGNED goes to Decimal(20,0) because its top half does not fit an Int64 and a
/// model that reads it as Int64 would overflow. TINYINT(1) (what BOOLEAN becomes) and BIT(1) are
/// Boolean. JSON stored as LONGTEXT with a json_valid CHECK (MariaDB) is recognised by the caller,
/// which passes <paramref name="isJsonText"/>.
/// </summary>
internal static class MySqlTypeMapping
{
    private static readonly HashSet<string> SpatialTypes = new(StringComparer.Ordinal)
    {
        "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
        "geometrycollection", "geomcollection",
    };

    public static MySqlMappedType Map(
        string dataType, MySqlColumnType type, long? characterMaximumLength, int? numericPrecision, int? numericScale,
        int? datetimePrecision, bool isJsonText = false)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        ArgumentNullException.ThrowIfNull(type);
        var data = dataType.ToLowerInvariant();
        var args = type.NumericArguments;
        int? length = characterMaximumLength is { } l && l <= int.MaxValue ? (int)l : null;

        switch (data)
        {
            case "tinyint":
                if (!type.IsUnsigned && args is [1]) return new(LogicalType.Boolean);
                return new(type.IsUnsigned ? LogicalType.Int16 : LogicalType.Int8);
            case "bool":
            case "boolean":
                return new(LogicalType.Boolean);
            case "smallint":
                return new(type.IsUnsigned ? LogicalType.Int32 : LogicalType.Int16);
            case "mediumint":
                // 24 bits signed or unsigned: both fit an Int32.
                return new(LogicalType.Int32);
            case "int":
            case "integer":
                return new(type.IsUnsigned ? LogicalType.Int64 : LogicalType.Int32);
            case "bigint":
                return type.IsUnsigned ? new(LogicalType.Decimal) { Precision = 20, Scale = 0 } : new(LogicalType.Int64);
            case "decimal":
            case "numeric":
            case "dec":
            case "fixed":
                return new(LogicalType.Decimal)
                {
                    Precision = numericPrecision ?? (args.Count > 0 ? args[0] : null),
                    Scale = numericScale ?? (args.Count > 1 ? args[1] : 0),
                };
            case "float":
                return new(LogicalType.Float32) { Precision = args is [var fp, _] ? fp : null, Scale = args is [_, var fs] ? fs : null };
            case "double":
            case "double precision":
            case "real":
                return new(LogicalType.Float64) { Precision = args is [var dp, _] ? dp : null, Scale = args is [_, var ds] ? ds : null };
            case "bit":
            {
                var bits = args.Count > 0 ? args[0] : numericPrecision ?? 1;
                return bits == 1 ? new(LogicalType.Boolean) : new(LogicalType.Bit) { MaxLength = bits };
            }
            case "char":
                return new(LogicalType.FixedString) { MaxLength = length };
            case "varchar":
                return new(isJsonText ? LogicalType.Json : LogicalType.String) { MaxLength = length };
            case "tinytext":
            case "text":
            case "mediumtext":
            case "longtext":
                return isJsonText ? new(LogicalType.Json) : new(LogicalType.Text) { MaxLength = length };
            case "json":
                return new(LogicalType.Json);
            case "binary":
            case "varbinary":
            case "tinyblob":
            case "blob":
            case "mediumblob":
            case "longblob":
                return new(LogicalType.Binary) { MaxLength = length };
            case "date":
                return new(LogicalType.Date);
            case "datetime":
            case "timestamp":
                return new(LogicalType.DateTime) { Precision = datetimePrecision ?? (args.Count > 0 ? args[0] : 0) };
            case "time":
                return new(LogicalType.Time) { Precision = datetimePrecision ?? (args.Count > 0 ? args[0] : 0) };
            case "year":
                // A four-digit year, 1901..2155: a small number to every model and every other engine.
                return new(LogicalType.Int16);
            case "enum":
                return new(LogicalType.Enum) { EnumValues = MySqlEnumValues.Parse(type.Arguments), MaxLength = length };
            case "set":
                return new(LogicalType.Set) { EnumValues = MySqlEnumValues.Parse(type.Arguments), MaxLength = length };
            case "uuid":
                return new(LogicalType.Uuid);
            case "inet4":
            case "inet6":
                return new(LogicalType.Network);
            default:
                if (SpatialTypes.Contains(data)) return new(LogicalType.Spatial);
                return new(LogicalType.Other) { Warning = $"type {dataType} is not known to the MySQL introspector; kept as Other" };
        }
    }
}
