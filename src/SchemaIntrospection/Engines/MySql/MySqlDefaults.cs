using System.Globalization;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// Turns information_schema.COLUMNS.COLUMN_DEFAULT into a default expression in MySQL's own SQL,
/// or null where the column has none. The two servers disagree: MariaDB (10.2.7+) prints an SQL
/// expression (<c>'abc'</c>, <c>1.500</c>, <c>current_timestamp()</c>) and the bare word NULL for
/// "no default", while MySQL prints the raw value (<c>abc</c>) with SQL NULL for "no default" and
/// marks expressions with DEFAULT_GENERATED in EXTRA.
/// </summary>
internal static class MySqlDefaults
{
    private static readonly HashSet<string> UnquotedTypes = new(StringComparer.Ordinal)
    {
        "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "dec", "fixed",
        "float", "double", "double precision", "real", "bit", "bool", "boolean", "year",
    };

    public static string? Normalize(string? columnDefault, string? extra, string dataType, bool isMariaDb)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        if (columnDefault is null) return null;
        if (isMariaDb)
        {
            // MariaDB writes a NULL default as the keyword; the string 'NULL' arrives quoted.
            return string.Equals(columnDefault, "NULL", StringComparison.OrdinalIgnoreCase) ? null : columnDefault;
        }

        if (extra is not null && extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase))
        {
            // CURRENT_TIMESTAMP may stand bare; any other expression default must be parenthesised in MySQL 8.
            return IsCurrentTimestamp(columnDefault) || columnDefault.StartsWith('(') ? columnDefault : "(" + columnDefault + ")";
        }

        var data = dataType.ToLowerInvariant();
        if (UnquotedTypes.Contains(data) || columnDefault.StartsWith("b'", StringComparison.OrdinalIgnoreCase)
            || columnDefault.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return columnDefault;
        }
        return "'" + columnDefault.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsCurrentTimestamp(string value)
    {
        var v = value.ToLower(CultureInfo.InvariantCulture);
        return v.StartsWith("current_timestamp", StringComparison.Ordinal) || v.StartsWith("now(", StringComparison.Ordinal)
            || v.StartsWith("localtime", StringComparison.Ordinal);
    }
}
