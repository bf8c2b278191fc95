using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Finds each real table's clone. The clone may live in another engine (other schema names, folded
/// case), so a table is matched by its exact name first, then by its metadata key, then by its bare
/// name ignoring case; columns by name, exact first, then ignoring case. A real table or column without
/// a clone is matched to nothing (-1), for the evaluation to report.
/// </summary>
internal static class TableMatcher
{
    public static IReadOnlyList<SyntheticTableMatch> Match(DatabaseSchema real, DatabaseSchema synthetic, ICollection<string> warnings) =>
        Match(real, synthetic, warnings, null);

    /// <param name="liveSchema">Maps a synthetic table's schema to the name it stands for (a staging schema to its
    /// target's) before matching; the match keeps the table's own name, which is where its rows are read.</param>
    public static IReadOnlyList<SyntheticTableMatch> Match(DatabaseSchema real, DatabaseSchema synthetic, ICollection<string> warnings, Func<string?, string?>? liveSchema)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(warnings);
        // Same tables in the same order, under the names they stand for; found ones are mapped back by position.
        var named = liveSchema is null ? synthetic : synthetic with
        {
            Tables = synthetic.Tables.Select(t => t with { Name = new QualifiedName(liveSchema(t.Name.Schema), t.Name.Name) }).ToList(),
        };
        var renamed = Renamed(real, synthetic.Engine);
        var matches = new List<SyntheticTableMatch>();
        foreach (var table in real.Tables)
        {
            var key = MetadataJson.TableKey(real, table.Name);
            var written = renamed.GetValueOrDefault(table.Name);
            var found = (written is null ? null : named.Tables.FirstOrDefault(t => string.Equals(t.Name.Name, written.Name.Name, StringComparison.Ordinal)))
                ?? FindTable(table, named, key, warnings);
            var clone = found is null || liveSchema is null ? found : synthetic.Tables[IndexOf(named.Tables, found)];
            // A table or column the clone lacks is not a warning here: the evaluation lists it and counts its figures as 0.
            if (clone is null)
            {
                matches.Add(new SyntheticTableMatch(table, key, null, table.Columns.Select(_ => -1).ToList()));
                continue;
            }

            var positions = table.Columns.Select((column, i) => IndexOf(clone, written?.Columns[i].Name ?? column.Name)).ToList();

            matches.Add(new SyntheticTableMatch(table, key, clone, positions));
        }

        return matches;
    }

    /// <summary>
    /// The tables the clone writer renamed on <paramref name="engine"/> (TargetNames: a name the engine cannot hold or
    /// tell apart from another's), as it renamed them, columns in the real order; a table it kept is left out. Without
    /// this, a real <c>order</c> cloned to SQLite as <c>order_2</c> beside <c>Order</c> was compared with <c>Order</c>.
    /// </summary>
    private static Dictionary<QualifiedName, TableSchema> Renamed(DatabaseSchema real, DatabaseEngine engine)
    {
        var adapter = EngineAdapters.For(engine);
        if (real.Engine == engine && adapter.HasSchemas) return [];
        var ignored = new List<string>();
        var names = TargetNames.Tables(real.Tables, static t => new QualifiedName(null, t.Name.Name), adapter.Dialect, engine, ignored);
        var tables = real.Tables.Select(t => t with { Name = names[t.Name] }).ToList();
        if (real.Engine != engine) tables = TargetNames.Columns(tables, adapter.Dialect, engine, ignored);
        return real.Tables.Select((t, i) => (Real: t, Written: tables[i]))
            .Where(p => !string.Equals(p.Written.Name.Name, p.Real.Name.Name, StringComparison.Ordinal) || p.Written.Columns.Where((c, i) => !string.Equals(c.Name, p.Real.Columns[i].Name, StringComparison.Ordinal)).Any())
            .ToDictionary(static p => p.Real.Name, static p => p.Written);
    }

    private static TableSchema? FindTable(TableSchema table, DatabaseSchema synthetic, string key, ICollection<string> warnings)
    {
        var exact = synthetic.FindTable(table.Name);
        if (exact is not null) return exact;
        var byKey = synthetic.Tables.FirstOrDefault(t => string.Equals(MetadataJson.TableKey(synthetic, t.Name), key, StringComparison.Ordinal));
        if (byKey is not null) return byKey;
        var byName = synthetic.Tables.Where(t => string.Equals(t.Name.Name, table.Name.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count <= 1) return byName.FirstOrDefault();

        // Several schemas hold a table of that name: prefer the one whose schema matches, else the first in name order.
        var sameSchema = byName.FirstOrDefault(t => string.Equals(t.Name.Schema, table.Name.Schema, StringComparison.OrdinalIgnoreCase));
        var chosen = sameSchema ?? byName.OrderBy(t => t.Name, QualifiedName.Order).First();
        warnings.Add($"Several synthetic tables are named {table.Name.Name} ({string.Join(", ", byName.Select(t => t.Name))}); {key} is compared with {chosen.Name}. Use --include on the real side or one schema per clone to avoid this.");
        return chosen;
    }

    private static int IndexOf(IReadOnlyList<TableSchema> tables, TableSchema table)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            if (ReferenceEquals(tables[i], table)) return i;
        }

        throw new InvalidOperationException($"{table.Name} is not one of the synthetic tables.");
    }

    private static int IndexOf(TableSchema table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i].Name, column, StringComparison.Ordinal)) return i;
        }

        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i].Name, column, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }
}
