namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>Column defaults as SQLite stores their text, put in the form every engine (and every SQLite build) reads alike.</summary>
internal static class SqliteDefaults
{
    /// <summary>
    /// A default written in double quotes (<c>DEFAULT ""</c>, as Calibre writes every one) is a string literal: a DEFAULT
    /// can name no column, and SQLite reads it so where double-quoted strings are allowed. Builds without them (this
    /// driver's) and every other engine read an identifier and refuse the table, so it is kept in single quotes.
    /// </summary>
    public static string? Normalised(string? defaultSql)
    {
        var sql = defaultSql?.Trim();
        if (sql is not { Length: >= 2 } || sql[0] != '"' || sql[^1] != '"') return defaultSql;
        var inner = sql[1..^1];
        if (inner.Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal)) return defaultSql;
        return "'" + inner.Replace("\"\"", "\"", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
