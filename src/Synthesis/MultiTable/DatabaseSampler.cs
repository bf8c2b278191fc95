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
    /// <summary>Draws of a second parent tried before a row that would repeat a unique key pair is dropped.</summary>
    private const int UniquePairTries = 32;

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
        var random = new Xoshiro256(unchecked((ulong)TableSeeds.For(_seed, plan.Table, "keys")));
        var columnIndex = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var model = entry.Model;
        var childCountIndexes = plan.Children.Select(fk => model.FixableColumnIndex(AppendedColumn.ChildCountName(fk))).ToArray();
        var expectedRows = ExpectedRows(plan, entry);
        var secondary = plan.SecondaryParents.Select(fk =>
        {
            var parentTable = _generated[fk.PrincipalTable];
            var equalities = entry.Equalities.Where(e => e.ForeignKey == TableEntry.KeyOf(fk) && parentTable.KeepsValues(e.ParentColumn)).ToList();
            var equal = equalities.Select(e => (Child: columnIndex[e.ChildColumn], e.ParentColumn)).ToArray();
            var partialShare = equalities.Where(e => e.IsPartial).Select(e => e.Share).DefaultIfEmpty(1.0).Min();
            var whole = equalities.Select(e => !e.IsPartial).ToArray();
            var nullShare = entry.Counts.GetValueOrDefault(TableEntry.KeyOf(fk))?.NullShare ?? 0;
            var nullable = fk.Columns.All(c => table.Column(c).IsNullable);
            var picker = ParentPickerOf(entry, fk, parentTable, equal.Select(static e => e.ParentColumn).ToArray(), expectedRows * (nullable ? 1 - nullShare : 1), random);
            return new Secondary(fk, picker, equal, parentTable, nullable, nullShare, fk.Columns.Select(c => columnIndex[c]).ToArray())
            {
                PartialShare = partialShare, Whole = whole, Equalities = equalities,
            };
        }).ToList();
        var primaryEqual = plan.PrimaryParent is { } owner && _generated.TryGetValue(owner.PrincipalTable, out var ownerTable)
            ? entry.Equalities.Where(e => e.ForeignKey == TableEntry.KeyOf(owner) && ownerTable.KeepsValues(e.ParentColumn))
                .Select(e => (Child: columnIndex[e.ChildColumn], e.ParentColumn, Share: e.IsPartial ? e.Share : 1.0, Equality: e)).ToArray()
            : [];
        var self = plan.SelfReferences.Select(fk => new SelfReference(new WeightedPicker(), entry.Counts.GetValueOrDefault(TableEntry.KeyOf(fk)),
            fk.Columns.All(c => table.Column(c).IsNullable), fk.Columns.Select(c => columnIndex[c]).ToArray(), fk.PrincipalColumns.Select(c => columnIndex[c]).ToArray(),
            generated.KeysOf(fk.PrincipalColumns))).ToList();
        var pairColumns = UniqueForeignKeySet(table, plan)?.Select(c => columnIndex[c]).ToArray();
        var deferredKeys = plan.DeferredParents.Select(_ => new List<object?[]>()).ToList();
        var keyColumns = table.PrimaryKey?.Columns ?? (table.UniqueKeys.Count > 0 ? table.UniqueKeys[0].Columns : null);
        if (plan.DeferredParents.Count > 0 && keyColumns is null)
        {
            warnings.Add($"{plan.Table} has no key, so its foreign key(s) closing a cycle ({string.Join("; ", plan.DeferredParents)}) stay NULL.");
        }

        var numbered = NumberedWithinParent(table, plan);
        var numberIndex = numbered is null ? -1 : columnIndex[numbered];
        object?[]? numberedParent = null;
        long number = 0;
        var sampler = model.Sampler(context);
        var codes = _references.CodesOf(plan, entry, expectedRows);
        foreach (var (_, column, kept) in codes) sampler.Restrict(column, kept);
        var uniqueCodes = new UniqueCodes(table, plan, entry, codes.ToDictionary(static c => c.Name, static c => c.Codes, StringComparer.Ordinal));
        var buffer = new object?[model.Data.Columns.Count];
        var width = table.Columns.Count;
        var childCounts = new long[plan.Children.Count];
        var primaryIndexes = plan.PrimaryParent?.Columns.Select(c => columnIndex[c]).ToArray() ?? [];
        var keyChecks = new ForeignKeyChecks(table, plan, model.Checks, columnIndex);
        long checkDropped = 0;
        // A swap moves a row to another parent, so its key pair is checked against the whole table's, not its parent's.
        var tableSeen = keyChecks.CanSwap && pairColumns is not null ? new HashSet<string>(StringComparer.Ordinal) : null;
        var keyIndexes = keyColumns?.Select(c => columnIndex[c]).ToArray();
        foreach (var (full, parentKey, parentRow, seen) in Drawn(plan, entry, generated, sampler, buffer, pairColumns))
        {
            var row = new object?[width];
            Array.Copy(full, row, width);
            if (parentKey is not null)
            {
                for (var k = 0; k < primaryIndexes.Length; k++) row[primaryIndexes[k]] = parentKey[k];
                foreach (var (child, parentColumn, share, equality) in primaryEqual)
                {
                    // A partial equality holds in its share of the rows; the others keep the value the row drew, or take a
                    // common multiple of the parent's (a price before a rise).
                    var parentValue = _generated[plan.PrimaryParent!.PrincipalTable].ValueOf(parentColumn, parentRow);
                    if (share >= 1 || random.NextDouble() < share) row[child] = parentValue;
                    else row[child] = Unequal(equality, parentValue, row[child], random);
                }
                if (numberIndex >= 0)
                {
                    // Rows of one parent come together (the same key array), so the count restarts at each new parent.
                    if (!ReferenceEquals(parentKey, numberedParent)) (numberedParent, number) = (parentKey, 0);
                    row[numberIndex] = SmallNumbers.Box(++number);
                }
            }

            var dropped = false;
            for (var attempt = 0; ; attempt++)
            {
                foreach (var key in secondary) SetSecondary(row, key, table, random, warnings);
                var checksHold = keyChecks.HoldOrRepair(row);
                var pairs = tableSeen ?? seen;
                if (checksHold && (pairs is null || pairColumns is null)) break;
                if (checksHold && pairs!.Add(PairKey(row, pairColumns!))) break;
                if (attempt >= UniquePairTries || secondary.Count == 0)
                {
                    dropped = true;
                    if (!checksHold) checkDropped++;
                    break;
                }
            }

            if (dropped || !uniqueCodes.TryKeep(row, random))
            {
                generated.Dropped++;
                continue;
            }

            foreach (var reference in self) SetSelf(row, reference, random);
            for (var d = 0; d < plan.DeferredParents.Count; d++)
            {
                var fk = plan.DeferredParents[d];
                foreach (var c in fk.Columns)
                {
                    var column = table.Column(c);
                    row[columnIndex[c]] = column.IsNullable ? null : Placeholder(column);
                }

                if (keyIndexes is not null) deferredKeys[d].Add(Cells(row, keyIndexes));
            }

            // Child counts this row drew, for the tables that have it as their primary parent (Add copies them).
            for (var c = 0; c < childCounts.Length; c++)
            {
                childCounts[c] = full[childCountIndexes[c]] is { } v ? Math.Max(0, (long)Math.Round(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))) : 0;
            }

            generated.Add(row, childCounts, sampler.LastDraw);
            yield return row;
        }

        if (checkDropped > 0)
        {
            warnings.Add($"{plan.Table}: {checkDropped} row(s) were not generated because no parents could be found for them that satisfy the table's CHECK constraints on its foreign key columns ({string.Join("; ", keyChecks.Expressions)}).");
        }

        if (generated.Dropped > checkDropped)
        {
            warnings.Add(!uniqueCodes.Any
                ? $"{plan.Table}: {generated.Dropped} row(s) were not generated because their parents could not be paired without repeating a unique key."
                : $"{plan.Table}: {generated.Dropped} row(s) were not generated because their parents and the codes of reference tables could not be paired without repeating a unique key.");
        }

        var pending = new List<PendingDeferred>();
        for (var d = 0; d < plan.DeferredParents.Count; d++)
        {
            if (keyColumns is null) continue;
            pending.Add(new PendingDeferred(entry, plan.DeferredParents[d], keyColumns, deferredKeys[d], random));
        }

        _pending[plan.Table] = pending;
        // Last: children may start as soon as this is set (their reads of this table happen after it).
        generated.IsComplete = true;
    }

    /// <summary>
    /// The rows of a table as its model draws them (table columns, then appended columns): a root's
    /// source count times the scale; a child's, per synthetic parent, as many as the parent drew
    /// (calibrated), each conditioned on the parent's context as the parent's own model drew it.
    /// </summary>
    private IEnumerable<(object?[] Row, object?[]? ParentKey, long ParentRow, HashSet<string>? Seen)> Drawn(TablePlan plan, TableEntry entry, GeneratedTable generated, RowSampler sampler, object?[] buffer, int[]? pairColumns)
    {
        _ = generated;
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
        for (var p = 0; p < counts.Length; p++)
        {
            var count = counts[p];
            if (count == 0) continue;
            binding.Fill(p, count, givenDims);
            var parentKey = parentKeys.Get(p);
            for (var k = 0; k < keyPositions.Length; k++) given[keyPositions[k]] = parentKey[k];
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



    /// <summary>
    /// One secondary foreign key, with what every row needs of it worked out once: the parents' popularity,
    /// and, where child columns equal parent columns in the source, one picker per combination of those
    /// parent values, so a row picks a parent that matches what it drew (a line priced 1.99 a track at 1.99).
    /// </summary>
    private sealed record Secondary(ForeignKeySchema ForeignKey, ParentPicker Picker, (int Child, string ParentColumn)[] Equal, GeneratedTable Parent, bool Nullable, double NullShare, int[] Columns)
    {
        public GeneratedTable.KeyColumnStore Keys { get; } = Parent.KeysOf(ForeignKey.PrincipalColumns);

        /// <summary>Share of rows whose parent is matched on the columns (1 unless some equality holds in part of the rows only).</summary>
        public double PartialShare { get; init; } = 1;

        /// <summary>Per <see cref="Equal"/> column: true where the equality holds in every row (copied whatever parent is picked).</summary>
        public bool[] Whole { get; init; } = [];

        /// <summary>Per <see cref="Equal"/> column, the equality it comes from (for the multiples of a partial one).</summary>
        public IReadOnlyList<ColumnEquality> Equalities { get; init; } = [];
    }

    /// <summary>
    /// A value outside a partial equality's share: in the share of such rows the source has at a common multiple of the
    /// parent's value, that multiple of the synthetic parent's; otherwise the value the row drew.
    /// </summary>
    private static object? Unequal(ColumnEquality equality, object? parentValue, object? drawn, Xoshiro256 random)
    {
        if (equality.Ratios is not { Count: > 0 } ratios || drawn is null || !(random.NextDouble() < equality.RatioShare)) return drawn;
        return ValueRatios.Derive(parentValue, ratios, equality.RatioDecimals, drawn, random.NextDouble());
    }

    private static void SetSecondary(object?[] row, Secondary key, TableSchema table, Xoshiro256 random, List<string> warnings)
    {
        var parent = key.Parent;
        var nullable = key.Nullable;
        var index = -1;
        // Where an equality holds in part of the rows only, a row outside that share picks its parent by popularity
        // alone and keeps the values it drew for the partial columns.
        var matched = key.PartialShare >= 1 || random.NextDouble() < key.PartialShare;
        if (!(nullable && random.NextDouble() < key.NullShare))
        {
            index = key.Picker.Pick(key.Equal.Length == 0 || !matched ? null : Signature(key.Equal.Select(e => row[e.Child])), random);
            if (index < 0 && parent.Count > 0) index = random.NextInt((int)Math.Min(int.MaxValue, parent.Count));
        }

        if (index >= 0)
        {
            for (var e = 0; e < key.Equal.Length; e++)
            {
                var parentValue = parent.ValueOf(key.Equal[e].ParentColumn, index);
                if (matched || key.Whole[e]) row[key.Equal[e].Child] = parentValue;
                else row[key.Equal[e].Child] = Unequal(key.Equalities[e], parentValue, row[key.Equal[e].Child], random);
            }
        }

        var fk = key.ForeignKey;
        if (index < 0 && !nullable && parent.Count == 0)
        {
            warnings.Add($"{table.Name}: its parent {fk.PrincipalTable} has no rows, so NOT NULL key ({string.Join(", ", fk.Columns)}) cannot be filled.");
        }
        if (index >= 0)
        {
            key.Keys.CopyTo(index, row, key.Columns);
        }
        else
        {
            foreach (var c in key.Columns) row[c] = null;
        }
    }

    /// <summary>A self-referencing foreign key of the table being sampled, with what each row needs of it resolved once.</summary>
    private sealed record SelfReference(WeightedPicker Tree, CountDistribution? Counts, bool Nullable, int[] Columns, int[] PrincipalColumns,
        GeneratedTable.KeyColumnStore Keys);

    private static void SetSelf(object?[] row, SelfReference self, Xoshiro256 random)
    {
        var (tree, counts) = (self.Tree, self.Counts);
        var rootShare = counts?.NullShare ?? 1;
        var index = -1;
        if (tree.Count > 0 && !(random.NextDouble() < rootShare)) index = tree.Pick(random.NextDouble());
        if (index >= 0)
        {
            self.Keys.CopyTo(index, row, self.Columns);
        }
        else
        {
            // A root: NULL, or, where the key is NOT NULL, a row that points at itself, as NOT NULL trees do
            // (its own key read whole before any of it is written, in case the two share a column).
            var value = self.Nullable ? null : Cells(row, self.PrincipalColumns);
            for (var k = 0; k < self.Columns.Length; k++) row[self.Columns[k]] = value?[k];
        }
        // This row may itself become a parent: its weight is a fan-out drawn from the source's.
        tree.Add(counts is null ? 1 : counts.Draw(random.NextDouble()));
    }

    private static object?[] Cells(object?[] row, int[] indexes)
    {
        var cells = new object?[indexes.Length];
        for (var i = 0; i < indexes.Length; i++) cells[i] = row[indexes[i]];
        return cells;
    }

    /// <summary>A link table's pair of parent keys as one string, to keep the pair unique.</summary>
    private static string PairKey(object?[] row, int[] columns)
    {
        var parts = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++) parts[i] = Format(row[columns[i]]);
        return string.Join('\u0001', parts);
    }

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

    private static ParentPicker ParentPickerOf(TableEntry child, ForeignKeySchema fk, GeneratedTable parent, string[] signatureColumns, double expectedChildren, Xoshiro256 random)
    {
        var weights = Weights(child, fk, parent, random);
        var signatures = signatureColumns.Length == 0 ? null
            : Enumerable.Range(0, weights.Length).Select(i => Signature(signatureColumns.Select(c => parent.ValueOf(c, i)))).ToArray();
        return new ParentPicker(weights, expectedChildren, signatures);
    }

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

    private static string Signature(IEnumerable<object?> values) => string.Join('\u0001', values.Select(Format));

    /// <summary>The parent table of an equality's relationship.</summary>
    private QualifiedName ParentOf(TableEntry child, ColumnEquality equality) =>
        _model.Schema.Table(child.Table).ForeignKeys.FirstOrDefault(f => TableEntry.KeyOf(f) == equality.ForeignKey)?.PrincipalTable ?? child.Table;

    /// <summary>The columns of a primary or unique key made only of foreign key columns (a link table's pair), which must not repeat.</summary>
    private static IReadOnlyList<string>? UniqueForeignKeySet(TableSchema table, TablePlan plan)
    {
        var fkColumns = plan.ForeignKeyColumns.ToHashSet(StringComparer.Ordinal);
        var keys = new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys);
        return keys.FirstOrDefault(k => k.Columns.Count > 1 && k.Columns.All(fkColumns.Contains))?.Columns;
    }

    /// <summary>
    /// The one integer column that completes a composite primary or unique key with the primary parent's key
    /// (an order line's line_no under its order_id), or null. It is numbered 1, 2, ... within each
    /// parent, as such columns are in practice: a table-wide sequence would also be unique but would
    /// run far outside the source's values (line 2,700 of an order that has three).
    /// </summary>
    private static string? NumberedWithinParent(TableSchema table, TablePlan plan)
    {
        if (plan.PrimaryParent is not { } primary) return null;
        foreach (var key in new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys))
        {
            if (key.Columns.Count < 2 || !primary.Columns.All(key.Columns.Contains)) continue;
            var rest = key.Columns.Except(primary.Columns, StringComparer.Ordinal).ToList();
            // Any foreign key column is out, a reference table's code included: numbering a playlist id 1, 2, 3
            // within each track put every track in playlists 1 and 2 and left the other playlists empty.
            if (rest.Count != 1 || table.ForeignKeys.Any(f => f.Columns.Contains(rest[0], StringComparer.Ordinal))) continue;
            var column = table.Column(rest[0]);
            if (column.GeneratedSql is null && column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64) return column.Name;
        }
        return null;
    }

    /// <summary>A child whose foreign key alone is unique (an extension table) has at most one row per parent.</summary>
    private static bool IsOneToOne(TableSchema table, ForeignKeySchema fk)
    {
        var keys = new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys);
        return keys.Any(k => k.Columns.Count == fk.Columns.Count && k.Columns.All(fk.Columns.Contains));
    }

    private static object? Placeholder(ColumnSchema column) => Generators.TypeDefaults.For(Transforms.ValueKinds.Of(column.LogicalType));

    private static string Format(object? value) => value switch
    {
        null => "\u0000",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };


    private sealed record PendingDeferred(TableEntry Owner, ForeignKeySchema ForeignKey, IReadOnlyList<string> KeyColumns, List<object?[]> Keys, Xoshiro256 Random);
}
