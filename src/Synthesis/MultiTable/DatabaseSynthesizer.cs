using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Transforms;
using Sdv.Connector.Synthesis.Workers;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Fits the model of a whole database, beside the <see cref="DatabaseSampler"/> that samples it. In
/// three steps: the source counts the children per parent of every relationship (what tells an owner
/// from a parent rows merely point at, and the popularity of secondary parents); the plan is made
/// (reference tables, primary parents, context); then each table is fitted in one streaming pass over
/// its rows with their children's counts and averages and their parent's columns, a child only after
/// its parent, so that the parent's columns are encoded with the parent model's own statistics.
/// Tables that do not depend on each other are fitted at once, one per session of the source; the
/// model is the same whatever the parallelism.
/// </summary>
public static class DatabaseSynthesizer
{
    public static async Task<DatabaseModel> FitAsync(DatabaseSchema schema, IDatabaseRowSource source, DatabaseFitOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Synthesis.Validate();
        var sessions = Math.Max(1, source.Sessions);

        // 1-2. Children per parent of every relationship, counted by the source, and the plan.
        var (planned, byKey) = await CountAndPlanAsync(schema, SourceSessions.All(source), options.References, cancellationToken).ConfigureAwait(false);
        // 2b. Columns equal across a relationship (a line's price and its track's), counted by the source, and 3. the tables,
        // each child's rows read while its primary parent is still being fitted. The tables' fits do not use the equalities
        // (the model is assembled with them), so where the source keeps a session for statistics they are counted there
        // while the tables are read: on the 1M-row benchmark they were two seconds of queries before any table was read.
        var tables = new TableFitRun(planned, source, options);
        Dictionary<QualifiedName, List<ColumnEquality>> equalities;
        if (source.StatisticsSession is { } statistics)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var counting = EqualitiesAsync(planned, new SourceSessions(source, [statistics]), options, stop.Token);
            var fitting = WorkerPool.RunAsync(tables.Readiness(), sessions, tables.FitOneAsync, stop.Token);
            await Task.WhenAll(StopOthersOnFailure(counting, stop), StopOthersOnFailure(fitting, stop)).ConfigureAwait(false);
            equalities = await counting.ConfigureAwait(false);
        }
        else
        {
            equalities = await EqualitiesAsync(planned, SourceSessions.All(source), options, cancellationToken).ConfigureAwait(false);
            await WorkerPool.RunAsync(tables.Readiness(), sessions, tables.FitOneAsync, cancellationToken).ConfigureAwait(false);
        }
        // 4. The model: each table's fit beside its relationships' counts and equalities.
        return Assemble(planned, byKey, equalities, tables);
    }

    /// <summary>
    /// Per child table, its columns that equal a parent's across a relationship: in all the rows (bar the share
    /// <see cref="MinimumEqualShare"/> leaves), or, for a continuous or a generated column, in <see cref="MinimumPartialShare"/> of them.
    /// </summary>
    private static async Task<Dictionary<QualifiedName, List<ColumnEquality>>> EqualitiesAsync(PlannedDatabase planned, SourceSessions source, DatabaseFitOptions options,
        CancellationToken cancellationToken)
    {
        var schema = planned.Schema;
        var primaries = planned.Plan.Tables.Select(t => t.PrimaryParent).OfType<ForeignKeySchema>().ToHashSet(ReferenceEqualityComparer.Instance);
        var equalityKeys = planned.Plan.Tables.Where(t => !t.IsReference)
            .SelectMany(t => new[] { t.PrimaryParent }.OfType<ForeignKeySchema>().Concat(t.SecondaryParents))
            .Select(fk => (Key: fk, Pairs: EqualityCandidates(schema, fk)))
            .Where(p => p.Pairs.Count > 0)
            .ToList();
        var equalityCounts = new IReadOnlyList<(long NonNull, long Equal)>[equalityKeys.Count];
        await source.RunAsync(equalityKeys.Count, async (i, session, ct) =>
            equalityCounts[i] = await source.Source.CountEqualValuesAsync(session, equalityKeys[i].Key, equalityKeys[i].Pairs, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var equalities = new Dictionary<QualifiedName, List<ColumnEquality>>();
        var k = options.Synthesis.RareCategoryThreshold;
        var categorical = new List<(ForeignKeySchema Key, (string Child, string Parent) Pair, double Share)>();
        for (var i = 0; i < equalityKeys.Count; i++)
        {
            var (fk, pairs) = equalityKeys[i];
            for (var p = 0; p < pairs.Count; p++)
            {
                var (nonNull, equal) = equalityCounts[i][p];
                if (nonNull < Math.Max(k, 2)) continue;
                var share = equal / (double)nonNull;
                if (share >= MinimumEqualShare
                    || share >= MinimumPartialShare && (Continuous(schema, fk, pairs[p]) || primaries.Contains(fk) && Generated(schema, fk, pairs[p])))
                {
                    Keep(equalities, fk.Table, new ColumnEquality(TableEntry.KeyOf(fk), pairs[p].Child, pairs[p].Parent, share));
                }
                else if (share >= MinimumPartialShare && primaries.Contains(fk) && Categorical(schema, fk, pairs[p]))
                {
                    categorical.Add((fk, pairs[p], share));
                }
            }
        }

        await KeepCategoricalAsync(source, categorical, equalities, cancellationToken).ConfigureAwait(false);
        await LearnRatiosAsync(schema, planned.Plan, source, equalities, k, cancellationToken).ConfigureAwait(false);
        await LearnOffsetsAsync(schema, planned.Plan, source, equalities, k, cancellationToken).ConfigureAwait(false);
        return equalities;
    }

    /// <summary>The database's model: every table's entry in plan order, and the tables' warnings prefixed with their names.</summary>
    private static DatabaseModel Assemble(PlannedDatabase planned, Dictionary<string, RelationshipCounts> byKey, Dictionary<QualifiedName, List<ColumnEquality>> equalities,
        TableFitRun fitted)
    {
        var tables = planned.Plan.Tables;
        var warnings = new List<string>();
        var entries = new List<TableEntry>(tables.Count);
        for (var t = 0; t < tables.Count; t++)
        {
            var tablePlan = tables[t];
            var model = fitted.ModelOf(t);
            warnings.AddRange(model.Warnings.Select(w => $"{tablePlan.Table}: {w}"));
            entries.Add(new TableEntry
            {
                Table = tablePlan.Table,
                Model = model,
                SourceRows = model.RowCount,
                Counts = CountsOf(tablePlan, byKey),
                IsReference = tablePlan.IsReference,
                RoleReason = tablePlan.IsReference ? tablePlan.ReferenceReason : planned.Roles[tablePlan.Table].Reason,
                ReferenceRows = fitted.ReferenceRowsOf(t) ?? [],
                Equalities = equalities.GetValueOrDefault(tablePlan.Table) ?? [],
            });
        }

        return new DatabaseModel(planned.Schema, entries, warnings);
    }

    /// <summary>Children per parent of the table's secondary, self-referencing and cycle-closing keys, by key, from the source's histograms.</summary>
    private static Dictionary<string, CountDistribution> CountsOf(TablePlan tablePlan, Dictionary<string, RelationshipCounts> byKey)
    {
        var counts = new Dictionary<string, CountDistribution>(StringComparer.Ordinal);
        foreach (var fk in tablePlan.SecondaryParents.Concat(tablePlan.SelfReferences).Concat(tablePlan.DeferredParents))
        {
            var histogram = byKey[TableEntry.KeyOf(fk) + "@" + fk.Table];
            counts[TableEntry.KeyOf(fk)] = CountDistribution.From(histogram.Counts, histogram.NullChildren).WithRoots(histogram.RootCounts);
        }
        return counts;
    }

    /// <summary>
    /// The plan a fit would follow (reference tables, primary parents and why), from the children per parent
    /// the source counts: what <c>introspect</c> shows, without reading the tables' rows.
    /// </summary>
    public static async Task<PlannedDatabase> PlanAsync(DatabaseSchema schema, IDatabaseRowSource source, ReferenceOptions references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(references);
        return (await CountAndPlanAsync(schema, SourceSessions.All(source), references, cancellationToken).ConfigureAwait(false)).Planned;
    }

    /// <summary>The plan, and each relationship's histogram by its key (for the count distributions of the fit).</summary>
    private static async Task<(PlannedDatabase Planned, Dictionary<string, RelationshipCounts> ByKey)> CountAndPlanAsync(DatabaseSchema schema, SourceSessions source, ReferenceOptions references,
        CancellationToken cancellationToken)
    {
        var known = schema.Tables.Select(t => t.Name).ToHashSet();
        var keys = schema.ForeignKeys.Where(f => known.Contains(f.PrincipalTable)).ToList();
        var histograms = new RelationshipCounts[keys.Count];
        await source.RunAsync(keys.Count, async (i, session, ct) =>
            histograms[i] = await source.Source.CountChildrenAsync(session, keys[i], ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var statistics = new Dictionary<ForeignKeySchema, RelationshipCounts>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < keys.Count; i++) statistics[keys[i]] = histograms[i];
        schema = WithStatistics(schema, statistics, out var byKey);
        var roles = ReferenceTables.Detect(schema, references);
        var plan = DatabasePlan.Build(schema, ForeignKeyGraph.Build(schema), roles);
        return (new PlannedDatabase(schema, plan, roles), byKey);
    }

    /// <summary>One parent column per child column: the one it equals most often (the first of those, columns in order).</summary>
    private static void Keep(Dictionary<QualifiedName, List<ColumnEquality>> equalities, QualifiedName table, ColumnEquality equality)
    {
        var list = equalities.TryGetValue(table, out var l) ? l : equalities[table] = [];
        var held = list.FindIndex(e => e.ChildColumn == equality.ChildColumn);
        if (held >= 0 && list[held].Share >= equality.Share) return;
        if (held >= 0) list.RemoveAt(held);
        list.Add(equality);
    }

    /// <summary>
    /// The partial equalities between categories that are no accident: a column of a few common values equals its parent's
    /// in most rows by chance (two columns of "active" in 80% of rows agree in 68%), so the share must close at least half the
    /// gap between the share chance gives (from the joined rows' own categories) and every row. An order's ship region is
    /// its customer's in 96% of Northwind's orders, where chance gives a few percent.
    /// </summary>
    private static async Task KeepCategoricalAsync(SourceSessions source, List<(ForeignKeySchema Key, (string Child, string Parent) Pair, double Share)> candidates,
        Dictionary<QualifiedName, List<ColumnEquality>> equalities, CancellationToken cancellationToken)
    {
        var chance = await FromValuePairsAsync(source, candidates.Select(static c => (c.Key, c.Pair.Child, c.Pair.Parent)).ToList(), unequalOnly: false,
            static (_, pairs) => ChanceEqualShare(pairs), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (fk, (child, parent), share) = candidates[i];
            if (share - chance[i] >= (1 - chance[i]) / 2) Keep(equalities, fk.Table, new ColumnEquality(TableEntry.KeyOf(fk), child, parent, share) { KeptCategoriesOnly = true });
        }
    }

    /// <summary>
    /// Per request, what <paramref name="learn"/> makes of the source's distinct pairs of a child column's and its parent's
    /// values (<see cref="IDatabaseRowSource.CountValuePairsAsync"/>), one query per request on the source's sessions.
    /// </summary>
    private static async Task<T[]> FromValuePairsAsync<T>(SourceSessions source, IReadOnlyList<(ForeignKeySchema Key, string Child, string Parent)> requests,
        bool unequalOnly, Func<int, IReadOnlyList<(object Child, object Parent, long Rows)>, T> learn, CancellationToken cancellationToken)
    {
        var results = new T[requests.Count];
        await source.RunAsync(requests.Count, async (i, session, ct) =>
        {
            var (fk, child, parent) = requests[i];
            results[i] = learn(i, await source.Source.CountValuePairsAsync(session, fk, child, parent, unequalOnly, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// Share of rows whose two values would be equal if the child's value were drawn apart from its parent's: the sum over
    /// values of the share of child rows with it times the share of their parents with it.
    /// </summary>
    internal static double ChanceEqualShare(IReadOnlyList<(object Child, object Parent, long Rows)> pairs)
    {
        // Keyed by text: the two columns may read as different types of one kind (an int and a bigint).
        var childRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var parentRows = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var (child, parent, rows) in pairs)
        {
            var (c, p) = (Text(child), Text(parent));
            childRows[c] = childRows.GetValueOrDefault(c) + rows;
            parentRows[p] = parentRows.GetValueOrDefault(p) + rows;
            total += rows;
        }

        static string Text(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

        if (total == 0) return 1;
        return childRows.Sum(c => (double)c.Value / total * parentRows.GetValueOrDefault(c.Key) / total);
    }

    /// <summary>
    /// For each partial equality between numbers, the multiples of the parent's value its other rows take, read from a sample
    /// of those rows' values (<see cref="ValueRatios"/>).
    /// </summary>
    private static async Task LearnRatiosAsync(DatabaseSchema schema, DatabasePlan plan, SourceSessions source,
        Dictionary<QualifiedName, List<ColumnEquality>> equalities, int rareK, CancellationToken cancellationToken)
    {
        // A key is named within its table (TableEntry.KeyOf), so it is found by table and name.
        var keys = plan.Tables.SelectMany(t => new[] { t.PrimaryParent }.OfType<ForeignKeySchema>().Concat(t.SecondaryParents))
            .DistinctBy(fk => (fk.Table, TableEntry.KeyOf(fk)))
            .ToDictionary(fk => (fk.Table, TableEntry.KeyOf(fk)));
        var partial = equalities.SelectMany(e => e.Value.Select((q, i) => (Table: e.Key, Index: i, Equality: q)))
            .Where(e => e.Equality.IsPartial && keys.ContainsKey((e.Table, e.Equality.ForeignKey))
                && Numeric(schema.Table(e.Table).Column(e.Equality.ChildColumn))
                && Numeric(schema.Table(keys[(e.Table, e.Equality.ForeignKey)].PrincipalTable).Column(e.Equality.ParentColumn)))
            .ToList();
        var learned = await FromValuePairsAsync(source, partial.Select(e => (keys[(e.Table, e.Equality.ForeignKey)], e.Equality.ChildColumn, e.Equality.ParentColumn)).ToList(),
            unequalOnly: true, (_, pairs) => ValueRatios.Learn(pairs.Select(static p => (ToDouble(p.Child), ToDouble(p.Parent), p.Rows)).ToList(), rareK),
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < partial.Count; i++)
        {
            if (learned[i] is not { } r) continue;
            var (table, index, equality) = partial[i];
            equalities[table][index] = equality with { Ratios = r.Ratios, RatioShare = r.Coverage, RatioDecimals = r.Decimals };
        }

        static double ToDouble(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

        static bool Numeric(ColumnSchema c) => c.SdType is SdType.Numerical
            && c.LogicalType is LogicalType.Decimal or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64;
    }

    /// <summary>Most (child date, parent date) pairs compared per relationship.</summary>
    private const int MaxOffsetPairs = 16;

    /// <summary>
    /// For each child date column (not a key, not unique, in no CHECK) under its primary parent: the parent date it follows
    /// most closely, where it does (<see cref="ValueOffsets"/>), as an equality that holds in no row with the offsets to
    /// draw; else a parent date it is never before, as a floor (<see cref="ValueOffsets.LearnFloor"/>). Read from the
    /// source's distinct pairs of values, one query per pair.
    /// </summary>
    private static async Task LearnOffsetsAsync(DatabaseSchema schema, DatabasePlan plan, SourceSessions source,
        Dictionary<QualifiedName, List<ColumnEquality>> equalities, int rareK, CancellationToken cancellationToken)
    {
        var candidates = new List<(ForeignKeySchema Key, ColumnSchema Child, ColumnSchema Parent)>();
        foreach (var t in plan.Tables.Where(t => !t.IsReference && t.PrimaryParent is not null))
        {
            var fk = t.PrimaryParent!;
            var child = schema.Table(fk.Table);
            var parent = schema.Table(fk.PrincipalTable);
            var taken = equalities.GetValueOrDefault(fk.Table)?.Select(static e => e.ChildColumn).ToHashSet(StringComparer.Ordinal) ?? [];
            candidates.AddRange(child.Columns.Where(c => IsDate(child, c) && !taken.Contains(c.Name) && !Models.ColumnPlanner.IsUniqueAlone(child, c)
                    && !child.CheckConstraints.Any(k => k.Expression.Contains(c.Name, StringComparison.OrdinalIgnoreCase)))
                .SelectMany(c => parent.Columns.Where(p => IsDate(parent, p) && Comparable(c, p)).Select(p => (fk, c, p)))
                // Pairs of one kind first: a date under a timestamp came later, and must not push one out.
                .OrderBy(static pair => ValueKinds.Of(pair.c.LogicalType) == ValueKinds.Of(pair.p.LogicalType) ? 0 : 1)
                .Take(MaxOffsetPairs));
        }

        var learned = await FromValuePairsAsync(source, candidates.Select(static c => (c.Key, c.Child.Name, c.Parent.Name)).ToList(), unequalOnly: false, (i, pairs) =>
        {
            var kind = ValueKinds.Of(candidates[i].Child.LogicalType);
            var parentKind = ValueKinds.Of(candidates[i].Parent.LogicalType);
            // The parent's value read as its own kind, then counted in the child's units (a timestamp as its day).
            var numbers = pairs.Select(p => (Child: Number(p.Child, kind, kind), Parent: Number(p.Parent, parentKind, kind), p.Rows))
                .Where(static p => !double.IsNaN(p.Child) && !double.IsNaN(p.Parent)).ToList();
            var dayUnits = kind == ValueKind.Date;
            return ValueOffsets.Learn(numbers, rareK, dayUnits) is { } follows ? (follows.Quantiles, follows.Step, Floor: false, Ceiling: double.NaN)
                : ValueOffsets.LearnFloor(numbers, rareK, dayUnits) is { } floor ? (floor.Quantiles, floor.Step, Floor: true, floor.Ceiling)
                : ((double[] Quantiles, double Step, bool Floor, double Ceiling)?)null;
        }, cancellationToken).ConfigureAwait(false);

        // Per child column, the parent date whose offsets spread least; where none follows closely, the parent date it is
        // never before that comes nearest it (the smallest median offset), the one most often broken when drawn apart.
        foreach (var group in candidates.Select((c, i) => (c.Key, c.Child, c.Parent, Learned: learned[i])).Where(static c => c.Learned is not null)
            .GroupBy(static c => (c.Key.Table, c.Child.Name)))
        {
            var follows = group.Where(static c => !c.Learned!.Value.Floor).ToList();
            var best = follows.Count > 0
                ? follows.MinBy(static c => c.Learned!.Value.Quantiles[^2] - c.Learned.Value.Quantiles[1])
                : group.MinBy(static c => c.Learned!.Value.Quantiles[ValueOffsets.Quantiles / 2]);
            var list = equalities.TryGetValue(best.Key.Table, out var l) ? l : equalities[best.Key.Table] = [];
            list.Add(new ColumnEquality(TableEntry.KeyOf(best.Key), best.Child.Name, best.Parent.Name, 0)
            {
                Offsets = best.Learned!.Value.Quantiles, OffsetStep = best.Learned.Value.Step, FloorOnly = best.Learned.Value.Floor,
                Ceiling = best.Learned.Value.Floor ? best.Learned.Value.Ceiling : null,
            });
        }

        // A child's date is compared with its parent's date of the same kind, or with the day of its parent's timestamp (a
        // visit's date and its patient's registration time); its offsets are then whole days.
        static bool Comparable(ColumnSchema child, ColumnSchema parent) => ValueKinds.Of(parent.LogicalType) == ValueKinds.Of(child.LogicalType)
            || child.LogicalType == LogicalType.Date && parent.LogicalType == LogicalType.DateTime;

        static bool IsDate(TableSchema t, ColumnSchema c) => c.SdType is SdType.Datetime && c.GeneratedSql is null
            && c.LogicalType is LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone
            && t.PrimaryKey?.Columns.Contains(c.Name) != true && !t.ForeignKeys.Any(f => f.Columns.Contains(c.Name));

        static double Number(object value, ValueKind kind, ValueKind units)
        {
            try
            {
                return ScalarConverter.ToDouble(CellCodec.Canonical(value, kind), units);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                return double.NaN;
            }
        }
    }

    /// <summary>Share of a child column's non-null values that must equal the parent's for the sampler to copy them.</summary>
    private const double MinimumEqualShare = ColumnEquality.WholeShare;

    /// <summary>
    /// Share from which a child's continuous column (a price, an amount, a date) equals its parent's in that share of
    /// the rows only: an order line's price is its product's in 69% of Northwind's lines (the rest were sold before a
    /// price rise). Two continuous columns are equal by chance almost never, so half the rows is no accident; two
    /// columns of a few values (flags, small counts) can be, so they must equal in 99%.
    /// </summary>
    private const double MinimumPartialShare = 0.5;

    private static bool Continuous(DatabaseSchema schema, ForeignKeySchema fk, (string Child, string Parent) pair) =>
        Both(schema, fk, pair, static c => c.SdType is SdType.Numerical or SdType.Datetime
            && c.LogicalType is LogicalType.Decimal or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64
                or LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone);

    /// <summary>
    /// Whether both columns are written by a generator (personal data, free text) rather than drawn from learned values:
    /// an order shipped to its customer's address in 94% of Northwind's orders, the rest elsewhere. Such values are
    /// equal by chance almost never, and copying the synthetic parent's value discloses nothing real, so half the rows
    /// is enough, as for continuous columns. Primary parents only: a secondary parent is picked by matching the values
    /// the row drew, which a generated value never matches.
    /// </summary>
    private static bool Generated(DatabaseSchema schema, ForeignKeySchema fk, (string Child, string Parent) pair) =>
        Both(schema, fk, pair, static c => c.SdType is SdType.Pii or SdType.Text);

    private static bool Categorical(DatabaseSchema schema, ForeignKeySchema fk, (string Child, string Parent) pair) =>
        Both(schema, fk, pair, static c => c.SdType is SdType.Categorical);

    /// <summary>Whether the child's column and the parent's both pass <paramref name="test"/>.</summary>
    private static bool Both(DatabaseSchema schema, ForeignKeySchema fk, (string Child, string Parent) pair, Func<ColumnSchema, bool> test) =>
        test(schema.Table(fk.Table).Column(pair.Child)) && test(schema.Table(fk.PrincipalTable).Column(pair.Parent));

    /// <summary>Most (child, parent) column pairs compared per relationship.</summary>
    private const int MaxEqualityPairs = 200;

    /// <summary>
    /// Pairs of a child column and a parent column of the same kind of value that could be equal: neither a
    /// key of its table nor generated by the database. Personal data included (a billing city is the
    /// customer's city, whatever the generator writes for it).
    /// </summary>
    private static List<(string Child, string Parent)> EqualityCandidates(DatabaseSchema schema, ForeignKeySchema fk)
    {
        var child = schema.Table(fk.Table);
        var parent = schema.Table(fk.PrincipalTable);
        static bool Eligible(TableSchema t, ColumnSchema c) => c.GeneratedSql is null && !c.IsExotic
            && c.LogicalType is not (LogicalType.Binary or LogicalType.Json or LogicalType.Xml or LogicalType.Other)
            && t.PrimaryKey?.Columns.Contains(c.Name) != true && !t.ForeignKeys.Any(f => f.Columns.Contains(c.Name));
        return child.Columns.Where(c => Eligible(child, c))
            .SelectMany(c => parent.Columns.Where(p => Eligible(parent, p) && Comparable(c, p)).Select(p => (c.Name, p.Name)))
            .Take(MaxEqualityPairs)
            .ToList();
    }

    /// <summary>
    /// Whether the source can compare the two columns with <c>=</c>: values of one kind, and where either is a type of
    /// the user's (a PostgreSQL enum or domain), the same type (an enum equals neither text nor another enum).
    /// </summary>
    private static bool Comparable(ColumnSchema child, ColumnSchema parent) =>
        ValueKinds.Of(child.LogicalType) == ValueKinds.Of(parent.LogicalType)
        && (IsPlain(child) && IsPlain(parent) || string.Equals(child.NativeType, parent.NativeType, StringComparison.Ordinal));

    /// <summary>A column of a built-in scalar type (not an enum, set, array, range, network or spatial type, nor the user's).</summary>
    private static bool IsPlain(ColumnSchema column) => column.UserType is null
        && column.LogicalType is not (LogicalType.Enum or LogicalType.Set or LogicalType.Array or LogicalType.Spatial or LogicalType.Network or LogicalType.Range or LogicalType.Bit);

    /// <summary>The schema with each foreign key's statistics attached; <paramref name="byKey"/> finds a key's histogram by name.</summary>
    private static DatabaseSchema WithStatistics(DatabaseSchema schema, Dictionary<ForeignKeySchema, RelationshipCounts> histograms, out Dictionary<string, RelationshipCounts> byKey)
    {
        var found = new Dictionary<string, RelationshipCounts>(StringComparer.Ordinal);
        var tables = schema.Tables.Select(t => t with
        {
            ForeignKeys = t.ForeignKeys.Select(f =>
            {
                if (!histograms.TryGetValue(f, out var h)) return f;
                found[TableEntry.KeyOf(f) + "@" + f.Table] = h;
                return f with { Statistics = new RelationshipStatistics(h.ParentRows, h.KeyedChildren + h.NullChildren, h.NullChildren, h.ReferencedParents) };
            }).ToList(),
        }).ToList();
        byKey = found;
        return schema with { Tables = tables };
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, cancelling <paramref name="stop"/> (the work beside it) when it fails, so the first failure
    /// does not wait for the rest; the work it cancels ends cancelled, so Task.WhenAll reports the failure itself.
    /// </summary>
    private static async Task StopOthersOnFailure(Task work, CancellationTokenSource stop)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
