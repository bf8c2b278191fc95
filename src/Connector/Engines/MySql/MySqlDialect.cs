using Sdv.Connector.SchemaIntrospection.Engines;

namespace Sdv.Connector.Engines.MySql;

/// <summary>MySQL/MariaDB identifiers: backticks, a backtick inside doubled; the schema of a name is its database.</summary>
internal sealed class MySqlDialect() : QuotingDialect(IdentifierQuoting.Backticks)
{
    /// <summary>A string literal: quotes doubled, and backslashes doubled because MySQL reads them as escapes (unless NO_BACKSLASH_ESCAPES).</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The bytes: default collations ignore case and trailing spaces.</summary>
    public override string ExactText(string expression) => $"BINARY {expression}";
}
