using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>
/// PostgreSQL allows a table without columns (<c>CREATE TABLE t ()</c>); no other engine does, and there is nothing in it
/// to model. Such a table is left out of what is cloned, with a warning, instead of failing the clone on its DDL.
/// </summary>
public static class ColumnlessTables
{
    public static DatabaseSchema LeftOut(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var empty = schema.Tables.Where(static t => t.Columns.Count == 0).ToList();
        if (empty.Count == 0) return schema;
        var names = empty.Select(static t => t.Name).ToHashSet();
        return schema with
        {
            Tables = schema.Tables.Where(t => !names.Contains(t.Name)).ToList(),
            Triggers = schema.Triggers.Where(t => !names.Contains(t.Table)).ToList(),
            Warnings = [.. schema.Warnings, .. empty.Select(static t => $"Table {t.Name}{LeftOutText}")],
        };
    }

    private const string LeftOutText = " has no columns; it" + LeftOutWords + " (only PostgreSQL has such tables, and they hold nothing to model).";

    /// <summary>The words of every introspection warning about a table that is not cloned (this one's, SQLite's virtual tables').</summary>
    public const string LeftOutWords = " is left out of the clone";

    /// <summary>True for a warning that a table is left out of the clone: what a clone's user must hear among introspection's notes.</summary>
    public static bool IsLeftOut(string warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.StartsWith("Table ", StringComparison.Ordinal) && warning.Contains(LeftOutWords, StringComparison.Ordinal);
    }
}
