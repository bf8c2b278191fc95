namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// The shadow tables of SQLite's virtual tables: the ordinary tables in which FTS3/4, FTS5, R*Tree and Geopoly keep
/// a virtual table's content and index, named after it (<c>docs_content</c>, <c>places_node</c>). They are the
/// module's own storage, not the application's tables: modelling them would write an index no module can read, and
/// a small one (an R*Tree's <c>_node</c>, whose blobs encode the coordinates of every row) could even be copied as a
/// lookup. They are left out with their virtual table.
/// </summary>
internal static class SqliteShadowTables
{
    /// <summary>Suffixes of the shadow tables of the modules SQLite ships (fts3/fts4, fts5, rtree, geopoly).</summary>
    private static readonly string[] Suffixes =
    [
        "content", "segments", "segdir", "docsize", "stat", // fts3, fts4
        "data", "idx", "config",                           // fts5 (with content, docsize)
        "node", "rowid", "parent",                         // rtree, geopoly
    ];

    /// <summary>The shadow tables among <paramref name="tables"/> of each of <paramref name="virtualTables"/>, by virtual table.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(IEnumerable<string> virtualTables, IEnumerable<string> tables)
    {
        var names = tables.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shadows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var virtualTable in virtualTables)
        {
            // SQLite names shadow tables case-insensitively; the catalog's own spelling is kept.
            var own = Suffixes.Select(s => $"{virtualTable}_{s}")
                .Select(candidate => names.TryGetValue(candidate, out var actual) ? actual : null)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
            shadows[virtualTable] = own;
        }
        return shadows;
    }
}
