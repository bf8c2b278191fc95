using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;

/// <summary>Maps a PostgreSQL base type (pg_type.typname, typtype) and its typmod to a logical type and sizes.</summary>
internal static class PostgreSqlTypeMapper
{
    private const int VarHeaderSize = 4;

    private static readonly Dictionary<string, LogicalType> ByName = new(StringComparer.Ordinal)
    {
        ["bool"] = LogicalType.Boolean,
        ["int2"] = LogicalType.Int16, ["int4"] = LogicalType.Int32, ["int8"] = LogicalType.Int64, ["oid"] = LogicalType.Int64,
        ["numeric"] = LogicalType.Decimal, ["money"] = LogicalType.Money,
        ["float4"] = LogicalType.Float32, ["float8"] = LogicalType.Float64,
        ["varchar"] = LogicalType.String, ["name"] = LogicalType.String,
        ["bpchar"] = LogicalType.FixedString, ["char"] = LogicalType.FixedString,
        ["text"] = LogicalType.Text, ["citext"] = LogicalType.Text,
        ["date"] = LogicalType.Date, ["time"] = LogicalType.Time, ["timetz"] = LogicalType.TimeWithTimeZone,
        ["timestamp"] = LogicalType.DateTime, ["timestamptz"] = LogicalType.DateTimeWithTimeZone,
        ["interval"] = LogicalType.Interval,
        ["uuid"] = LogicalType.Uuid, ["bytea"] = LogicalType.Binary,
        ["json"] = LogicalType.Json, ["jsonb"] = LogicalType.Json, ["xml"] = LogicalType.Xml,
        ["inet"] = LogicalType.Network, ["cidr"] = LogicalType.Network, ["macaddr"] = LogicalType.Network, ["macaddr8"] = LogicalType.Network,
        ["point"] = LogicalType.Spatial, ["line"] = LogicalType.Spatial, ["lseg"] = LogicalType.Spatial, ["box"] = LogicalType.Spatial,
        ["path"] = LogicalType.Spatial, ["polygon"] = LogicalType.Spatial, ["circle"] = LogicalType.Spatial,
        ["geometry"] = LogicalType.Spatial, ["geography"] = LogicalType.Spatial,
        ["bit"] = LogicalType.Bit, ["varbit"] = LogicalType.Bit,
    };

    /// <summary>
    /// <paramref name="typeName"/> is the base type's pg_type.typname, <paramref name="typeType"/> its typtype
    /// (b base, e enum, r range, m multirange, c composite, d domain, p pseudo), <paramref name="typmod"/> the column's (or domain's).
    /// </summary>
    public static (LogicalType Type, int? MaxLength, int? Precision, int? Scale) Map(string typeName, string typeType, string typeCategory, int typmod)
    {
        if (typeCategory == "A") return (LogicalType.Array, null, null, null);
        if (typeType == "e") return (LogicalType.Enum, null, null, null);
        if (typeType is "r" or "m") return (LogicalType.Range, null, null, null);
        if (!ByName.TryGetValue(typeName, out var logical)) return (LogicalType.Other, null, null, null);

        return logical switch
        {
            LogicalType.String or LogicalType.FixedString when typmod >= VarHeaderSize => (logical, typmod - VarHeaderSize, null, null),
            LogicalType.FixedString when typeName == "char" => (logical, 1, null, null),
            LogicalType.Decimal when typmod >= VarHeaderSize => (logical, null, ((typmod - VarHeaderSize) >> 16) & 0xFFFF, NumericScale(typmod)),
            LogicalType.Bit when typmod >= 0 => (logical, typmod, null, null),
            LogicalType.Time or LogicalType.TimeWithTimeZone or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone when typmod >= 0 =>
                (logical, null, typmod, null),
            _ => (logical, null, null, null),
        };
    }

    /// <summary>The scale is an 11-bit signed field since PostgreSQL 15 (negative scales round left of the point).</summary>
    private static int NumericScale(int typmod) => (((typmod - VarHeaderSize) & 0x7FF) ^ 1024) - 1024;
}
