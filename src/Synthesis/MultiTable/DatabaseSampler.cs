using System.Collections.Concurrent;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Samples a whole database from a <see cref="DatabaseModel"/>, parent-first, one table at a time.
/// Every table gets its source row count times the scale: root tables exactly rounded (at least one row
/// where a table under them needs rows), each child table in total, shared among its synthetic parents.
/// Reference tables are copied whole, or, scaled, in part (<see cref="ReferenceSubset"/>). Each parent row carries the child counts
/// it drew jointly with its own columns; its children are then drawn conditionally on that parent's
/// columns, with the foreign key set to the parent's generated key. Other foreign keys pick a parent
/// with the source's popularity; self-references grow trees with the source's fan-out; keys that
/// close a cycle are returned as <see cref="DeferredUpdates"/> to be applied after every table is written.
/// Tables must be consumed in the order given (each one whole) because children need their parents,
/// or, with <see cref="Rows"/>, each once its <see cref="Prerequisites"/> are whole: tables that do not
/// depend on each other can then be generated at the same time, on different threads.
/// Deterministic for a seed: every table has its own random stream derived from the seed and its name,
/// so a table's rows do not depend on the order or the concurrency in which tables are generated.
/// </summary>
public sealed class DatabaseSampler : IDisposable
{
    private readonly DatabaseModel _model;
    private readonly long _seed;
    private readonly double _scale;
    private readonly ReferenceSubset _references;
    // Written by the table being generated, read by its children once it is whole: concurrent
    // tables touch these at once, so they are concurrent maps, and warnings and deferred keys are
    // kept per table and read back in plan order (the same whatever the order tables finished in).
    private readonly ConcurrentDictionary<QualifiedName, GeneratedTable> _generated = new();
    private readonly ConcurrentDictionary<QualifiedName, List<PendingDeferred>> _pending = new();
    private readonly ConcurrentDictionary<QualifiedName, List<string>> _warnings = new();
    private readonly ConcurrentDictionary<QualifiedName, bool> _started = new();

    public DatabaseSampler(DatabaseModel model, long seed, double scale)
        : this(model, seed, ScaleOptions.Of(scale))
    {
    }

    public DatabaseSampler(DatabaseModel model, long seed, ScaleOptions scale)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scale);
        scale.Validate();
        _model = model;
        _seed = seed;
        _scale = scale.Factor;
        _references = new ReferenceSubset(model, scale, seed);
    }

    /// <summary>Lets go of what the generated tables keep for their children (temporary files included).</summary>
    public void Dispose()
    {
        foreach (var table in _generated.Values) table.Dispose();
    }

    /// <summary>What sampling could not do as the source does (rows dropped to keep a pair unique, trees without a root).</summary>
    public IReadOnlyList<string> Warnings => [.. new[] { _references.Note }.OfType<string>(), .. InPlanOrder(_warnings)];

    /// <summary>Rows generated so far, per table.</summary>
    public IReadOnlyDictionary<QualifiedName, long> RowCounts => _generated.ToDictionary(p => p.Key, p => p.Value.Count);

    /// <summary>
    /// The rows <paramref name="table"/> is aimed at, by the rules the sampling itself follows (a lookup's kept rows,
    /// any other table's <see cref="ExpectedRows"/>), for a progress view's total; null for a table not in the model.
    /// An estimate for a child: its parents' draws decide, within the calibration.
    /// </summary>
    public long? ExpectedRowsOf(QualifiedName table)
    {
        var entry = _model.Tables.FirstOrDefault(t => t.Table.Equals(table));
        if (entry is null) return null;
        if (entry.IsReference) return _references.RowCountOf(table);
        return (long)Math.Round(ExpectedRows(_model.Plan.For(table), entry), MidpointRounding.AwayFromZero);
    }

    /// <summary>The tables in parent-first order, each with its rows (every column, in the table's order).</summary>
    public IEnumerable<(TableSchema Table, IEnumerable<object?[]> Rows)> Tables()
    {
        foreach (var plan in _model.Plan.Tables)
        {
            yield return (_model.Schema.Table(plan.Table), RowsWhenEnumerated(plan.Table));
        }
    }

    /// <summary>Checks the parents when the rows are first asked for, not when the table is handed out.</summary>
    private IEnumerable<object?[]> RowsWhenEnumerated(QualifiedName table)
    {
        foreach (var row in Rows(table)) yield return row;
    }

    /// <summary>
    /// The tables whose rows <paramref name="table"/> needs whole before it can be generated: its
    /// primary parent and the parents its other foreign keys pick from (not itself, and not the
    /// parents of keys that close a cycle, which are filled by <see cref="DeferredUpdates"/>).
    /// </summary>
    public IReadOnlyList<QualifiedName> Prerequisites(QualifiedName table)
    {
        var plan = _model.Plan.For(table);
        return new[] { plan.PrimaryParent }.OfType<ForeignKeySchema>().Concat(plan.SecondaryParents).Concat(plan.ReferenceKeys)
            .Select(f => f.PrincipalTable)
            .Where(t => !t.Equals(table))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The rows of one table (every column, in the table's order), generated as they are enumerated.
    /// Each table once; every one of its <see cref="Prerequisites"/> must have been enumerated whole
    /// before. Different tables may be enumerated at the same time on different threads.
    /// </summary>
    public IEnumerable<object?[]> Rows(QualifiedName table)
    {
        var plan = _model.Plan.For(table);
        foreach (var parent in Prerequisites(table))
        {
            if (!_generated.TryGetValue(parent, out var generated) || !generated.IsComplete)
                throw new InvalidOperationException($"{table} is generated before its parent {parent} is complete; generate parents first (see Prerequisites).");
        }
        if (!_started.TryAdd(table, true)) throw new InvalidOperationException($"{table} is already generated; each table is generated once.");
        return Generate(plan);
    }

    /// <summary>Values of the keys that close cycles, once every table has been generated.</summary>
    public IEnumerable<DeferredUpdate> DeferredUpdates()
    {
        foreach (var pending in InPlanOrder(_pending))
        {
            var parent = _generated[pending.ForeignKey.PrincipalTable];
            var picker = Popularity(pending.Owner, pending.ForeignKey, parent, pending.Random);
            var rows = new List<(object?[], object?[])>(pending.Keys.Count);
            foreach (var key in pending.Keys)
            {
                var index = picker.Pick(pending.Random.NextDouble());
                if (index < 0 && parent.Count > 0) index = pending.Random.NextInt((int)Math.Min(int.MaxValue, parent.Count));
                var value = index < 0 ? new object?[pending.ForeignKey.Columns.Count] : parent.KeyOf(pending.ForeignKey.PrincipalColumns, index);
                rows.Add((key, value));
            }
            yield return new DeferredUpdate(pending.Owner.Table, pending.KeyColumns, pending.ForeignKey, rows);
        }
    }

    private IEnumerable<object?[]> Generate(TablePlan plan)
    {
        var table = _model.Schema.Table(plan.Table);
        var entry = _model.Entry(plan.Table);
        var warnings = new List<string>();
        _warnings[plan.Table] = warnings;
        var copied = _model.Tables.SelectMany(t => t.Equalities.Where(e => ParentOf(t, e).Equals(plan.Table)).Select(e => e.ParentColumn)).ToHashSet(StringComparer.Ordinal);
        var generated = new GeneratedTable(table, _model.Schema, _model.Plan, ExportedDimensions(plan, entry.Model), copied);
        _generated[plan.Table] = generated;
        return plan.IsReference ? CopyReference(table, generated) : Draw(plan, table, entry, generated, warnings);
    }

    /// <summary>A reference table's rows as the source had them, keys included (all of them, or the ones a scaled sample keeps).</summary>
    private IEnumerable<object?[]> CopyReference(TableSchema table, GeneratedTable generated)
    {
        var kinds = table.Columns.Select(c => Transforms.ValueKinds.Of(c.LogicalType)).ToArray();
        foreach (var text in _references.RowsOf(table.Name))
        {
            var row = new object?[text.Length];
            for (var i = 0; i < row.Length; i++) row[i] = text[i] is { } t ? Transforms.CellCodec.Parse(t, kinds[i]) : null;
            generated.Add(row, [], default);
            yield return row;
        }

        _pending[table.Name] = [];
        generated.IsComplete = true;
    }

    private IEnumerable<object?[]> Draw(TablePlan plan, TableSchema table, TableEntry entry, GeneratedTable generated, List<string> warnings)
    {
        var context = new SamplingContext(TableSeeds.For(_seed, plan.Table, "rows"));
        var scope = new TableDrawScope(plan, table, entry, generated, warnings, new Xoshiro256(unchecked((ulong)TableSeeds.For(_seed, plan.Table, "keys"))));
        var expectedRows = ExpectedRows(plan, entry);
        // The secondary parents' pickers are built first: they are the first to draw from the key stream.
        var secondary = SecondaryParentsOf(scope, expectedRows);
        var primary = new PrimaryParentFill(scope, plan.PrimaryParent is { } owner && _generated.TryGetValue(owner.PrincipalTable, out var ownerTable) ? ownerTable : null);
        var sampler = entry.Model.Sampler(context);
        var draw = new TableDraw(scope, secondary, primary, UniqueCodesOf(scope, sampler, expectedRows), new Xoshiro256(unchecked((ulong)TableSeeds.For(_seed, plan.Table, "titles"))));
        var buffer = new object?[entry.Model.Data.Columns.Count];
        foreach (var (full, parentKey, parentRow, seen) in Drawn(plan, entry, sampler, buffer, draw.PairColumns))
        {
            var row = draw.TableRow(full);
            if (parentKey is not null) draw.SetPrimaryParent(row, parentKey, parentRow);
            if (!draw.TrySetSecondaryParents(row, seen) || !draw.TryKeepCodes(row))
            {
                generated.Dropped++;
                continue;
            }

            if (draw.Copied.Count + draw.Derived.Count > 0) sampler.FollowAnchors(row, draw.Copied, draw.Derived);
            draw.SetSelfReferences(row);
            draw.SetNoParentValues(row);
            draw.LeaveCycleKeysForLater(row);
            if (!draw.TryKeepTuples(row))
            {
                generated.Dropped++;
                continue;
            }

            generated.Add(row, draw.ChildCountsOf(full), sampler.LastDraw);
            yield return row;
        }

        draw.WarnDropped(generated.Dropped);
        _pending[plan.Table] = draw.Pending();
        // Last: children may start as soon as this is set (their reads of this table happen after it).
        generated.IsComplete = true;
    }

    /// <summary>Each secondary foreign key with its parent picker, in plan order (the pickers draw the parents' popularity from the key stream).</summary>
    private List<SecondaryParent> SecondaryParentsOf(TableDrawScope scope, double expectedRows)
    {
        var (table, entry, columnIndex) = (scope.Table, scope.Entry, scope.ColumnIndex);
        // Columns a key set before this one has written: the primary parent's, then each secondary key's in plan order.
        var set = new HashSet<string>(scope.Plan.PrimaryParent?.Columns ?? [], StringComparer.Ordinal);
        var parents = new List<SecondaryParent>();
        foreach (var fk in scope.Plan.SecondaryParents)
        {
            var parentTable = _generated[fk.PrincipalTable];
            var equalities = entry.Equalities.Where(e => e.ForeignKey == TableEntry.KeyOf(fk) && parentTable.KeepsValues(e.ParentColumn)).ToList();
            var equal = equalities.Select(e => (Child: columnIndex[e.ChildColumn], e.ParentColumn)).ToArray();
            var partialShare = equalities.Where(e => e.IsPartial).Select(e => e.Share).DefaultIfEmpty(1.0).Min();
            var whole = equalities.Select(e => !e.IsPartial).ToArray();
            var nullShare = entry.Counts.GetValueOrDefault(TableEntry.KeyOf(fk))?.NullShare ?? 0;
            var isShared = fk.Columns.Select(set.Contains).ToArray();
            var shares = isShared.Any(static b => b);
            // A key sharing a NOT NULL column (the tenant) with another is NULL by its own columns (no assignee), as MATCH SIMPLE reads it.
            // A key with a "no parent" value (0 or '') is parentless in the source's share whether its column is NOT NULL or not.
            var nullable = fk.Columns.Where((c, k) => !isShared[k]).All(c => table.Column(c).IsNullable) || NoParentValues.Of(fk) is not null;
            var expected = expectedRows * (nullable ? 1 - nullShare : 1);
            var signatureColumns = equal.Select(static e => e.ParentColumn).ToArray();
            var (picker, weights) = ParentPickerOf(entry, fk, parentTable, signatureColumns, expected, scope.Random);
            var columns = fk.Columns.Select(c => columnIndex[c]).ToArray();
            var shared = shares
                ? SharedKeyPicker.Build(columns.Where((_, k) => isShared[k]).ToArray(), isShared, parentTable.KeysOf(fk.PrincipalColumns), weights, Signatures(parentTable, signatureColumns, weights.Length), expected)
                : null;
            parents.Add(new SecondaryParent(fk, picker, equal, parentTable, nullable, nullShare, columns)
            {
                PartialShare = partialShare, Whole = whole, Equalities = equalities, Shared = shared,
            });
            set.UnionWith(fk.Columns);
        }

        return parents;
    }

    /// <summary>Restricts the sampler's code columns to the codes scaled-down reference tables kept, and keeps the keys holding codes unique.</summary>
    private UniqueCodes UniqueCodesOf(TableDrawScope scope, RowSampler sampler, double expectedRows)
    {
        var codes = _references.CodesOf(scope.Plan, scope.Entry, expectedRows);
        foreach (var (_, column, kept) in codes) sampler.Restrict(column, kept);
        return new UniqueCodes(scope.Table, scope.Plan, scope.Entry, codes.ToDictionary(static c => c.Name, static c => c.Codes, StringComparer.Ordinal));
    }

    /// <summary>
    /// The rows of a table as its model draws them (table columns, then appended columns): a root's
    /// source count times the scale; a child's, per synthetic parent, as many as the parent drew
    /// (calibrated), each conditioned on the parent's context as the parent's own model drew it.
    /// </summary>
    private IEnumerable<(object?[] Row, object?[]? ParentKey, long ParentRow, HashSet<string>? Seen)> Drawn(TablePlan plan, TableEntry entry, RowSampler sampler, object?[] buffer, int[]? pairColumns)
    {
        if (plan.PrimaryParent is not { } primary)
        {
            var n = (long)ExpectedRows(plan, entry);
            for (long i = 0; i < n; i++) yield return (sampler.Next(null, null, true, buffer, null), null, -1, pairColumns is null ? null : new HashSet<string>(StringComparer.Ordinal));
            yield break;
        }

        var parent = _generated[primary.PrincipalTable];
        var parentEntry = _model.Entry(primary.PrincipalTable);
        var binding = ContextBinding.Of(plan, entry.Model, parentEntry.Model, parent, _model.Plan);
        var oneToOne = IsOneToOne(_model.Schema.Table(plan.Table), primary);
        var parentKeys = parent.KeysOf(primary.PrincipalColumns);
        var drawn = parent.ChildCounts(primary);
        if (oneToOne) for (var p = 0; p < drawn.Length; p++) drawn[p] = Math.Min(drawn[p], 1);
        var counts = ChildCountCalibration.Calibrate(drawn, ExpectedRows(plan, entry), oneToOne,
            ChildCountCalibration.SourceMostChildren(primary, parentEntry), ChildCountCalibration.SourceLeastChildren(primary, parentEntry));
        var givenDims = new double[entry.Model.Data.DimensionCount];
        // The parent's key is given to the row sampler, so a unique key that pairs it with the row's own
        // columns (a playlist entry's track and playlist) is kept unique where the row is drawn.
        var keyPositions = primary.Columns.Select(c => entry.Model.FixableColumnIndex(c)).ToArray();
        var given = new object?[buffer.Length];
        var isGiven = new bool[buffer.Length];
        foreach (var k in keyPositions) isGiven[k] = true;
        // A column equal to the parent's in every row is given too, so the row is drawn knowing it: an order's address is
        // written for its customer's country, not for the country the row would have drawn and then lost to the copy.
        var copied = entry.Equalities
            .Where(e => e.ForeignKey == TableEntry.KeyOf(primary) && !e.IsPartial && e.Offsets is null && parent.KeepsValues(e.ParentColumn))
            .Select(e => (Index: entry.Model.FixableColumnIndex(e.ChildColumn), e.ParentColumn))
            .ToArray();
        foreach (var (index, _) in copied) isGiven[index] = true;
        for (var p = 0; p < counts.Length; p++)
        {
            var count = counts[p];
            if (count == 0) continue;
            binding.Fill(p, count, givenDims);
            var parentKey = parentKeys.Get(p);
            for (var k = 0; k < keyPositions.Length; k++) given[keyPositions[k]] = parentKey[k];
            foreach (var (index, parentColumn) in copied) given[index] = parent.ValueOf(parentColumn, p);
            var seen = pairColumns is null ? null : new HashSet<string>(StringComparer.Ordinal);
            for (long i = 0; i < count; i++)
            {
                yield return (sampler.Next(given, isGiven, true, buffer, givenDims), parentKey, p, seen);
            }
        }
    }

    /// <summary>The dimensions of a table's model its children read per parent row (their given context).</summary>
    private int[] ExportedDimensions(TablePlan plan, TableModel model) =>
        plan.Children
            .SelectMany(fk => AppendedColumn.For(_model.Plan.For(fk.Table), _model.Plan))
            .Where(a => a.IsGiven && a.Kind != AppendedKind.SiblingCount)
            .SelectMany(a => model.Data.Columns.FirstOrDefault(c => c.Name == a.ParentModelColumn)?.Dimensions ?? [])
            .Distinct()
            .Order()
            .ToArray();

    /// <summary>Per-table lists concatenated in the plan's (parent-first) order.</summary>
    private List<T> InPlanOrder<T>(ConcurrentDictionary<QualifiedName, List<T>> perTable) =>
        _model.Plan.Tables.SelectMany(p => perTable.TryGetValue(p.Table, out var list) ? list : []).ToList();

    /// <summary>Each parent row gets a weight drawn from the source's children-per-parent distribution, so popular parents stay popular.</summary>
    private static WeightedPicker Popularity(TableEntry child, ForeignKeySchema fk, GeneratedTable parent, Xoshiro256 random)
    {
        var picker = new WeightedPicker();
        foreach (var w in Weights(child, fk, parent, random)) picker.Add(w);
        return picker;
    }

    /// <summary>
    /// Each parent row's weight, drawn from the source's children-per-parent distribution (all 1 where it is
    /// unknown or all zero). Stratified: the parents take the distribution's quantiles in a random order, so
    /// a few parents (5 clinics) get the source's spread of counts, not five independent draws from it.
    /// </summary>
    private static double[] Weights(TableEntry child, ForeignKeySchema fk, GeneratedTable parent, Xoshiro256 random)
    {
        var counts = child.Counts.GetValueOrDefault(TableEntry.KeyOf(fk));
        var n = (int)parent.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var weights = new double[n];
        for (var i = 0; i < n; i++) weights[i] = counts is null ? 1 : counts.Draw((order[i] + random.NextDouble()) / n);
        if (weights.Sum() <= 0) Array.Fill(weights, 1.0);
        return weights;
    }

    private static (ParentPicker Picker, double[] Weights) ParentPickerOf(TableEntry child, ForeignKeySchema fk, GeneratedTable parent, string[] signatureColumns, double expectedChildren, Xoshiro256 random)
    {
        var weights = Weights(child, fk, parent, random);
        return (new ParentPicker([.. weights], expectedChildren, Signatures(parent, signatureColumns, weights.Length)), weights);
    }

    /// <summary>Per parent row, its values of the columns children match on (equalities); null where there are none.</summary>
    private static string[]? Signatures(GeneratedTable parent, string[] signatureColumns, int rows) => signatureColumns.Length == 0 ? null
        : Enumerable.Range(0, rows).Select(i => RowCells.Signature(signatureColumns.Select(c => parent.ValueOf(c, i)))).ToArray();

    /// <summary>
    /// The rows this table will get: its source count times the scale, a root's rounded (half away from zero). A
    /// child's total is the scale's, not its parent's rounded share of it (a root of 8 rows at 0.1 keeps 1, an
    /// eighth, but its 100 children get 10 rows, not 12.5), and the calibration shares it among the parents. At least one row
    /// where a table under this one (through primary parents) expects half a row or more, so no branch the
    /// source has comes out empty for want of a parent.
    /// </summary>
    private double ExpectedRows(TablePlan plan, TableEntry entry)
    {
        if (entry.SourceRows == 0) return 0;
        var rows = entry.SourceRows * _scale;
        if (plan.PrimaryParent is null) rows = Math.Round(rows, MidpointRounding.AwayFromZero);
        return Math.Max(rows, CarriesRows(plan) ? 1 : 0);
    }

    /// <summary>True where some table under this one (children, their children, ...) expects half a row or more.</summary>
    private bool CarriesRows(TablePlan plan) => plan.Children.Any(c =>
        _model.Entry(c.Table).SourceRows * _scale >= 0.5 || CarriesRows(_model.Plan.For(c.Table)));

    /// <summary>The parent table of an equality's relationship.</summary>
    private QualifiedName ParentOf(TableEntry child, ColumnEquality equality) =>
        _model.Schema.Table(child.Table).ForeignKeys.FirstOrDefault(f => TableEntry.KeyOf(f) == equality.ForeignKey)?.PrincipalTable ?? child.Table;

    /// <summary>A child whose foreign key alone is unique (an extension table) has at most one row per parent.</summary>
    private static bool IsOneToOne(TableSchema table, ForeignKeySchema fk)
    {
        var keys = new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys);
        return keys.Any(k => k.Columns.Count == fk.Columns.Count && k.Columns.All(fk.Columns.Contains));
    }
}
