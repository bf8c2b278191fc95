using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// A MySQL/MariaDB unsigned integer column taken to another engine needs a logical type that holds
/// its whole range: the introspector already moves it up one size (int unsigned is Int64, bigint
/// unsigned a Decimal(20,0)), but metadata written by hand, by an older version or edited by the user
/// may still say Int32 for an <c>int(10) unsigned</c>, and a target column of that size refuses the
/// upper half (4,000,000,000 overflowed an integer on PostgreSQL). The column gets the wider of its
/// own logical type and the one the introspector gives its native type: widened once, never twice.
/// </summary>
internal static class MySqlUnsignedWidening
{
    public static ColumnSchema Widen(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (Rank(column.LogicalType) is not int current) return column;
        var native = MySqlColumnType.Parse(column.NativeType);
        if (!native.IsUnsigned) return column;
        var needed = MySqlTypeMapping.Map(native.Name, native, null, null, null, null);
        if (Rank(needed.LogicalType) is not int wanted || wanted <= current) return column;
        return needed.LogicalType == LogicalType.Decimal
            ? column with { LogicalType = LogicalType.Decimal, Precision = needed.Precision, Scale = needed.Scale }
            : column with { LogicalType = needed.LogicalType };
    }

    /// <summary>The integer types by width, Decimal(20,0) above them; null for every other type.</summary>
    private static int? Rank(LogicalType type) => type switch
    {
        LogicalType.Int8 => 0,
        LogicalType.Int16 => 1,
        LogicalType.Int32 => 2,
        LogicalType.Int64 => 3,
        LogicalType.Decimal => 4,
        _ => null,
    };
}
