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
            LogicalType.Int32 => "INTEGER",
            LogicalType.Int64 => "BIGINT",
            // NUMERIC affinity: a decimal written as its text is kept as REAL only where its 15 first digits
            // survive (SQLite's rule), else as TEXT, so it reads back exactly.
            LogicalType.Decimal => column.Precision is int p and > 0
                ? column.Scale is int s and >= 0 ? $"NUMERIC({p},{s})" : $"NUMERIC({p})"
                : "NUMERIC",
            LogicalType.Money => "NUMERIC(19,4)",
            LogicalType.Float32 => "FLOAT",
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
            // Interval would have INTEGER affinity by its name ("INT"): TEXT keeps the written text.
            _ => "TEXT",
        };
    }
}
