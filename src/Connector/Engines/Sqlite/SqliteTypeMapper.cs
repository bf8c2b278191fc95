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
            // NUMERIC affinity, as SQLite's own applications declare decimals: a value is stored as an INTEGER (exact to
            // 2^63) or a REAL (exact to 15 significant digits), so it compares and sorts as a number. TEXT affinity kept
            // wider decimals exact but made every comparison textual (total > 100 held for 99.35, and 99.35 sorted after
            // 397.2), which breaks any query a tester runs on the clone.
            LogicalType.Decimal => column.Precision is int p and > 0
                ? column.Scale is int s and >= 0 ? $"NUMERIC({p},{s})" : $"NUMERIC({p})"
                : "NUMERIC",
            LogicalType.Money => "MONEY",
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
