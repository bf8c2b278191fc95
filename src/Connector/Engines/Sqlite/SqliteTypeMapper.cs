using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>
/// SQLite declared types (docs/type-mapping.md, "SQLite target"). From SQLite: the declared type as
/// written. From another engine: a declared type whose affinity stores the canonical value without
/// change and whose name keeps the intent (VARCHAR(40), NUMERIC(10,2), DATE, ...), so that the SQLite
/// introspector reads the same logical type back.
/// </summary>
internal sealed class SqliteTypeMapper : ITypeMapper
{
    public static SqliteTypeMapper Instance { get; } = new();

    public string MapType(ColumnSchema column, DatabaseEngine sourceEngine)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (sourceEngine == DatabaseEngine.Sqlite) return column.NativeType;
        return column.LogicalType switch
        {
            // NUMERIC affinity; stored as 0 and 1.
            LogicalType.Boolean => "BOOLEAN",
            LogicalType.Int8 => "TINYINT",
            LogicalType.Int16 => "SMALLINT",
            LogicalType.Int32 => "INT",
            LogicalType.Int64 => "BIGINT",
            // NUMERIC affinity keeps a decimal's text as a REAL where its first 15 digits survive (SQLite's
            // rule), which is exact up to 15 digits of precision. Wider decimals need TEXT affinity to come
            // back exactly: "DECIMAL TEXT(p,s)" has it (it contains TEXT) and still names a decimal.
            LogicalType.Decimal => column.Precision is int p and > 0 and <= 15
                ? column.Scale is int s and >= 0 ? $"NUMERIC({p},{s})" : $"NUMERIC({p})"
                : column.Precision is int wide and > 0 ? $"DECIMAL TEXT({wide},{column.Scale ?? 0})" : "DECIMAL TEXT",
            LogicalType.Money => "MONEY TEXT",
            LogicalType.Float32 => "FLOAT4",
            LogicalType.Float64 => "DOUBLE",
            LogicalType.String => column.MaxLength is int n and > 0 ? $"VARCHAR({n})" : "TEXT",
            LogicalType.FixedString => column.MaxLength is int n and > 0 ? $"CHAR({n})" : "TEXT",
            LogicalType.Text => "TEXT",
            // NUMERIC affinity leaves ISO-8601 text as text: it is never a well-formed number.
            LogicalType.Date => "DATE",
            LogicalType.Time or LogicalType.TimeWithTimeZone => "TIME",
            LogicalType.DateTime => "DATETIME",
            LogicalType.DateTimeWithTimeZone => "TIMESTAMPTZ",
            LogicalType.Uuid => "UUID",
            LogicalType.Binary => "BLOB",
            // INTEGER affinity (it contains INT), harmless: a TimeSpan's text always holds a colon, never a number.
            LogicalType.Interval => "INTERVAL",
            // NUMERIC affinity: only a document that is a bare number may be stored as one (1.50 reads back as 1.5).
            LogicalType.Json => "JSON",
            // A PostgreSQL array as its JSON array (SQLite's JSON functions read it).
            LogicalType.Array => "JSON",
            LogicalType.Xml => "XML",
            _ => "TEXT",
        };
    }
}
