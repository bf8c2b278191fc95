using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>Facts about a table's keys that the schema writers of several engines need.</summary>
internal static class TableKeys
{
    /// <summary>Columns that sit in a key or index (either side of a foreign key included): engines that cannot index every type must give them an indexable one.</summary>
    public static HashSet<string> IndexedColumns(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (table.PrimaryKey is { } pk) names.UnionWith(pk.Columns);
        foreach (var key in table.UniqueKeys) names.UnionWith(key.Columns);
        foreach (var fk in table.ForeignKeys) names.UnionWith(fk.Columns);
        // A spatial or full-text index takes its columns as they are.
        foreach (var index in table.Indexes.Where(i => !PortableIndexes.IsSpecial(i))) names.UnionWith(index.Columns);
        return names;
    }
}
