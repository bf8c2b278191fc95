using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// One table's rows being finished as <see cref="DatabaseSampler"/> draws them: what every row needs of the table's keys,
/// resolved once, and the steps that turn a drawn row into a written one, in the order they use the key stream
/// (primary parent, secondary parents until the checks and unique pairs hold, reference codes, self-references,
/// keys closing a cycle, child counts). Then the warnings for the rows dropped, and the keys left for after.
/// </summary>
internal sealed class TableDraw
{
    /// <summary>Draws of a second parent tried before a row that would repeat a unique key pair is dropped.</summary>
    private const int UniquePairTries = 32;

    private readonly TableDrawScope _scope;
    private readonly int[] _childCountIndexes;
    private readonly long[] _childCounts;
    private readonly IReadOnlyList<SecondaryParent> _secondary;
    private readonly PrimaryParentFill _primary;
    private readonly List<SelfReferenceTree> _self;
    private readonly List<List<object?[]>> _deferredKeys;
    private readonly IReadOnlyList<string>? _keyColumns;
    private readonly int[]? _keyIndexes;
    private readonly UniqueCodes _uniqueCodes;
    private readonly UniqueTuples _uniqueTuples;
    private readonly ForeignKeyChecks _keyChecks;
    // A swap moves a row to another parent, so its key pair is checked against the whole table's, not its parent's.
    private readonly HashSet<string>? _tableSeen;
    private long _checkDropped;
    // Rows whose NOT NULL key shares columns with another and found no parent agreeing with it there (no account in the task's tenant).
    private long _sharedDropped;
    private readonly (int Column, Models.CategoricalColumnModel Model)? _jobTitle;
    private readonly Sampling.Xoshiro256 _titles;
    // Per key with a "no parent" value (0 or ''): its column and the value to write where the row has no parent.
    private readonly (int Column, object Cell)[] _noParent;

    /// <param name="secondary">The secondary foreign keys, their pickers built (in plan order, from the key stream).</param>
    /// <param name="titles">The stream job titles set right in a hierarchy draw from: one of their own, so the keys draw what they drew without it.</param>
    public TableDraw(TableDrawScope scope, IReadOnlyList<SecondaryParent> secondary, PrimaryParentFill primary, UniqueCodes uniqueCodes, Sampling.Xoshiro256 titles)
    {
        _titles = titles;
        var (plan, table, columnIndex) = (scope.Plan, scope.Table, scope.ColumnIndex);
        _scope = scope;
        _childCountIndexes = plan.Children.Select(fk => scope.Entry.Model.FixableColumnIndex(AppendedColumn.ChildCountName(fk))).ToArray();
        _childCounts = new long[plan.Children.Count];
        _secondary = secondary;
        _primary = primary;
        _self = plan.SelfReferences.Select(fk => new SelfReferenceTree(new WeightedPicker(), scope.Entry.Counts.GetValueOrDefault(TableEntry.KeyOf(fk)),
            NoParentValues.MayBeAbsent(table, fk), fk.Columns.Select(c => columnIndex[c]).ToArray(), fk.PrincipalColumns.Select(c => columnIndex[c]).ToArray(),
            scope.Generated.KeysOf(fk.PrincipalColumns))).ToList();
        PairColumns = UniqueForeignKeySet(table, plan)?.Select(c => columnIndex[c]).ToArray();
        _deferredKeys = plan.DeferredParents.Select(_ => new List<object?[]>()).ToList();
        _keyColumns = table.PrimaryKey?.Columns ?? (table.UniqueKeys.Count > 0 ? table.UniqueKeys[0].Columns : null);
        if (plan.DeferredParents.Count > 0 && _keyColumns is null)
        {
            scope.Warnings.Add($"{plan.Table} has no key, so its foreign key(s) closing a cycle ({string.Join("; ", plan.DeferredParents)}) stay NULL.");
        }
        _keyIndexes = _keyColumns?.Select(c => columnIndex[c]).ToArray();
        _uniqueCodes = uniqueCodes;
        var ids = scope.Entry.Model.Data.Columns.Select((c, i) => (c, i)).Where(static p => p.c is Models.IdColumnModel).Select(static p => p.i).ToHashSet();
        _uniqueTuples = new UniqueTuples(table, columnIndex, ids);
        _keyChecks = new ForeignKeyChecks(table, plan, scope.Entry.Model.Checks, columnIndex);
        Copied = scope.Entry.Equalities.Where(static e => e.Offsets is null).Select(e => columnIndex[e.ChildColumn]).ToHashSet();
        Derived = scope.Entry.Equalities.Where(static e => e.Offsets is not null).Select(e => columnIndex[e.ChildColumn]).ToHashSet();
        _jobTitle = JobTitleOf(scope);
        _tableSeen = _keyChecks.CanSwap && PairColumns is not null ? new HashSet<string>(StringComparer.Ordinal) : null;
        _noParent = NoParentValues.Cells(table, columnIndex);
    }

    /// <summary>The columns of a primary or unique key made only of foreign key columns (a link table's pair), or null.</summary>
    public int[]? PairColumns { get; }

    /// <summary>Row positions that may take a parent's value (the columns equal to a parent's).</summary>
    public IReadOnlySet<int> Copied { get; }

    /// <summary>Row positions that may be written as a parent's date plus a difference.</summary>
    public IReadOnlySet<int> Derived { get; }

    /// <summary>The table's own columns of a row the model drew (its appended columns left out), as a new row.</summary>
    public object?[] TableRow(object?[] drawn)
    {
        var row = new object?[_scope.Table.Columns.Count];
        Array.Copy(drawn, row, row.Length);
        return row;
    }

    /// <summary>Writes the key of the parent the row was drawn under, and what it copies of that parent.</summary>
    public void SetPrimaryParent(object?[] row, object?[] parentKey, long parentRow) => _primary.Apply(row, parentKey, parentRow, _scope.Random);

    /// <summary>
    /// Picks the row's secondary parents, again while the table's checks on its foreign keys fail or its unique pair of
    /// parent keys repeats (at most <see cref="UniquePairTries"/> more times); false: the row is to be dropped.
    /// </summary>
    /// <param name="seen">The pairs already written under the row's primary parent; null: none to keep unique.</param>
    public bool TrySetSecondaryParents(object?[] row, HashSet<string>? seen)
    {
        for (var attempt = 0; ; attempt++)
        {
            var agree = true;
            foreach (var key in _secondary) agree &= key.Set(row, _scope.Plan.Table, _scope.Random, _scope.Warnings);
            var checksHold = agree && _keyChecks.HoldOrRepair(row);
            var pairs = _tableSeen ?? seen;
            if (checksHold && (pairs is null || PairColumns is null)) return true;
            if (checksHold && pairs!.Add(RowCells.PairKey(row, PairColumns!))) return true;
            // A key that found no parent agreeing with an earlier secondary key's columns may find one once that key is picked again.
            if (attempt >= UniquePairTries || _secondary.Count == 0)
            {
                if (!agree) _sharedDropped++;
                else if (!checksHold) _checkDropped++;
                return false;
            }
        }
    }

    /// <summary>Keeps the tuples of the table's composite keys unique once the row is whole (<see cref="UniqueTuples"/>); false: drop the row.</summary>
    public bool TryKeepTuples(object?[] row) => _uniqueTuples.TryKeep(row);

    /// <summary>Keeps the row's reference codes unique where a key holds them (another code where one repeats); false: drop the row.</summary>
    public bool TryKeepCodes(object?[] row) => _uniqueCodes.TryKeep(row, _scope.Random);

    /// <summary>Grows each self-reference's tree by this row; in a hierarchy, the row's job title follows its place in it.</summary>
    public void SetSelfReferences(object?[] row)
    {
        for (var i = 0; i < _self.Count; i++)
        {
            var root = _self[i].Set(row, _scope.Random);
            if (i == 0 && _jobTitle is { } job) FitTitleToPlace(row, root, job.Column, job.Model);
        }
    }

    /// <summary>
    /// Writes the "no parent" value (0 or '') where a key that has one was left without a parent (a root of a tree, a row
    /// drawn parentless in the source's share): the clone holds what the source holds, and a NOT NULL column no NULL.
    /// </summary>
    public void SetNoParentValues(object?[] row) => NoParentValues.Write(row, _noParent);

    /// <summary>Most share of rows that are roots for a self-reference to be a hierarchy (who reports to whom), not a loose link (who referred whom).</summary>
    private const double MaxHierarchyRoots = 0.25;

    /// <summary>
    /// The job title column of a table whose first self-reference is a hierarchy, in English (the list of heads' titles
    /// is), where the column writes titles anew; else null.
    /// </summary>
    private static (int Column, Models.CategoricalColumnModel Model)? JobTitleOf(TableDrawScope scope)
    {
        if (scope.Plan.SelfReferences.Count == 0 || !scope.Entry.Model.Data.Locale.StartsWith("en", StringComparison.Ordinal)) return null;
        var counts = scope.Entry.Counts.GetValueOrDefault(TableEntry.KeyOf(scope.Plan.SelfReferences[0]));
        if (counts is null || counts.NullShare > MaxHierarchyRoots) return null;
        var columns = scope.Entry.Model.Data.Columns;
        for (var c = 0; c < scope.Table.Columns.Count; c++)
        {
            if (columns[c] is Models.CategoricalColumnModel { OtherHint: "job", OtherIndex: >= 0 } model) return (c, model);
        }

        return null;
    }

    /// <summary>
    /// The head of a hierarchy holds a head's title, and no one else a head's title written anew: Chinook's clone had its
    /// one root a "Product Manager" and a "Chief Executive Officer" reporting to them. Titles are drawn per row, blind to
    /// the tree; this sets them right once the row's place is known (a kept category of a row below the head stays).
    /// </summary>
    private void FitTitleToPlace(object?[] row, bool root, int column, Models.CategoricalColumnModel model)
    {
        if (row[column] is not string title) return;
        var isHead = Generators.CommonJobTitles.IsHead(title);
        bool May(string t) => model.Keeps(t) || model.MayStandIn(t);
        if (root && !isHead) row[column] = Generators.CommonJobTitles.Head(_titles, May) ?? title;
        else if (!root && isHead && !model.Keeps(title)) row[column] = Generators.CommonJobTitles.Staff(_titles, May) ?? title;
    }

    /// <summary>Leaves the foreign keys closing a cycle NULL (a placeholder where NOT NULL) and keeps the row's key to set them later.</summary>
    public void LeaveCycleKeysForLater(object?[] row)
    {
        var (plan, table) = (_scope.Plan, _scope.Table);
        for (var d = 0; d < plan.DeferredParents.Count; d++)
        {
            foreach (var c in plan.DeferredParents[d].Columns)
            {
                var column = table.Column(c);
                row[_scope.ColumnIndex[c]] = column.IsNullable ? null : Placeholder(column);
            }

            if (_keyIndexes is not null) _deferredKeys[d].Add(RowCells.Pick(row, _keyIndexes));
        }
    }

    /// <summary>Child counts this row drew, for the tables that have it as their primary parent (one buffer: the caller copies them).</summary>
    public long[] ChildCountsOf(object?[] drawn)
    {
        for (var c = 0; c < _childCounts.Length; c++)
        {
            _childCounts[c] = drawn[_childCountIndexes[c]] is { } v ? Math.Max(0, (long)Math.Round(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))) : 0;
        }
        return _childCounts;
    }

    /// <summary>Says why rows were dropped: no parents that satisfy the checks, or no pairing without repeating a unique key.</summary>
    public void WarnDropped(long dropped)
    {
        var table = _scope.Plan.Table;
        if (_checkDropped > 0)
        {
            _scope.Warnings.Add($"{table}: {_checkDropped} row(s) were not generated because no parents could be found for them that satisfy the table's CHECK constraints on its foreign key columns ({string.Join("; ", _keyChecks.Expressions)}).");
        }

        if (_sharedDropped > 0)
        {
            var shared = _secondary.Where(static k => k.Shared is not null).Select(static k => $"({string.Join(", ", k.ForeignKey.Columns)}) -> {k.ForeignKey.PrincipalTable}");
            _scope.Warnings.Add($"{table}: {_sharedDropped} row(s) were not generated because no row of the parent agreed with the columns their key shares with another key ({string.Join("; ", shared)}), and the key may not be NULL.");
        }

        if (dropped > _checkDropped + _sharedDropped)
        {
            _scope.Warnings.Add(!_uniqueCodes.Any
                ? $"{table}: {dropped} row(s) were not generated because their parents could not be paired without repeating a unique key."
                : $"{table}: {dropped} row(s) were not generated because their parents and the codes of reference tables could not be paired without repeating a unique key.");
        }
    }

    /// <summary>The foreign keys closing a cycle, with the keys of the rows to set them on (none where the table has no key).</summary>
    public List<PendingDeferred> Pending()
    {
        var pending = new List<PendingDeferred>();
        for (var d = 0; d < _scope.Plan.DeferredParents.Count; d++)
        {
            if (_keyColumns is null) continue;
            pending.Add(new PendingDeferred(_scope.Entry, _scope.Plan.DeferredParents[d], _keyColumns, _deferredKeys[d], _scope.Random));
        }
        return pending;
    }

    /// <summary>The columns of a primary or unique key made only of foreign key columns (a link table's pair), which must not repeat.</summary>
    private static IReadOnlyList<string>? UniqueForeignKeySet(TableSchema table, TablePlan plan)
    {
        var fkColumns = plan.ForeignKeyColumns.ToHashSet(StringComparer.Ordinal);
        var keys = new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys);
        return keys.FirstOrDefault(k => k.Columns.Count > 1 && k.Columns.All(fkColumns.Contains))?.Columns;
    }

    private static object? Placeholder(ColumnSchema column) => Generators.TypeDefaults.For(Transforms.ValueKinds.Of(column.LogicalType));
}
