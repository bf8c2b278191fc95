using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One relationship, real against synthetic, on every row: children per parent counted by each source
/// (Cardinality, CardinalityBoundaryAdherence), foreign keys matched by the synthetic source (ReferentialIntegrity),
/// and the column pairs of the inner join the sources run (Intertable Trends). A relationship whose synthetic
/// table or column is missing scores 0.
/// </summary>
internal sealed class RelationshipEvaluation
{
    private RelationshipEvaluation(EvaluationRelationship relationship)
    {
        Relationship = relationship;
    }

    public EvaluationRelationship Relationship { get; }

    public IReadOnlyDictionary<long, long> RealChildren { get; private set; } = new Dictionary<long, long>();

    /// <summary>Null when the synthetic data lacks a table or column of the relationship.</summary>
    public IReadOnlyDictionary<long, long>? SyntheticChildren { get; private set; }

    public CardinalityDetail Cardinality { get; private set; } = null!;

    public List<RelationshipValidityDetail> Validity { get; } = [];

    public List<PairTrendDetail> Intertable { get; } = [];

    public List<string> Notes { get; } = [];

    public static async Task<RelationshipEvaluation> RunAsync(
        EvaluationRelationship relationship, IReadOnlyList<TableEvaluation> tables, IEvaluationSource real, IEvaluationSource synthetic,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        var evaluation = new RelationshipEvaluation(relationship);
        var parent = tables.Single(t => t.Table.Name == relationship.ParentTable);
        var child = tables.Single(t => t.Table.Name == relationship.ChildTable);
        var present = !relationship.ParentColumns.Any(parent.IsMissing) && !relationship.ChildColumns.Any(child.IsMissing);

        var keys = await evaluation.CountChildrenAsync(child, present, real, synthetic, cancellationToken).ConfigureAwait(false);
        evaluation.ScoreCounts(child, keys);
        await evaluation.IntertableAsync(parent, child, present, real, synthetic, options, cancellationToken).ConfigureAwait(false);
        return evaluation;
    }

    /// <summary>
    /// Children per parent on each side, and the synthetic foreign key's counts (derived from the children where the
    /// source allows, else asked for); the synthetic side is left out when it lacks the relationship (null counts).
    /// </summary>
    private async Task<ForeignKeyCounts?> CountChildrenAsync(
        TableEvaluation child, bool present, IEvaluationSource real, IEvaluationSource synthetic, CancellationToken cancellationToken)
    {
        // Each source runs one query at a time; the two sources run side by side.
        var realCounts = real.ChildCountsAsync(Relationship, cancellationToken);
        ForeignKeyCounts? keys = null;
        if (present)
        {
            SyntheticChildren = await synthetic.ChildCountsAsync(Relationship, cancellationToken).ConfigureAwait(false);
            keys = Derived(Relationship, child.SyntheticCounts, SyntheticChildren, synthetic)
                ?? await synthetic.ForeignKeyAsync(Relationship, cancellationToken).ConfigureAwait(false);
        }

        RealChildren = await realCounts.ConfigureAwait(false);
        return keys;
    }

    /// <summary>CardinalityShapeSimilarity, ReferentialIntegrity and CardinalityBoundaryAdherence from the counts; 0 where the synthetic side has none.</summary>
    private void ScoreCounts(TableEvaluation child, ForeignKeyCounts? keys)
    {
        var fk = Relationship.ChildColumns;
        var shape = SyntheticChildren is { } s ? Scores.Nullable(CardinalityShapeSimilarity.Compute(RealChildren, s)) : 0;
        Cardinality = new CardinalityDetail(Relationship.ParentTable, Relationship.ChildTable, fk, "CardinalityShapeSimilarity", shape);

        // The real foreign key has a NULL where one of its columns has: then synthetic NULLs are legitimate.
        var realHasNulls = fk.Any(c => child.RealCounts.NonNull(c) < child.RealCounts.Rows);
        var integrity = keys is { } k ? Scores.Nullable(ReferentialIntegrity.Compute(realHasNulls, k)) : 0;
        var bounds = SyntheticChildren is { } sc ? Scores.Nullable(CardinalityBoundaryAdherence.Compute(RealChildren, sc)) : 0;
        Validity.Add(new RelationshipValidityDetail(Relationship.ParentTable, Relationship.ChildTable, fk, "ReferentialIntegrity", integrity));
        Validity.Add(new RelationshipValidityDetail(Relationship.ParentTable, Relationship.ChildTable, fk, "CardinalityBoundaryAdherence", bounds));
    }

    private async Task IntertableAsync(
        TableEvaluation parent, TableEvaluation child, bool present, IEvaluationSource real, IEvaluationSource synthetic,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        var parentColumns = parent.Table.Columns.Where(c => ColumnKinds.IsModelable(c.SdType)).ToList();
        var childColumns = child.Table.Columns.Where(c => ColumnKinds.IsModelable(c.SdType)).ToList();
        if (parentColumns.Count == 0 || childColumns.Count == 0)
        {
            return;
        }

        var columns = parentColumns.Concat(childColumns).ToList();
        var outcomes = parentColumns.Select(c => parent.Columns[c.Name]).Concat(childColumns.Select(c => child.Columns[c.Name])).ToList();
        var plan = new PairPlan(
            columns,
            columns.Select(c => ColumnKinds.IsContinuous(c.SdType)).ToList(),
            [.. Enumerable.Range(0, parentColumns.Count).SelectMany(p => Enumerable.Range(parentColumns.Count, childColumns.Count).Select(c => (p, c)))]);
        var missing = parentColumns.Select(c => !present || parent.IsMissing(c.Name)).Concat(childColumns.Select(c => !present || child.IsMissing(c.Name))).ToList();
        var parentNames = parentColumns.Select(c => c.Name).ToList();
        var childNames = childColumns.Select(c => c.Name).ToList();

        var realKnown = KnownRanges(plan, parentColumns.Count, outcomes, o => o.Real, (parent.RealCounts, child.RealCounts), RealChildren, real);
        var realSide = JoinSide.RunAsync(new JoinSideRequest(Relationship, plan, outcomes.Select(o => o.Real).ToList(), real, parentNames, childNames, realKnown), cancellationToken);
        var syntheticSide = present
            ? JoinSide.RunAsync(
                new JoinSideRequest(Relationship, plan, outcomes.Select(o => o.Synthetic).ToList(), synthetic, parentNames, childNames,
                    KnownRanges(plan, parentColumns.Count, outcomes, o => o.Synthetic, (parent.SyntheticCounts, child.SyntheticCounts), SyntheticChildren!, synthetic)),
                cancellationToken)
            : Task.FromResult(JoinSide.Empty(plan, outcomes.Select(o => o.Synthetic).ToList()));
        var (r, s) = (await realSide.ConfigureAwait(false), await syntheticSide.ConfigureAwait(false));
        Notes.AddRange(r.Notes.Concat(s.Notes));

        var results = PairScoring.Score(
            plan, r.Accumulator, s.Accumulator,
            outcomes.Select(o => o.NumberError).ToList(),
            missing,
            Enumerable.Range(0, columns.Count).Select(i => r.Constant[i] || s.Constant[i]).ToList(),
            options);
        Intertable.AddRange(results.Select(x => PairDetails.Of(
            Relationship.ChildTable, Relationship.ParentTable, Relationship.ChildColumns, columns[x.First].Name, columns[x.Second].Name, x.Metric, x.Score)));
    }

    /// <summary>
    /// The synthetic foreign key counts without asking the database, when it guarantees the parent key unique: then each
    /// child row matches at most one parent, and the children per parent add up to the rows that match; the rows and the
    /// NULL keys are in the table's counts (one key column, or no NULL in any). Null when they cannot be told so.
    /// </summary>
    private static ForeignKeyCounts? Derived(EvaluationRelationship relationship, TableCounts child, IReadOnlyDictionary<long, long> children, IEvaluationSource source)
    {
        if (!source.IsUniqueKey(relationship.ParentTable, relationship.ParentColumns))
        {
            return null;
        }

        var nulls = relationship.ChildColumns.Select(c => child.Rows - child.NonNull(c)).ToList();
        if (nulls.Count != 1 && nulls.Any(n => n != 0))
        {
            return null;
        }

        return new ForeignKeyCounts(child.Rows, nulls.Max(), Matched(children));
    }

    /// <summary>Child rows in the join: each parent's children, added up.</summary>
    private static long Matched(IReadOnlyDictionary<long, long> children) => children.Sum(c => c.Key * c.Value);

    /// <summary>
    /// Per column of the plan, the range of its numbers over the inner join when the column pass already has it, so the
    /// database need not be asked (NaN where it must be): every parent row has a child (no parent at 0 children), or every
    /// child row has its one parent (a unique parent key, and the children per parent add up to the child rows); and the
    /// column pass read every value the count saw as a number (no NaN, no unreadable cell), of a type whose range the
    /// source would give (another's range was (0, 1) until a value fell outside it, and must stay so).
    /// </summary>
    private (double Min, double Max)?[] KnownRanges(
        PairPlan plan, int parentCount, IReadOnlyList<ColumnOutcome> outcomes, Func<ColumnOutcome, SideProfile> side, (TableCounts Parent, TableCounts Child) counts,
        IReadOnlyDictionary<long, long> children, IEvaluationSource source)
    {
        var parentsCovered = children.GetValueOrDefault(0) == 0;
        var childrenCovered = source.IsUniqueKey(Relationship.ParentTable, Relationship.ParentColumns) && Matched(children) == counts.Child.Rows;
        var known = new (double Min, double Max)?[plan.Columns.Count];
        for (var i = 0; i < known.Length; i++)
        {
            var (covered, tableCounts) = i < parentCount ? (parentsCovered, counts.Parent) : (childrenCovered, counts.Child);
            var (profile, table) = (side(outcomes[i]), i < parentCount ? Relationship.ParentTable : Relationship.ChildTable);
            if (covered && plan.Continuous[i] && outcomes[i].NumberError is null && profile.Values == tableCounts.NonNull(plan.Columns[i].Name)
                && source.HasColumn(table, plan.Columns[i].Name) && CellValues.HasRange(source.CellType(table, plan.Columns[i].Name)))
            {
                known[i] = (profile.Min, profile.Max);
            }
        }

        return known;
    }
}
