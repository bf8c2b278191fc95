using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Xunit;
using static Sdv.Connector.Synthesis.Tests.Evaluation.Data;

namespace Sdv.Connector.Synthesis.Tests.Evaluation;

/// <summary>SDMetrics 0.29's own figures on small inputs (REFERENCE §8), to 1e-9.</summary>
public sealed class MetricVectorTests
{
    [Fact]
    public void KSComplement_of_a_shifted_tail_is_0_8() =>
        Assert.Equal(0.8, KsComplement.Compute(Numbers(1, 2, 3, 4, 5), Numbers(1, 2, 3, 4, 10)), Tolerance);

    [Fact]
    public void KSComplement_drops_nulls() =>
        Assert.Equal(0.5, KsComplement.Compute(Numbers(1, 2, 3, null), Numbers(2, 3, 4, 5)), Tolerance);

    [Fact]
    public void KSComplement_of_datetimes_works_on_nanoseconds()
    {
        var real = Dates("2020-01-01", "2020-01-02", "2020-01-03").Select(CellValues.ToNumber).ToArray();
        var synthetic = Dates("2020-01-02", "2020-01-03", "2020-01-04").Select(CellValues.ToNumber).ToArray();
        Assert.Equal(1_577_836_800_000_000_000d, real[0]);
        Assert.Equal(0.6666666666666667, KsComplement.Compute(real, synthetic), Tolerance);
    }

    /// <summary>Dates past int64 nanoseconds (before 1677, after 2262) keep their order: year 1 is not put after year 2000.</summary>
    [Fact]
    public void KSComplement_of_datetimes_outside_1677_to_2262_keeps_their_order()
    {
        object[] real = [new DateTime(1, 1, 1), new DateTime(1500, 6, 1), new DateTime(2000, 1, 1), new DateTime(9999, 12, 31)];
        object[] synthetic = [new DateTime(2, 1, 1), new DateTime(1501, 6, 1), new DateTime(2000, 1, 2), new DateTime(9998, 12, 31)];
        var realNumbers = real.Select(CellValues.ToNumber).ToArray();
        Assert.True(realNumbers.Zip(realNumbers.Skip(1)).All(p => p.First < p.Second), string.Join(", ", realNumbers));
        // Each synthetic date sits just after its real one: the empirical CDFs differ by at most one step of four.
        Assert.Equal(0.75, KsComplement.Compute(realNumbers, synthetic.Select(CellValues.ToNumber).ToArray()), Tolerance);
    }

    [Fact]
    public void KSComplement_of_an_empty_side_is_NaN() =>
        Assert.True(double.IsNaN(KsComplement.Compute(Numbers(null, null), Numbers(1))));

    [Fact]
    public void TVComplement_of_shifted_frequencies_is_0_75() =>
        Assert.Equal(0.75, TvComplement.Compute(Keys("a", "a", "b", "c"), Keys("a", "b", "b", "c")), Tolerance);

    [Fact]
    public void TVComplement_gives_unseen_synthetic_categories_a_real_count_of_one_millionth() =>
        Assert.Equal(0.5000001874999531, TvComplement.Compute(Keys("a", "a", "b", "c"), Keys("a", "b", "b", "d")), Tolerance);

    [Fact]
    public void TVComplement_drops_nulls() =>
        Assert.Equal(0.8333333333333334, TvComplement.Compute(Keys("a", "b", null, null), Keys("a", "a", "b", null)), Tolerance);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void CorrelationSimilarity_of_opposite_correlations_is_0(double threshold)
    {
        var score = CorrelationSimilarity.Compute(
            Numbers(1, 2, 3, 4, 5), Numbers(2, 4, 6, 8, 10), Numbers(1, 2, 3, 4, 5), Numbers(10, 8, 6, 4, 2), threshold);
        Assert.Equal(0.0, score.Score, Tolerance);
        Assert.Equal(1.0, score.RealCorrelation, Tolerance);
        Assert.Equal(-1.0, score.SyntheticCorrelation, Tolerance);
        Assert.True(score.MeetsThreshold);
    }

    [Fact]
    public void CorrelationSimilarity_of_r_1_against_r_0_8_is_0_9()
    {
        var score = CorrelationSimilarity.Compute(
            Numbers(1, 2, 3, 4, 5), Numbers(2, 4, 6, 8, 10), Numbers(1, 2, 3, 4, 5), Numbers(1, 3, 2, 5, 4), 0.5);
        Assert.Equal(0.8, score.SyntheticCorrelation, Tolerance);
        Assert.Equal(0.9, score.Score, Tolerance);
    }

    [Fact]
    public void CorrelationSimilarity_threshold_is_strict()
    {
        // A 2×2 pattern whose Pearson r is exactly 0.5 (8 / sqrt(16·16) with 3/1/1/3 counts).
        var x = Numbers(1, 1, 1, 1, 0, 0, 0, 0);
        var y = Numbers(1, 1, 1, 0, 1, 0, 0, 0);
        var atThreshold = CorrelationSimilarity.Compute(x, y, x, y, 0.5);
        Assert.Equal(0.5, atThreshold.RealCorrelation);
        Assert.False(atThreshold.MeetsThreshold);
        Assert.True(double.IsNaN(atThreshold.Score));
        Assert.Equal(1.0, CorrelationSimilarity.Compute(x, y, x, y, 0.49).Score, Tolerance);
    }

    [Fact]
    public void CorrelationSimilarity_errors_on_a_constant_synthetic_column()
    {
        var score = CorrelationSimilarity.Compute(Numbers(1, 2, 3), Numbers(1, 3, 2), Numbers(1, 2, 3), Numbers(7, 7, null), 0);
        Assert.NotNull(score.Error);
        Assert.Null(score.MeetsThreshold);
    }

    [Fact]
    public void CorrelationSimilarity_drops_rows_with_a_null_per_dataset()
    {
        var score = CorrelationSimilarity.Compute(
            Numbers(1, 2, 3, null), Numbers(2, 4, 6, 100), Numbers(1, 2, 3, 4), Numbers(2, 4, 6, 8), 0);
        Assert.Equal(1.0, score.RealCorrelation, Tolerance);
        Assert.Equal(1.0, score.Score, Tolerance);
    }

    [Fact]
    public void ContingencySimilarity_of_a_perfect_association_is_0_75_with_V_1()
    {
        var score = ContingencySimilarity.Compute(
            Keys("a", "a", "b", "b"), Keys("x", "x", "y", "y"), Keys("a", "a", "b", "b"), Keys("x", "y", "y", "y"), 0.3);
        Assert.Equal(0.75, score.Score, Tolerance);
        Assert.Equal(1.0, score.RealAssociation, Tolerance);
        Assert.True(score.MeetsThreshold);
    }

    [Fact]
    public void ContingencySimilarity_of_a_weak_association_is_0_75_with_V_one_third()
    {
        var a = Keys("a", "a", "b", "b", "a", "b");
        var b = Keys("x", "y", "x", "y", "x", "y");
        Assert.Equal(0.3333333333333333, CramersVOf(a, b), Tolerance);
        var score = ContingencySimilarity.Compute(a, b, Keys("a", "a", "b", "b"), Keys("x", "y", "y", "y"), 0.3);
        Assert.Equal(0.75, score.Score, Tolerance);
        Assert.Equal(0.3333333333333333, score.RealAssociation, Tolerance);
    }

    [Fact]
    public void ContingencySimilarity_skips_pairs_at_or_under_the_association_threshold()
    {
        var score = ContingencySimilarity.Compute(Keys("a", "a", "b", "b"), Keys("x", "y", "x", "y"), Keys("a"), Keys("x"), 0.3);
        Assert.Equal(0.0, score.RealAssociation, Tolerance);
        Assert.False(score.MeetsThreshold);
        Assert.True(double.IsNaN(score.Score));
    }

    [Fact]
    public void ContingencySimilarity_of_an_empty_synthetic_side_is_one_half() =>
        Assert.Equal(0.5, ContingencySimilarity.Compute(Keys("a", "b"), Keys("x", "y"), Keys(), Keys(), 0.3).Score, Tolerance);

    [Fact]
    public void ContingencySimilarity_counts_null_as_a_value() =>
        Assert.Equal(0.5, ContingencySimilarity.Compute(Keys("a", null), Keys("x", "y"), Keys("a", "a"), Keys("x", "y"), 0).Score, Tolerance);

    [Fact]
    public void Binning_uses_eleven_own_edges_and_labels_max_and_null_11()
    {
        var edges = Discretizer.Edges(Numbers(0, 5, 10, null));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], edges);
        Assert.Equal(1, Discretizer.Digitize(0, edges));
        Assert.Equal(1, Discretizer.Digitize(0.999, edges));
        Assert.Equal(2, Discretizer.Digitize(1, edges));
        Assert.Equal(10, Discretizer.Digitize(9.5, edges));
        Assert.Equal(11, Discretizer.Digitize(10, edges));
        Assert.Equal(11, Discretizer.Digitize(double.NaN, edges));
        Assert.Equal(0, Discretizer.Digitize(-1, edges));
        Assert.Equal([1, 6, 11, 11], Discretizer.Bin(Numbers(0, 5, 10, null)));
    }

    [Fact]
    public void Binning_a_single_value_spans_plus_minus_one_half()
    {
        var edges = Discretizer.Edges(Numbers(3, 3));
        Assert.Equal(2.5, edges[0], Tolerance);
        Assert.Equal(3.5, edges[10], Tolerance);
        Assert.Equal(6, Discretizer.Digitize(3, edges));
    }

    [Fact]
    public void CardinalityShapeSimilarity_compares_children_per_parent_with_KS() =>
        Assert.Equal(0.6666666666666667, CardinalityShapeSimilarity.Compute(
            RowKeys.Of([1L, 2L, 3L]), RowKeys.Of([1L, 1L, 2L]), RowKeys.Of([1L, 2L, 3L]), RowKeys.Of([1L, 2L, 3L])), Tolerance);

    [Fact]
    public void BoundaryAdherence_counts_values_in_the_real_range() =>
        Assert.Equal(0.6, BoundaryAdherence.Compute(Numbers(1, 5), Numbers(0, 1, 3, 5, 6)), Tolerance);

    [Fact]
    public void BoundaryAdherence_counts_synthetic_nulls_out_of_range_when_real_has_none() =>
        Assert.Equal(0.5, BoundaryAdherence.Compute(Numbers(1, 5), Numbers(1, 3, null, null)), Tolerance);

    [Fact]
    public void BoundaryAdherence_drops_nulls_when_real_has_some() =>
        Assert.Equal(1.0, BoundaryAdherence.Compute(Numbers(1, 5, null), Numbers(1, 3, null, null)), Tolerance);

    [Fact]
    public void CategoryAdherence_matches_null_with_null() =>
        Assert.Equal(0.75, CategoryAdherence.Compute(Keys("a", "b", null), Keys("a", "c", null, "b")), Tolerance);

    [Fact]
    public void CategoryAdherence_without_a_real_null() =>
        Assert.Equal(0.5, CategoryAdherence.Compute(Keys("a", "b"), Keys("a", "c", null, "b")), Tolerance);

    [Fact]
    public void KeyUniqueness_counts_repeats_and_nulls() =>
        Assert.Equal(0.4, KeyUniqueness.Compute(new object?[] { 1L, 1L, 2L, null, null }.Select(v => new[] { v }).ToArray()), Tolerance);

    [Fact]
    public void KeyUniqueness_of_a_composite_key_judges_tuples()
    {
        object?[][] keys = [[1L, "a"], [1L, "b"], [1L, "a"], [null, "a"], [null, null]];
        Assert.Equal(0.6, KeyUniqueness.Compute(keys), Tolerance);
    }

    [Fact]
    public void ReferentialIntegrity_is_the_share_of_resolving_foreign_keys() =>
        Assert.Equal(0.8, ReferentialIntegrity.Compute(false, RowKeys.Of([1L, 2L, 3L]), RowKeys.Of([1L, 1L, 1L, 1L, 9L])), Tolerance);

    [Fact]
    public void ReferentialIntegrity_drops_null_foreign_keys_only_when_real_has_them()
    {
        var parents = RowKeys.Of([1L, 2L]);
        var children = RowKeys.Of([1L, null, 2L, null]);
        Assert.Equal(0.5, ReferentialIntegrity.Compute(false, parents, children), Tolerance);
        Assert.Equal(1.0, ReferentialIntegrity.Compute(true, parents, children), Tolerance);
    }

    [Fact]
    public void CardinalityBoundaryAdherence_includes_childless_parents() =>
        Assert.Equal(0.6666666666666666, CardinalityBoundaryAdherence.Compute(
            RowKeys.Of([1L, 2L, 3L]), RowKeys.Of([1L, 1L, 2L]), RowKeys.Of([1L, 2L, 3L]), RowKeys.Of([1L, 1L, 1L, 2L, 2L, 3L])), Tolerance);

    [Fact]
    public void TableStructure_is_the_jaccard_of_name_and_dtype() =>
        Assert.Equal(0.2, TableStructure.Compute(
            [("a", "int64"), ("b", "object"), ("c", "float64")], [("a", "float64"), ("b", "object"), ("d", "int64")]), Tolerance);

    [Fact]
    public void Pandas_dtypes_follow_the_documented_mapping()
    {
        var numerical = SchemaIntrospection.Model.SdType.Numerical;
        var categorical = SchemaIntrospection.Model.SdType.Categorical;
        Assert.Equal("int64", PandasDtype.Infer([1L, 2, (short)3], numerical));
        Assert.Equal("float64", PandasDtype.Infer([1L, null], numerical));
        Assert.Equal("float64", PandasDtype.Infer([1L, 2.5m, 3.0], numerical));
        Assert.Equal("bool", PandasDtype.Infer([true, false], categorical));
        Assert.Equal("object", PandasDtype.Infer([true, null], categorical));
        Assert.Equal("object", PandasDtype.Infer(["a", 1L], categorical));
        Assert.Equal("datetime64[ns]", PandasDtype.Infer(["2020-01-01", null], SchemaIntrospection.Model.SdType.Datetime));
        Assert.Equal("object", PandasDtype.Infer(["not a date"], SchemaIntrospection.Model.SdType.Datetime));
        Assert.Equal("datetime64[ns]", PandasDtype.Infer([new DateTime(2020, 1, 1)], categorical));
        Assert.Equal("timedelta64[ns]", PandasDtype.Infer([TimeSpan.FromHours(1)], categorical));
        Assert.Equal("object", PandasDtype.Infer([Guid.Empty, null], SchemaIntrospection.Model.SdType.Id));
        Assert.Equal("float64", PandasDtype.Infer([], numerical));
    }

    private static double CramersVOf(object[] a, object[] b) =>
        CramersV.Compute(a.Zip(b).GroupBy(p => p).ToDictionary(g => (g.Key.First, g.Key.Second), g => (long)g.Count()));
}
