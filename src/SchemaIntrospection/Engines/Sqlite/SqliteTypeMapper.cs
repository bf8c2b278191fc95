using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// Maps a declared type such as <c>NVARCHAR(120)</c> or <c>NUMERIC(10,2)</c> to a logical type.
/// SQLite stores by affinity (https://www.sqlite.org/datatype3.html, section 3.1), so the affinity
/// decides the storage; well-known names refine it into what the declaring author meant (DATE,
/// BOOLEAN, VARCHAR(n)...), which is what a clone into another engine needs.
/// </summary>
internal static class SqliteTypeMapper
{
    private static readonly Dictionary<string, LogicalType> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BOOLEAN"] = LogicalType.Boolean, ["BOOL"] = LogicalType.Boolean,
        ["TINYINT"] = LogicalType.Int8,
        ["SMALLINT"] = LogicalType.Int16, ["INT2"] = LogicalType.Int16,
        ["INT"] = LogicalType.Int32, ["MEDIUMINT"] = LogicalType.Int32, ["INT4"] = LogicalType.Int32,
        // INTEGER is SQLite's 64-bit integer (and the rowid type).
        ["INTEGER"] = LogicalType.Int64, ["BIGINT"] = LogicalType.Int64, ["INT8"] = LogicalType.Int64,
        ["UNSIGNED BIG INT"] = LogicalType.Int64,
        ["DECIMAL"] = LogicalType.Decimal, ["NUMERIC"] = LogicalType.Decimal, ["NUMBER"] = LogicalType.Decimal,
        ["MONEY"] = LogicalType.Money, ["SMALLMONEY"] = LogicalType.Money,
        ["REAL"] = LogicalType.Float64, ["DOUBLE"] = LogicalType.Float64, ["DOUBLE PRECISION"] = LogicalType.Float64,
        ["FLOAT"] = LogicalType.Float64, ["FLOAT8"] = LogicalType.Float64, ["FLOAT4"] = LogicalType.Float32,
        ["VARCHAR"] = LogicalType.String, ["NVARCHAR"] = LogicalType.String, ["VARCHAR2"] = LogicalType.String,
        ["NVARCHAR2"] = LogicalType.String, ["CHARACTER VARYING"] = LogicalType.String,
        ["VARYING CHARACTER"] = LogicalType.String, ["NCHAR VARYING"] = LogicalType.String, ["STRING"] = LogicalType.String,
        ["CHAR"] = LogicalType.FixedString, ["NCHAR"] = LogicalType.FixedString, ["CHARACTER"] = LogicalType.FixedString,
        ["NATIVE CHARACTER"] = LogicalType.FixedString,
        ["TEXT"] = LogicalType.Text, ["CLOB"] = LogicalType.Text, ["NTEXT"] = LogicalType.Text,
        ["TINYTEXT"] = LogicalType.Text, ["MEDIUMTEXT"] = LogicalType.Text, ["LONGTEXT"] = LogicalType.Text,
        ["BLOB"] = LogicalType.Binary, ["BINARY"] = LogicalType.Binary, ["VARBINARY"] = LogicalType.Binary,
        ["BYTEA"] = LogicalType.Binary, ["IMAGE"] = LogicalType.Binary, ["LONGBLOB"] = LogicalType.Binary,
        ["DATE"] = LogicalType.Date,
        ["DATETIME"] = LogicalType.DateTime, ["TIMESTAMP"] = LogicalType.DateTime, ["DATETIME2"] = LogicalType.DateTime,
        ["SMALLDATETIME"] = LogicalType.DateTime,
        ["TIMESTAMPTZ"] = LogicalType.DateTimeWithTimeZone, ["TIMESTAMP WITH TIME ZONE"] = LogicalType.DateTimeWithTimeZone,
        ["DATETIMEOFFSET"] = LogicalType.DateTimeWithTimeZone,
        ["TIME"] = LogicalType.Time,
        ["INTERVAL"] = LogicalType.Interval,
        ["UUID"] = LogicalType.Uuid, ["GUID"] = LogicalType.Uuid, ["UNIQUEIDENTIFIER"] = LogicalType.Uuid,
        ["JSON"] = LogicalType.Json, ["JSONB"] = LogicalType.Json,
        ["XML"] = LogicalType.Xml,
        ["GEOMETRY"] = LogicalType.Spatial, ["POINT"] = LogicalType.Spatial, ["LINESTRING"] = LogicalType.Spatial,
        ["POLYGON"] = LogicalType.Spatial, ["MULTIPOINT"] = LogicalType.Spatial, ["MULTILINESTRING"] = LogicalType.Spatial,
        ["MULTIPOLYGON"] = LogicalType.Spatial, ["GEOMETRYCOLLECTION"] = LogicalType.Spatial, ["GEOGRAPHY"] = LogicalType.Spatial,
    };

    public static SqliteTypeInfo Map(string? declared)
    {
        var text = (declared ?? string.Empty).Trim();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        var baseName = string.Join(' ', (paren < 0 ? text : text[..paren]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var arguments = paren < 0 ? [] : Arguments(text[(paren + 1)..]);
        var affinity = Affinity(text);

        if (baseName.Length == 0)
        {
            // No declared type: any value goes in (BLOB affinity, "none"); nothing to normalise it to.
            return new SqliteTypeInfo(affinity, LogicalType.Other, null, null, null);
        }

        var known = KnownNames.TryGetValue(baseName, out var logical);
        if (!known)
        {
            // Strip modifiers such as UNSIGNED before trying the name again (e.g. "INT UNSIGNED").
            var firstWord = baseName.Split(' ')[0];
            known = KnownNames.TryGetValue(firstWord, out logical);
        }
        if (!known)
        {
            logical = affinity switch
            {
                "INTEGER" => LogicalType.Int64,
                "TEXT" => arguments.Count > 0 ? LogicalType.String : LogicalType.Text,
                "BLOB" => LogicalType.Binary,
                "REAL" => LogicalType.Float64,
                _ => LogicalType.Other,
            };
            if (affinity == "NUMERIC" && (baseName.Contains("NUM", StringComparison.OrdinalIgnoreCase) || baseName.Contains("DEC", StringComparison.OrdinalIgnoreCase)))
            {
                logical = LogicalType.Decimal;
            }
        }

        int? first = arguments.Count > 0 ? arguments[0] : null;
        int? second = arguments.Count > 1 ? arguments[1] : null;
        return logical switch
        {
            LogicalType.String or LogicalType.FixedString or LogicalType.Binary =>
                new SqliteTypeInfo(affinity, logical, first, null, null),
            LogicalType.Decimal => new SqliteTypeInfo(affinity, logical, null, first, first is null ? null : second ?? 0),
            _ => new SqliteTypeInfo(affinity, logical, null, null, null) { IsRecognised = known || logical != LogicalType.Other },
        };
    }

    /// <summary>SQLite's five affinity rules, in their order of precedence.</summary>
    public static string Affinity(string declared)
    {
        if (declared.Contains("INT", StringComparison.OrdinalIgnoreCase)) return "INTEGER";
        if (declared.Contains("CHAR", StringComparison.OrdinalIgnoreCase)
            || declared.Contains("CLOB", StringComparison.OrdinalIgnoreCase)
            || declared.Contains("TEXT", StringComparison.OrdinalIgnoreCase))
        {
            return "TEXT";
        }

        if (declared.Contains("BLOB", StringComparison.OrdinalIgnoreCase) || declared.Trim().Length == 0) return "BLOB";
        if (declared.Contains("REAL", StringComparison.OrdinalIgnoreCase)
            || declared.Contains("FLOA", StringComparison.OrdinalIgnoreCase)
            || declared.Contains("DOUB", StringComparison.OrdinalIgnoreCase))
        {
            return "REAL";
        }

        return "NUMERIC";
    }

    private static List<int> Arguments(string inside)
    {
        var close = inside.IndexOf(')', StringComparison.Ordinal);
        var list = close < 0 ? inside : inside[..close];
        var result = new List<int>();
        foreach (var part in list.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) break;
            result.Add(value);
        }
        return result;
    }
}
