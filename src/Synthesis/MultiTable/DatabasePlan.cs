using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The generation plan of a whole database, parent-first. Reference tables are copied verbatim; every
/// other table has at most one primary parent, the entity its rows belong to, so the plan is a forest:
/// cost grows linearly with tables and relationships (no columns are multiplied up the hierarchy as in
/// SDV's HMA). Nothing is refused: composite keys, several keys to one parent, self-references, cycles
/// and tables without keys all have a place.
/// </summary>
public sealed record DatabasePlan
{
    /// <summary>Most parent columns a child is conditioned on.</summary>
    public const int MaxContextColumns = 16;

    /// <summary>Most grandparent columns a child is conditioned on.</summary>
    public const int MaxGrandparentColumns = 8;

    /// <summary>Most numeric child columns whose per-parent average a parent learns, per relationship.</summary>
    public const int MaxChildAverages = 3;

    public required IReadOnlyList<TablePlan> Tables { get; init; }

    public TablePlan For(QualifiedName table) => Tables.First(t => t.Table.Equals(table));

    /// <summary>The plan with reference tables decided automatically (<see cref="ReferenceOptions.Default"/>).</summary>
    public static DatabasePlan Build(DatabaseSchema schema, ForeignKeyGraph graph) =>
        Build(schema, graph, ReferenceTables.Detect(schema, ReferenceOptions.Default));

    /// <summary>The plan for the given table roles (which tables are copied verbatim).</summary>
    public static DatabasePlan Build(DatabaseSchema schema, ForeignKeyGraph graph, IReadOnlyDictionary<QualifiedName, TableRole> roles)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(roles);
        var known = schema.Tables.Select(t => t.Name).ToHashSet();
        bool IsReference(QualifiedName t) => roles.TryGetValue(t, out var role) && role.IsReference;
        var plans = new Dictionary<QualifiedName, TablePlan>();
        foreach (var name in graph.ParentFirstOrder)
        {
            var table = schema.Table(name);
            var role = roles.TryGetValue(name, out var r) ? r : new TableRole(false, "generated");
            var keys = table.ForeignKeys.Where(f => known.Contains(f.PrincipalTable)).ToList();
            var self = keys.Where(f => f.IsSelfReference).ToList();
            var deferred = keys.Where(f => !f.IsSelfReference && graph.IsDeferred(f)).ToList();
            var ordinary = keys.Except(self).Except(deferred).ToList();
            if (role.IsReference)
            {
                // Copied whole: its keys are the source's, so nothing is drawn.
                plans[name] = new TablePlan { Table = name, IsReference = true, ReferenceReason = role.Reason, PrimaryParentReason = "copied verbatim" };
                continue;
            }

            // A code of a reference table is a category of this table's own model; a composite key to one is
            // picked per row like any other parent; neither can be the owner (a lookup owns nothing).
            var referenceKeys = ordinary.Where(f => IsReference(f.PrincipalTable) && f.Columns.Count == 1).ToList();
            var candidates = ordinary.Except(referenceKeys).ToList();
            var (primary, reason) = ChoosePrimary(table, candidates.Where(f => !IsReference(f.PrincipalTable)).ToList(), IsReference);
            plans[name] = new TablePlan
            {
                Table = name,
                ReferenceReason = role.Reason,
                PrimaryParent = primary,
                PrimaryParentReason = reason,
                ReferenceKeys = referenceKeys,
                SecondaryParents = candidates.Where(f => !ReferenceEquals(f, primary)).ToList(),
                SelfReferences = self,
                DeferredParents = deferred,
            };
        }

        foreach (var plan in plans.Values.ToList())
        {
            if (plan.PrimaryParent is { } p)
            {
                var parent = plans[p.PrincipalTable];
                plans[p.PrincipalTable] = parent with { Children = [.. parent.Children, p] };
            }
        }

        // Context last: a child's grandparent columns are its parent's parent's, and a parent's averages are its children's columns.
        foreach (var name in graph.ParentFirstOrder)
        {
            var plan = plans[name];
            var parentTable = plan.PrimaryParent is { } primary ? schema.Table(primary.PrincipalTable) : null;
            var grandparent = parentTable is null ? null : plans[parentTable.Name].PrimaryParent;
            plans[name] = plan with
            {
                ParentContextColumns = parentTable is null ? [] : ContextColumns(parentTable, plans[parentTable.Name], MaxContextColumns),
                GrandparentContextColumns = grandparent is null ? [] : ContextColumns(schema.Table(grandparent.PrincipalTable), plans[grandparent.PrincipalTable], MaxGrandparentColumns),
                ChildAverages = plan.Children.Select(c => AverageColumns(schema.Table(c.Table), plans[c.Table])).ToList(),
            };
        }

        return new DatabasePlan { Tables = graph.ParentFirstOrder.Select(n => plans[n]).ToList() };
    }

    /// <summary>
    /// The primary parent: the entity a row belongs to, not a table it points at for a code or an attribute.
    /// A key that is part of the primary key (an order line under its order) or NOT NULL (or never NULL in
    /// the data) can be an owner; a nullable key with NULLs cannot (a row that exists without its parent
    /// does not belong to it). Among owners, a small parent that many rows merely point at (9 employees
    /// handling 830 orders) yields to a larger one; then the parent most of whose rows have children (every
    /// invoice has lines, a minority of tracks are sold); then the larger parent; then column order and name.
    /// Where no key is an owner the table is a root. The user's choice in the metadata wins.
    /// </summary>
    private static (ForeignKeySchema? Primary, string Reason) ChoosePrimary(TableSchema table, List<ForeignKeySchema> candidates, Func<QualifiedName, bool> isReference)
    {
        var automatic = ChooseAutomatically(table, candidates);
        if (table.PrimaryParentOverride is not { } chosen) return automatic;
        // The user's word, with what the data would have chosen beside it (the same, or why not).
        var agree = automatic.Primary is null ? chosen.Length == 0 : string.Join(",", automatic.Primary.Columns) == chosen;
        var beside = agree ? "; the data agree" : $"; from the data alone: {automatic.Reason}";
        if (chosen.Length == 0) return (null, "a root table, as the metadata says" + beside);
        var named = candidates.FirstOrDefault(f => string.Join(",", f.Columns) == chosen);
        if (named is not null) return (named, $"belongs to {named.PrincipalTable}, as the metadata says" + beside);
        return (automatic.Primary, $"the metadata names ({chosen}), which {CannotOwn(table, chosen, isReference)}, so: {automatic.Reason}");
    }

    /// <summary>Why a key the metadata names is not among the keys that can own this table's rows.</summary>
    private static string CannotOwn(TableSchema table, string columns, Func<QualifiedName, bool> isReference) =>
        table.ForeignKeys.FirstOrDefault(f => string.Join(",", f.Columns) == columns) switch
        {
            null => "is no foreign key of the table",
            { IsSelfReference: true } => "points at the table itself (its rows form trees, not a branch)",
            var f when isReference(f.PrincipalTable) => $"points at {f.PrincipalTable}, a reference table (copied; a lookup owns nothing)",
            var f => $"closes a cycle through {f.PrincipalTable} (filled after every table is loaded)",
        };

    private static (ForeignKeySchema? Primary, string Reason) ChooseAutomatically(TableSchema table, List<ForeignKeySchema> candidates)
    {

        var childRows = table.RowCount ?? 0;
        var small = Math.Max(20, Math.Sqrt(childRows));
        var judged = candidates.Select(f => (Key: f, Tier: OwnerTier(table, f, small))).ToList();
        var owners = judged.Where(p => p.Tier < 3).ToList();
        if (owners.Count == 0)
        {
            if (candidates.Count == 0) return (null, "a root table: it references no generated table");
            return (null, "a root table: " + string.Join("; ", judged.Select(p => NotOwner(table, p.Key, small))));
        }

        var best = owners
            .OrderBy(p => p.Tier == 0 ? 0 : 1)
            .ThenByDescending(p => Math.Round(p.Key.Statistics?.ReferencedShare ?? 1, 2))
            .ThenByDescending(p => p.Key.Statistics?.ParentRows ?? 0)
            .ThenBy(p => table.Column(p.Key.Columns[0]).Ordinal)
            .ThenBy(p => p.Key.Name ?? string.Empty, StringComparer.Ordinal)
            .First();
        var why = best.Tier switch
        {
            0 => "its key is part of this table's primary key",
            1 => "its key is NOT NULL",
            _ => "its key is never NULL in the data",
        };
        var stats = best.Key.Statistics is { } s
            ? string.Format(CultureInfo.InvariantCulture, "; {0:0%} of {1} rows have {2} rows, {3:0.#} each", s.ReferencedShare, best.Key.PrincipalTable.Name, table.Name.Name, s.ChildrenPerReferencedParent)
            : string.Empty;
        var others = owners.Count > 1 ? $"; preferred to {string.Join(", ", owners.Where(o => !ReferenceEquals(o.Key, best.Key)).Select(o => o.Key.PrincipalTable.ToString()))}" : string.Empty;
        return (best.Key, $"belongs to {best.Key.PrincipalTable}: {why}{stats}{others}");
    }

    /// <summary>
    /// 0: part of the primary key (always an owner); 1: NOT NULL; 2: nullable but never NULL in the data and
    /// named after its parent (customer_id of customers, not support_rep_id of employees); 3: not an owner,
    /// which also takes a small parent that many rows merely point at.
    /// </summary>
    private static int OwnerTier(TableSchema table, ForeignKeySchema fk, double small)
    {
        if (table.PrimaryKey is { } pk && fk.Columns.All(pk.Columns.Contains)) return 0;
        if (IsSmall(fk, small)) return 3;
        // A NOT NULL key whose "no parent" value (0 or '') some rows hold is as good as nullable: those rows have no owner.
        if (fk.Columns.All(c => !table.Column(c).IsNullable) && NoParentValues.Of(fk) is null) return 1;
        if (fk.Statistics is { ChildRows: > 0, NullChildren: 0 } && NamedAfterParent(fk)) return 2;
        return 3;
    }

    private static string NotOwner(TableSchema table, ForeignKeySchema fk, double small) =>
        IsSmall(fk, small) ? $"{fk.PrincipalTable} is a small parent ({fk.Statistics!.ParentRows:N0} rows) that many rows merely point at"
        : NoParentValues.Of(fk) is { } none && fk.Statistics is not { NullChildren: 0 } ? $"{Describe(fk)} holds {(none.Length == 0 ? "''" : none)} (no parent) in some rows"
        : fk.Columns.Any(c => table.Column(c).IsNullable) && fk.Statistics is not { NullChildren: 0 } ? $"{Describe(fk)} is nullable and NULL in some rows"
        : $"{Describe(fk)} is nullable and not named after {fk.PrincipalTable.Name}, so it names a role, not an owner";

    private static bool IsSmall(ForeignKeySchema fk, double small) => fk.Statistics is { } s && s.ParentRows < small && s.ChildrenPerReferencedParent >= 5;

    /// <summary>True when the key's column is named after the parent table or its key (customer_id, CustomerId, customer → customers).</summary>
    private static bool NamedAfterParent(ForeignKeySchema fk)
    {
        if (fk.Columns.Count != 1) return false;
        var column = Plain(fk.Columns[0]);
        if (column == Plain(fk.PrincipalColumns[0])) return true;
        foreach (var suffix in new[] { "id", "key", "code", "no", "num", "ref" })
        {
            if (column.Length > suffix.Length && column.EndsWith(suffix, StringComparison.Ordinal))
            {
                column = column[..^suffix.Length];
                break;
            }
        }

        var parent = Plain(fk.PrincipalTable.Name);
        return column == parent || column == Singular(parent);
    }

    private static string Singular(string name) =>
        name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y" : name.EndsWith("ses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal) ? name[..^2] : name.EndsWith('s') ? name[..^1] : name;

    private static string Plain(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static string Describe(ForeignKeySchema fk) => $"({string.Join(", ", fk.Columns)}) -> {fk.PrincipalTable}";

    /// <summary>The parent's modelled columns (numbers, dates, categories, booleans, codes of reference tables), first ones first.</summary>
    private static List<string> ContextColumns(TableSchema parent, TablePlan parentPlan, int most)
    {
        var referenceCodes = parentPlan.ReferenceKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        return parent.Columns
            .Where(c => c.GeneratedSql is null
                && (referenceCodes.Contains(c.Name) || (c.SdType is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean && !IsKey(parent, c.Name))))
            .Take(most)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>A child's numeric columns (not keys, not generated) whose per-parent average the parent learns.</summary>
    private static List<string> AverageColumns(TableSchema child, TablePlan childPlan) =>
        childPlan.IsReference ? [] : child.Columns
            .Where(c => c.GeneratedSql is null && c.SdType == SdType.Numerical && !IsKey(child, c.Name)
                && c.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 or LogicalType.Decimal or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64)
            .Take(MaxChildAverages)
            .Select(c => c.Name)
            .ToList();

    private static bool IsKey(TableSchema table, string column) =>
        table.PrimaryKey?.Columns.Contains(column) == true || table.ForeignKeys.Any(f => f.Columns.Contains(column));
}
