using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Inference;

/// <summary>
/// Primary and foreign keys where the source declares none (CSV folders, schemas without
/// constraints). A primary key is the best-named column (or pair of columns) that is unique and
/// not null in the data. A foreign key is a column whose name points at another table's one-column
/// key (<see cref="KeyNames"/>) and whose values the data confirm: every distinct child value found
/// in the parent's key (enforced on the target), a few orphans (at most <see cref="MaxOrphanShare"/>:
/// kept as a relationship, not enforced), or more (not inferred, with a warning). A value that stands for "no parent"
/// where NULL is meant (0 or '', <see cref="KeyNames.NoParentMarker"/>) and that no parent holds is no orphan: the key is
/// inferred with it (<see cref="ForeignKeySchema.NoParentValue"/>), and not enforced, since the target would refuse it.
/// Declared keys are never changed; a table that declares a key of a kind gets none of that kind inferred.
/// </summary>
public static class KeyInference
{
    /// <summary>Share of a child's distinct values allowed without a parent for a strong name match to stand (as an unenforced relationship).</summary>
    public const double MaxOrphanShare = 0.05;

    /// <summary>Ranks below this are strong name matches; from it on the data must agree entirely.</summary>
    private const int WeakRank = 3;

    public static async Task<DatabaseSchema> InferAsync(DatabaseSchema schema, IKeyDataChecks checks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(checks);
        var tables = schema.Tables.ToDictionary(t => t.Name);
        var warnings = new List<string>();
        var names = schema.Tables.Select(t => t.Name).ToList();
        // wp_postmeta.post_id names wp_posts without the application's prefix: every name rule also tries the bare name.
        var prefix = KeyNames.CommonPrefix(names);
        foreach (var table in schema.Tables.Where(t => t.PrimaryKey is null))
        {
            if (await PrimaryKeyAsync(table, names, prefix, checks, cancellationToken).ConfigureAwait(false) is { } key) tables[table.Name] = table with { PrimaryKey = key };
        }
        var parents = tables.Values.Where(t => t.PrimaryKey is { Columns.Count: 1 }).OrderBy(t => t.Name, QualifiedName.Order).ToList();
        foreach (var child in schema.Tables.Where(t => t.ForeignKeys.Count == 0))
        {
            var found = new List<ForeignKeySchema>();
            // A column the database numbers itself (identity, serial, AUTO_INCREMENT) makes its own values, so it points at
            // no other table: two tables in different schemas, or a table and the one it inherits from, each counting from 1
            // under the same key name were taken for a one-to-one extension. (SQLite's rowid alias is left in: a one-to-one
            // extension is declared INTEGER PRIMARY KEY there too.)
            foreach (var column in tables[child.Name].Columns.Where(c => c.Identity is IdentityKind.None or IdentityKind.RowId))
            {
                var key = await ForeignKeyAsync(tables[child.Name], column, parents, prefix, checks, warnings, cancellationToken).ConfigureAwait(false);
                if (key is not null) found.Add(key);
            }
            if (found.Count > 0) tables[child.Name] = tables[child.Name] with { ForeignKeys = found };
        }
        WithoutMirroredKeys(tables, prefix);
        return schema with { Tables = schema.Tables.Select(t => tables[t.Name]).ToList(), Warnings = [.. schema.Warnings, .. warnings] };
    }

    /// <summary>
    /// Drops an inferred foreign key whose mirror image is there too: a table's key pointing at another's key that points
    /// back (a one-to-one extension seen from both sides, or beside the side the schema declares; FTS4's shadow tables,
    /// keyed on docid each). Both would make a cycle of keys in which neither table can be written first, and the clone
    /// wrote duplicate keys. A declared key stays; of two inferred, the one with the stronger name rule, then the first by name.
    /// </summary>
    private static void WithoutMirroredKeys(Dictionary<QualifiedName, TableSchema> tables, string? prefix)
    {
        foreach (var name in tables.Keys.OrderBy(n => n, QualifiedName.Order).ToList())
        {
            var table = tables[name];
            var kept = table.ForeignKeys.Where(fk => fk.Inference is null || Mirror(fk) is not { } mirror || Prevails(fk, mirror)).ToList();
            if (kept.Count != table.ForeignKeys.Count) tables[name] = table with { ForeignKeys = kept };
        }

        ForeignKeySchema? Mirror(ForeignKeySchema fk) => tables.TryGetValue(fk.PrincipalTable, out var parent) && !parent.Name.Equals(fk.Table)
            ? parent.ForeignKeys.FirstOrDefault(g => g.PrincipalTable.Equals(fk.Table) && g.Columns.SequenceEqual(fk.PrincipalColumns) && g.PrincipalColumns.SequenceEqual(fk.Columns))
            : null;

        bool Prevails(ForeignKeySchema fk, ForeignKeySchema mirror)
        {
            if (mirror.Inference is null) return false;
            int Rank(ForeignKeySchema k) => tables[k.Table].Column(k.Columns[0]) is { } column
                ? KeyNames.Match(tables[k.Table], column, tables[k.PrincipalTable], k.PrincipalColumns[0], prefix)?.Rank ?? int.MaxValue
                : int.MaxValue;
            var (mine, theirs) = (Rank(fk), Rank(mirror));
            return mine != theirs ? mine < theirs : QualifiedName.Order.Compare(fk.Table, mirror.Table) < 0;
        }
    }

    /// <summary>
    /// The best-named unique, not-null column: <c>id</c>, then one named after its table, then another
    /// key-like name; then the first unique pair of key-like columns (a link table); last a key-like
    /// column named after another table (a one-to-one extension). In an empty table nothing is
    /// unique by proof, so only names decide there.
    /// </summary>
    private static async Task<KeySchema?> PrimaryKeyAsync(TableSchema table, IReadOnlyList<QualifiedName> tables, string? prefix, IKeyDataChecks checks, CancellationToken cancellationToken)
    {
        var empty = table.RowCount == 0;
        var ranked = table.Columns
            .Select(c => (Column: c, Rank: KeyNames.PrimaryKeyRank(table, c, prefix)))
            .Where(p => p.Rank is not null)
            .Select(p => (p.Column, Rank: p.Rank == 2 && NamesAnotherTable(p.Column, table, tables, prefix) ? 3 : p.Rank!.Value))
            .OrderBy(p => p.Rank).ThenBy(p => p.Column.Ordinal)
            .ToList();
        foreach (var (column, rank) in ranked.Where(p => p.Rank <= (empty ? 1 : 2)))
        {
            if (await checks.IsUniqueAsync(table, [column.Name], cancellationToken).ConfigureAwait(false))
                return Key([column.Name], $"{(rank switch { 0 => "named id", 1 => "named after its table", _ => "key-like name" })} ({column.Name})");
        }
        var parts = table.Columns.Where(c => KeyNames.IsKeyPart(table, c, prefix)).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            for (var j = i + 1; j < parts.Count; j++)
            {
                string[] pair = [parts[i].Name, parts[j].Name];
                if (await checks.IsUniqueAsync(table, pair, cancellationToken).ConfigureAwait(false))
                    return Key(pair, $"key-like pair ({pair[0]}, {pair[1]})");
            }
        }
        foreach (var (column, _) in ranked.Where(p => p.Rank == 3 && (!empty || ranked.Count == 1)))
        {
            if (await checks.IsUniqueAsync(table, [column.Name], cancellationToken).ConfigureAwait(false))
                return Key([column.Name], $"key-like name of another table ({column.Name}), the only unique one");
        }
        return null;

        KeySchema Key(string[] columns, string rule) => new(null, columns) { Inference = new KeyEvidence(rule + (empty ? ", the table is empty" : ", unique and not null in the data")) };
    }

    private static bool NamesAnotherTable(ColumnSchema column, TableSchema table, IReadOnlyList<QualifiedName> tables, string? prefix)
    {
        var name = KeyNames.Normalise(column.Name);
        return tables.Where(t => !t.Equals(table.Name)).SelectMany(t => KeyNames.Forms(t, prefix)).Any(f => name.StartsWith(f, StringComparison.Ordinal) && name.Length - f.Length <= 6);
    }

    /// <summary>The parent this column points at, by the strongest name rule the data confirm; null where none.</summary>
    private static async Task<ForeignKeySchema?> ForeignKeyAsync(TableSchema child, ColumnSchema column, List<TableSchema> parents, string? prefix, IKeyDataChecks checks, List<string> warnings, CancellationToken cancellationToken)
    {
        var candidates = new List<(int Rank, string Rule, TableSchema Parent, ColumnSchema Key)>();
        foreach (var parent in parents)
        {
            var key = parent.Column(parent.PrimaryKey!.Columns[0]);
            // A table's own one-column key is no reference to itself.
            if (parent.Name.Equals(child.Name) && child.PrimaryKey is { Columns.Count: 1 } own && own.Columns[0] == column.Name) continue;
            if (!KeyNames.Compatible(column, key) || KeyNames.Match(child, column, parent, key.Name, prefix) is not { } match) continue;
            // A table's own one-column key points elsewhere only by a strong name (a one-to-one extension).
            if (match.Rank >= WeakRank && child.PrimaryKey is { Columns.Count: 1 } ownKey && ownKey.Columns[0] == column.Name) continue;
            candidates.Add((match.Rank, match.Rule, parent, key));
        }
        foreach (var rank in candidates.Select(c => c.Rank).Distinct().Order())
        {
            var checkedOnes = new List<(KeyEvidence Evidence, TableSchema Parent, ColumnSchema Key)>();
            foreach (var candidate in candidates.Where(c => c.Rank == rank))
            {
                var evidence = await checks.InclusionAsync(child, column.Name, candidate.Parent, candidate.Key.Name, candidate.Rule, cancellationToken).ConfigureAwait(false);
                checkedOnes.Add((evidence, candidate.Parent, candidate.Key));
            }
            var accepted = checkedOnes
                // A column holding nothing but the "no parent" value points at no row at all.
                .Where(c => c.Evidence.NoParentValue is null || c.Evidence.Values > 0)
                .Where(c => rank < WeakRank ? 1 - c.Evidence.InclusionRate <= MaxOrphanShare : c.Evidence.Orphans == 0 && c.Evidence.Values > 0)
                .OrderByDescending(c => c.Evidence.InclusionRate).ThenBy(c => c.Parent.Name, QualifiedName.Order)
                .ToList();
            if (accepted.Count > 1 && accepted[0].Evidence.InclusionRate == accepted[1].Evidence.InclusionRate && rank >= WeakRank) return null;
            if (accepted.Count > 0)
            {
                var (evidence, parent, key) = accepted[0];
                // The "no parent" value (0 or '') would be refused by the constraint, so a key that holds it is not enforced.
                var enforced = evidence.Orphans is null or 0 && evidence.NoParentValue is null;
                if (evidence.Orphans is > 0)
                    warnings.Add($"{child.Name}.{column.Name} -> {parent.Name}.{key.Name} was inferred as a relationship, but {evidence.Orphans} of its {evidence.Values} distinct values have no parent in the source: it is modelled, not created as a constraint on the target.");
                return new ForeignKeySchema
                {
                    Table = child.Name, Columns = [column.Name], PrincipalTable = parent.Name, PrincipalColumns = [key.Name],
                    IsEnforced = enforced, Inference = evidence, NoParentValue = evidence.NoParentValue,
                };
            }
            foreach (var (evidence, parent, key) in checkedOnes.Where(c => rank < WeakRank && c.Evidence.Values > 0))
            {
                warnings.Add($"{child.Name}.{column.Name} is named like a key of {parent.Name}.{key.Name}, but {(1 - evidence.InclusionRate).ToString("P0", CultureInfo.InvariantCulture)} of its distinct values have no parent there: no relationship inferred.");
            }
        }
        return null;
    }
}
