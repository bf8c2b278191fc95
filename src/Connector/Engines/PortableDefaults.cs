using System.Globalization;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Column defaults that mean the same on every engine, read from any engine's spelling into one
/// neutral form: <c>CURRENT_TIMESTAMP</c> (now(), current_timestamp(), localtimestamp, getdate(),
/// datetime('now'), ...), <c>CURRENT_DATE</c>, <c>CURRENT_TIME</c>, <c>TRUE</c>/<c>FALSE</c> for a
/// boolean, a number, or a string literal (casts such as <c>'x'::character varying</c> dropped).
/// Writers spell the neutral form their own way (MySQL: CURRENT_TIMESTAMP(6) on a DATETIME(6), 1/0).
/// Anything else (a function of the source, nextval, an expression) is not portable.
/// </summary>
internal static partial class PortableDefaults
{
    public const string Timestamp = "CURRENT_TIMESTAMP";
    public const string Date = "CURRENT_DATE";
    public const string Time = "CURRENT_TIME";

    /// <summary>The neutral form of <paramref name="column"/>'s default, or null where it has none that other engines share.</summary>
    public static string? Neutral(ColumnSchema column, out bool lost)
    {
        ArgumentNullException.ThrowIfNull(column);
        lost = false;
        var sql = column.DefaultSql?.Trim();
        if (string.IsNullOrEmpty(sql) || column.Identity != IdentityKind.None) return null;
        while (sql.Length > 1 && sql[0] == '(' && sql[^1] == ')' && Balanced(sql[1..^1])) sql = sql[1..^1].Trim();
        // A PostgreSQL cast after the value ('x'::character varying, 0::numeric(10,2)).
        var literal = Cast().Replace(sql, "").Trim();
        while (literal.Length > 1 && literal[0] == '(' && literal[^1] == ')' && Balanced(literal[1..^1])) literal = literal[1..^1].Trim();
        if (literal.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        var word = literal.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        switch (word)
        {
            case "now()" or "current_timestamp" or "current_timestamp()" or "localtimestamp" or "localtimestamp()" or "transaction_timestamp()"
                or "statement_timestamp()" or "clock_timestamp()" or "getdate()" or "sysdatetime()" or "getutcdate()" or "datetime('now')"
                or "utc_timestamp()" or "sysdate()":
            case var _ when TimestampWithPrecision().IsMatch(word):
                return Timestamp;
            case "current_date" or "curdate()" or "current_date()" or "date('now')":
                return Date;
            case "current_time" or "curtime()" or "current_time()" or "localtime" or "time('now')":
                return Time;
        }
        if (column.LogicalType == LogicalType.Boolean)
        {
            var truth = word.Trim('\'') switch
            {
                "true" or "t" or "1" or "b'1'" or "y" or "yes" or "on" => "TRUE",
                "false" or "f" or "0" or "b'0'" or "n" or "no" or "off" => "FALSE",
                _ => null,
            };
            if (truth is not null) return truth;
        }
        if (column.LogicalType == LogicalType.Binary) return BinaryLiteral(literal, out lost);
        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return literal;
        // MySQL's zero date ('0000-00-00', '0000-00-00 00:00:00'): no other engine has a date of year 0, and PostgreSQL
        // refused to create the table.
        if (column.LogicalType is LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone && literal.StartsWith("'0000-00-00", StringComparison.Ordinal))
        {
            lost = true;
            return null;
        }
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'' && !literal[1..^1].Replace("''", "", StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal))
            return literal;
        lost = true;
        return null;
    }

    /// <summary>
    /// A binary column's default: only the empty string means the same bytes everywhere. MariaDB reports a BINARY(N)
    /// column's <c>DEFAULT ''</c> padded with zero bytes (<c>'\0\0\0\0'</c>), which PostgreSQL refused as bytea input
    /// and failed the clone; it is read back as the empty string it was declared as. Any other text is the source's own.
    /// </summary>
    private static string? BinaryLiteral(string literal, out bool lost)
    {
        lost = false;
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'' && literal[1..^1].Replace("\\0", "", StringComparison.Ordinal).Length == 0)
            return "''";
        lost = true;
        return null;
    }

    private static bool Balanced(string sql)
    {
        var depth = 0;
        foreach (var c in sql)
        {
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    [GeneratedRegex(@"::[a-z_ ]+(\(\d+(,\d+)?\))?(\[\])?$", RegexOptions.IgnoreCase)]
    private static partial Regex Cast();

    [GeneratedRegex(@"^current_timestamp\(\d\)$")]
    private static partial Regex TimestampWithPrecision();
}
