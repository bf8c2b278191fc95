using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// SDMetrics' (unified) QualityReport: Column Shapes, Column Pair Trends and, when the metadata
/// has more than one table, Cardinality and Intertable Trends. A property is the mean of its detail
/// scores pooled across tables (NaN left out); the overall score is the mean of the properties.
/// </summary>
internal static class QualityReport
{
    public const string ColumnShapes = "Column Shapes";
    public const string ColumnPairTrendsProperty = "Column Pair Trends";
    public const string Cardinality = "Cardinality";
    public const string IntertableTrends = "Intertable Trends";

    public static QualityResult Compute(
        IReadOnlyList<TablePair> tables,
        IReadOnlyList<RelationshipPair> relationships,
        EvaluationOptions options,
        List<SamplingNote> notes)
    {
        var shapes = tables.SelectMany(ShapesOf).ToList();
        var pairs = tables.SelectMany(t => PairTrendsOf(t, options, notes)).ToList();
        var properties = new Dictionary<string, double?>
        {
            [ColumnShapes] = Scores.Nullable(Scores.Mean(shapes.Select(s => s.Score))),
            [ColumnPairTrendsProperty] = Scores.Nullable(ColumnPairTrends.Property(pairs)),
        };

        var cardinality = new List<CardinalityDetail>();
        var intertable = new List<PairTrendDetail>();
        if (tables.Count > 1)
        {
            foreach (var relationship in relationships)
            {
                var score = CardinalityShapeSimilarity.Compute(
                    relationship.RealParentKeys, relationship.RealForeignKeys, relationship.SyntheticParentKeys, relationship.SyntheticForeignKeys);
                cardinality.Add(new CardinalityDetail(
                    relationship.Parent.Name, relationship.Child.Name, relationship.Relationship.ChildColumns, "CardinalityShapeSimilarity", Scores.Nullable(score)));
                intertable.AddRange(IntertableTrendsOf(relationship, options, notes));
            }

            properties[Cardinality] = Scores.Nullable(Scores.Mean(cardinality.Select(c => c.Score)));
            properties[IntertableTrends] = Scores.Nullable(ColumnPairTrends.Property(intertable));
        }

        var overall = Scores.Nullable(Scores.Mean(properties.Values));
        return new QualityResult(overall, properties, shapes, pairs, cardinality, intertable);
    }

    private static IEnumerable<ColumnShapeDetail> ShapesOf(TablePair table)
    {
        for (var c = 0; c < table.Real.Columns.Count; c++)
        {
            var column = table.Real.Columns[c];
            if (!PairColumn.IsModelable(column.SdType))
            {
                continue;
            }

            var continuous = PairColumn.IsContinuousType(column.SdType);
            var metric = continuous ? "KSComplement" : "TVComplement";
            var real = new PairColumn(column.Name, column.SdType, table.RealValues(c));
            var synthetic = new PairColumn(column.Name, column.SdType, table.SyntheticValues(c));
            var error = real.Error ?? synthetic.Error;
            var score = double.NaN;
            if (error is null)
            {
                score = continuous
                    ? KsComplement.Compute(real.Numbers, synthetic.Numbers)
                    : TvComplement.Compute(real.Keys, synthetic.Keys);
                if (double.IsNaN(score))
                {
                    error = "The real or the synthetic column has no value.";
                }
            }

            yield return new ColumnShapeDetail(table.Name, column.Name, metric, Scores.Nullable(score), error);
        }
    }

    private static List<PairTrendDetail> PairTrendsOf(TablePair table, EvaluationOptions options, List<SamplingNote> notes)
    {
        var columns = table.Real.Columns;
        var real = new PairColumn[columns.Count];
        var synthetic = new PairColumn[columns.Count];
        var modelable = new List<int>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (PairColumn.IsModelable(columns[c].SdType))
            {
                real[c] = new PairColumn(columns[c].Name, columns[c].SdType, table.RealValues(c));
                synthetic[c] = new PairColumn(columns[c].Name, columns[c].SdType, table.SyntheticValues(c));
                modelable.Add(c);
            }
        }

        var pairs = new List<(int, int)>();
        for (var a = 0; a < modelable.Count; a++)
        {
            for (var b = a + 1; b < modelable.Count; b++)
            {
                pairs.Add((modelable[a], modelable[b]));
            }
        }

        if (pairs.Count == 0)
        {
            return [];
        }

        var sample = ColumnPairTrends.ContingencySample(
            table.Name, table.Real.Rows.Count, table.Synthetic.Rows.Count, options, "column pair trends (contingency)", notes);
        return ColumnPairTrends.Compute(real, synthetic, pairs, options, sample)
            .Select(r => Detail(table.Name, null, null, columns[r.First].Name, columns[r.Second].Name, r.Metric, r.Score))
            .ToList();
    }

    private static List<PairTrendDetail> IntertableTrendsOf(RelationshipPair relationship, EvaluationOptions options, List<SamplingNote> notes)
    {
        var parent = relationship.Parent;
        var child = relationship.Child;
        var parentColumns = parent.Real.Columns.Select((c, i) => (c, i)).Where(x => PairColumn.IsModelable(x.c.SdType)).ToList();
        var childColumns = child.Real.Columns.Select((c, i) => (c, i)).Where(x => PairColumn.IsModelable(x.c.SdType)).ToList();
        if (parentColumns.Count == 0 || childColumns.Count == 0)
        {
            return [];
        }

        var realJoin = RelationshipPair.Join(relationship.RealParentKeys, relationship.RealForeignKeys);
        var syntheticJoin = RelationshipPair.Join(relationship.SyntheticParentKeys, relationship.SyntheticForeignKeys);

        // The joined frame: parent columns first, then child columns, each repeated along the join.
        var real = new List<PairColumn>();
        var synthetic = new List<PairColumn>();
        foreach (var (column, index) in parentColumns)
        {
            real.Add(new PairColumn(column.Name, column.SdType, Along(parent.RealValues(index), realJoin, parentSide: true)));
            synthetic.Add(new PairColumn(column.Name, column.SdType, Along(parent.SyntheticValues(index), syntheticJoin, parentSide: true)));
        }

        foreach (var (column, index) in childColumns)
        {
            real.Add(new PairColumn(column.Name, column.SdType, Along(child.RealValues(index), realJoin, parentSide: false)));
            synthetic.Add(new PairColumn(column.Name, column.SdType, Along(child.SyntheticValues(index), syntheticJoin, parentSide: false)));
        }

        var pairs = new List<(int, int)>();
        for (var p = 0; p < parentColumns.Count; p++)
        {
            for (var c = 0; c < childColumns.Count; c++)
            {
                pairs.Add((p, parentColumns.Count + c));
            }
        }

        var sample = ColumnPairTrends.ContingencySample(
            $"{child.Name} -> {parent.Name}", realJoin.Count, syntheticJoin.Count, options, "intertable trends (contingency)", notes);
        return ColumnPairTrends.Compute(real, synthetic, pairs, options, sample)
            .Select(r => Detail(child.Name, parent.Name, relationship.Relationship.ChildColumns, real[r.First].Name, real[r.Second].Name, r.Metric, r.Score))
            .ToList();
    }

    private static object?[]? Along(object?[]? values, List<(int Parent, int Child)> join, bool parentSide)
    {
        if (values is null)
        {
            return null;
        }

        var result = new object?[join.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[parentSide ? join[i].Parent : join[i].Child];
        }

        return result;
    }

    private static PairTrendDetail Detail(
        string table, string? parentTable, IReadOnlyList<string>? foreignKey, string column1, string column2, string metric, PairScore score) =>
        new(
            table,
            parentTable,
            foreignKey,
            column1,
            column2,
            metric,
            Scores.Nullable(score.Score),
            Scores.Nullable(score.RealCorrelation),
            Scores.Nullable(score.SyntheticCorrelation),
            Scores.Nullable(score.RealAssociation),
            score.MeetsThreshold,
            score.Error);
}
