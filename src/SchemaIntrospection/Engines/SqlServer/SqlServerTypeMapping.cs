using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.SqlServer;

/// <summary>
/// SQL Server system types to logical types, and the native type written back as T-SQL
/// (<c>nvarchar(40)</c>, <c>varchar(max)</c>, <c>decimal(10,2)</c>, <c>datetime2(3)</c>).
/// sys.columns gives lengths in bytes (-1 for MAX), so nchar/nvarchar lengths are halved;
/// the fractional-second precision of datetime2/time/datetimeoffset is in its scale.
/// TINYINT is 0..255 and so an Int16.
/// </summary>
internal static class SqlServerTypeMapping
{
    public static SqlServerMappedType Map(string systemTypeName, int maxLength, int precision, int scale)
    {
        ArgumentNullException.ThrowIfNull(systemTypeName);
        var name = systemTypeName.ToLowerInvariant();
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        switch (name)
        {
            case "bit": return new(LogicalType.Boolean, name);
            case "tinyint": return new(LogicalType.Int16, name);
            case "smallint": return new(LogicalType.Int16, name);
            case "int": return new(LogicalType.Int32, name);
            case "bigint": return new(LogicalType.Int64, name);
            case "decimal":
            case "numeric":
                return new(LogicalType.Decimal, $"{name}({N(precision)},{N(scale)})") { Precision = precision, Scale = scale };
            case "money":
            case "smallmoney":
                return new(LogicalType.Money, name) { Precision = precision, Scale = scale };
            case "real": return new(LogicalType.Float32, name);
            case "float": return precision is > 0 and <= 24 ? new(LogicalType.Float32, "real") : new(LogicalType.Float64, name);
            case "char":
            case "varchar":
            case "nchar":
            case "nvarchar":
            {
                var unicode = name[0] == 'n';
                var isFixed = name.EndsWith("char", StringComparison.Ordinal) && !name.EndsWith("varchar", StringComparison.Ordinal);
                if (maxLength == -1) return new(LogicalType.Text, name + "(max)");
                var length = unicode ? maxLength / 2 : maxLength;
                return new(isFixed ? LogicalType.FixedString : LogicalType.String, $"{name}({N(length)})") { MaxLength = length };
            }
            case "text":
            case "ntext":
                return new(LogicalType.Text, name);
            case "binary":
            case "varbinary":
                return maxLength == -1
                    ? new(LogicalType.Binary, name + "(max)")
                    : new(LogicalType.Binary, $"{name}({N(maxLength)})") { MaxLength = maxLength };
            case "image": return new(LogicalType.Binary, name);
            case "timestamp":
            case "rowversion":
                return new(LogicalType.Binary, "rowversion") { MaxLength = 8 };
            case "date": return new(LogicalType.Date, name);
            case "time": return new(LogicalType.Time, $"time({N(scale)})") { Precision = scale };
            case "datetime2": return new(LogicalType.DateTime, $"datetime2({N(scale)})") { Precision = scale };
            case "datetimeoffset": return new(LogicalType.DateTimeWithTimeZone, $"datetimeoffset({N(scale)})") { Precision = scale };
            case "datetime": return new(LogicalType.DateTime, name) { Precision = 3 };
            case "smalldatetime": return new(LogicalType.DateTime, name) { Precision = 0 };
            case "uniqueidentifier": return new(LogicalType.Uuid, name);
            case "xml": return new(LogicalType.Xml, name);
            case "json": return new(LogicalType.Json, name);
            case "geography":
            case "geometry":
                return new(LogicalType.Spatial, name);
            case "hierarchyid":
            case "sql_variant":
                return new(LogicalType.Other, name) { Warning = $"type {name} is kept and flagged, not modelled" };
            default:
                return new(LogicalType.Other, name) { Warning = $"type {name} is not known to the SQL Server introspector; kept as Other" };
        }
    }
}
