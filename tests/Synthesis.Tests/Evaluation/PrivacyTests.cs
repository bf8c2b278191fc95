using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Xunit;
using static Sdv.Connector.Synthesis.Tests.Evaluation.Data;

namespace Sdv.Connector.Synthesis.Tests.Evaluation;

/// <summary>Privacy checks on hand-worked inputs.</summary>
public sealed class PrivacyTests
{
    private static readonly EvaluationColumn[] Columns =
    [
        Col("id", SdType.Id), Col("city", SdType.Categorical), Col("size", SdType.Numerical), Col("email", SdType.Pii),
    ];

    [Fact]
    public void Exact_matches_compare_learned_columns_and_treat_1_and_1_0_alike()
    {
        var real = Table("t", Columns, ["id"], Longs(1, 2, 3), Values("x", "y", "z"), Values(1L, 2L, 3L), Values("a@x", "b@x", null));
        var synthetic = Table("t", Columns, ["id"],
            Longs(10, 11, 12, 13), Values("x", "y", "z", "x"), Values(1L, 5L, 3L, 1.0), Values("a@x", "b@x", null, "a@x"));

        var privacy = Evaluate(real, synthetic).Privacy;

        // Rows 10, 12 and 13 equal real rows 1, 3 and 1 on the learned columns (the id and the generated email do not count); row 11 differs in size.
        Assert.Equal(0.75, privacy.ExactMatchRate!.Value, Tolerance);
        Assert.Equal(3, privacy.ExactMatch.Matches);
        Assert.Equal(["city", "size"], privacy.ExactMatch.Tables.Single().Columns);
        Assert.Contains(privacy.Warnings, w => w.Contains("3 of 4 synthetic rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Pii_leaks_count_synthetic_values_found_among_real_ones()
    {
        var real = Table("t", Columns, ["id"], Longs(1, 2, 3), Values("x", "x", "x"), Longs(1, 1, 1), Values("a@x", "b@x", "c@x"));
        var synthetic = Table("t", Columns, ["id"], Longs(1, 2, 3, 4), Values("x", "x", "x", "x"), Longs(1, 1, 1, 1), Values("a@x", "d@x", null, "c@x"));

        var leaks = Evaluate(real, synthetic).Privacy.PiiLeaks;

        var column = Assert.Single(leaks.Columns);
        Assert.Equal(("email", "pii", 3L, 2L), (column.Column, column.SdType, column.SyntheticValues, column.Leaked));
        Assert.Equal(2.0 / 3.0, leaks.Rate!.Value, Tolerance);
    }

    [Fact]
    public void Rare_category_leaks_are_synthetic_values_seen_fewer_than_k_times_in_real_data()
    {
        var real = Table("t", Columns, ["id"],
            Longs(1, 2, 3, 4, 5, 6, 7, 8), Values("A", "A", "A", "A", "A", "B", "B", "C"), Longs(1, 2, 3, 4, 5, 6, 7, 8), Values(null, null, null, null, null, null, null, null));
        var synthetic = Table("t", Columns, ["id"],
            Longs(1, 2, 3, 4, 5, 6), Values("A", "B", "C", "D", "B", null), Longs(1, 2, 3, 4, 5, 6), Values(null, null, null, null, null, null));

        var leaks = Evaluate(real, synthetic, new EvaluationOptions { RareCategoryK = 3 }).Privacy.RareCategoryLeaks;

        // B (2 real rows) and C (1) are rare at k = 3; A (5) is common and D never real; the null is no category.
        var column = Assert.Single(leaks.Columns);
        Assert.Equal((2, 5L, 3L), (column.Categories, column.SyntheticRows, column.LeakedRows));
        Assert.Equal(0.6, leaks.Rate!.Value, Tolerance);
    }

    [Fact]
    public void Rare_countries_are_counted_apart_since_the_model_draws_them_from_a_public_list()
    {
        EvaluationColumn[] columns = [Col("id", SdType.Id), Col("country", SdType.Categorical)];
        var real = Table("t", columns, ["id"], Longs(1, 2, 3, 4, 5, 6), Values("USA", "USA", "USA", "Germany", "Atlantis", "Atlantis"));
        var synthetic = Table("t", columns, ["id"], Longs(1, 2, 3, 4, 5), Values("USA", "Germany", "Germany", "Atlantis", "Japan"));

        var leaks = Evaluate(real, synthetic, new EvaluationOptions { RareCategoryK = 3 }).Privacy.RareCategoryLeaks;

        // Germany (1 real row) is a country the generator draws whatever the source holds: apart. Atlantis (2) is not a country: a leak.
        var column = Assert.Single(leaks.Columns);
        Assert.Equal((1, 1L, 2L), (column.Categories, column.LeakedRows, column.PublicRows));
        Assert.Equal(1, leaks.Leaks);
    }

    [Fact]
    public void Row_distance_scales_numbers_by_the_real_range_and_compares_categories()
    {
        var space = new DistanceSpace([true, false], [10.0, double.NaN]);
        var points = space.Encode([[5L, "a"], [10L, "b"], [null, "b"], [null, null], [40L, "a"]]);

        Assert.Equal(0.75, space.Distance(points[0], points[1]), Tolerance);
        Assert.Equal(0.5, space.Distance(points[1], points[2]), Tolerance);
        Assert.Equal(0.5, space.Distance(points[2], points[3]), Tolerance); // null = null on x, "b" ≠ null on the category
        Assert.Equal(0.0, space.Distance(points[3], points[3]), Tolerance);
        Assert.Equal(0.5, space.Distance(points[4], points[0]), Tolerance); // |40 − 5| / 10 is capped at 1
    }

    [Fact]
    public void Dcr_share_counts_synthetic_rows_closer_to_training_than_to_holdout()
    {
        var space = new DistanceSpace([true], [10.0]);
        var training = space.Encode([[0.0], [10.0]]);
        var holdout = space.Encode([[5.0]]);
        var synthetic = space.Encode([[1.0], [6.0], [0.0], [7.5]]);

        var (share, syntheticMedian, holdoutMedian) = DistanceToClosestRecord.Measure(space, training, holdout, synthetic, holdout);

        // 1 → .1 vs .4 (training); 6 → .4 vs .1 (holdout); 0 → 0 vs .5 (training); 7.5 → .25 vs .25 (tie, one half).
        Assert.Equal(2.5 / 4, share, Tolerance);
        Assert.Equal((0.1 + 0.25) / 2, syntheticMedian!.Value, Tolerance);
        Assert.Equal(0.5, holdoutMedian!.Value, Tolerance);
    }

    [Fact]
    public void Without_a_holdout_dcr_is_not_computed_and_says_why()
    {
        var real = Table("t", [Col("x", SdType.Numerical)], [], Enumerable.Range(0, 40).Select(i => (object?)(double)i).ToArray());

        var dcr = Evaluate(real, real).Privacy.Dcr;

        Assert.Equal(DcrSummary.NoHoldout, dcr.Status);
        Assert.Null(dcr.ShareCloserToTraining);
        Assert.Empty(dcr.Tables);
        Assert.False(dcr.Warning);
    }

    [Fact]
    public void Dcr_against_rows_held_out_of_the_fit_flags_a_copy_of_the_fitted_rows_and_not_fresh_draws()
    {
        EvaluationColumn[] columns = [Col("id", SdType.Id), Col("x", SdType.Numerical), Col("c", SdType.Categorical)];
        var random = new Random(5);
        object?[] Row(long id) => [id, random.NextDouble() * 100, random.Next(4) == 0 ? "a" : "b"];
        var realRows = Enumerable.Range(0, 600).Select(i => Row(i)).ToList();
        var rule = HoldoutRule.Create(0.3, 11);
        var seed = rule.TableSeed("t");
        var fitted = realRows.Where(r => !rule.IsHeldOut(new object?[] { r[0] }, seed)).ToList();
        var real = new EvaluationTable("t", columns, ["id"], [], realRows);
        var copy = new EvaluationTable("t", columns, ["id"], [], fitted.Select((r, i) => new object?[] { 10_000L + i, r[1], r[2] }).ToList());
        var fresh = new EvaluationTable("t", columns, ["id"], [], Enumerable.Range(0, 600).Select(i => Row(20_000 + i)).ToList());
        var request = new EvaluationRequest(rule);

        var copiedPrivacy = Evaluator.Evaluate(new EvaluationDataset([real], []), new EvaluationDataset([copy], []), null, request).Privacy;
        var independentPrivacy = Evaluator.Evaluate(new EvaluationDataset([real], []), new EvaluationDataset([fresh], []), null, request).Privacy;
        var (copied, independent) = (copiedPrivacy.Dcr, independentPrivacy.Dcr);

        Assert.Equal(DcrSummary.Measured, copied.Status);
        var table = Assert.Single(copied.Tables);
        Assert.Equal(600, table.TrainingRows + table.HoldoutRows);
        Assert.InRange(table.HoldoutRows, 140, 220);

        // The fitted sample is as big as the held-out one (~180 of ~420 fitted rows), so a copy lands at distance 0
        // from it ~43% of the time and ties otherwise: about 0.43 + 0.57 / 2.
        Assert.True(copied.ShareCloserToTraining > 0.6, $"a copy of the fitted rows is closer to them: {copied.ShareCloserToTraining}");
        Assert.True(copied.Warning);
        Assert.InRange(independent.ShareCloserToTraining!.Value, 0.4, 0.6);
        Assert.False(independent.Warning);

        // On every row: all synthetic rows equal a fitted row; held-out real rows (distinct numbers) equal none.
        Assert.Equal(1.0, copiedPrivacy.ExactMatch.FittedRate!.Value, Tolerance);
        Assert.Equal(0.0, copiedPrivacy.ExactMatch.HeldOutRate!.Value, Tolerance);
        Assert.Equal(0.0, independentPrivacy.ExactMatch.FittedRate!.Value, Tolerance);
        Assert.Contains(copiedPrivacy.Warnings, w => w.Contains("reproduces the rows it saw", StringComparison.Ordinal));
    }

    /// <summary>
    /// A lookup copied verbatim (every real name one of a kind, every synthetic row equal to a real one) is listed on its
    /// own and left out of the copy rate and the rare-category leaks; a generated table whose few common values match
    /// everywhere by chance stays in the figures.
    /// </summary>
    [Fact]
    public void A_table_identical_to_the_real_one_is_reported_apart_and_chance_matches_are_not()
    {
        EvaluationColumn[] lookup = [Col("id", SdType.Id), Col("name", SdType.Categorical)];
        EvaluationColumn[] lines = [Col("id", SdType.Id), Col("quantity", SdType.Categorical)];
        var names = Values("Rock", "Jazz", "Blues", "Pop", "Soul", "Opera");
        var realLookup = Table("genre", lookup, ["id"], Longs(1, 2, 3, 4, 5, 6), names);
        var copiedLookup = Table("genre", lookup, ["id"], Longs(1, 2, 3, 4, 5, 6), Values("Rock", "Jazz", "Blues", "Pop", "Soul", "Opera"));
        var realLines = Table("line", lines, ["id"], Longs(1, 2, 3, 4, 5, 6, 7, 8), Longs(1, 1, 1, 1, 1, 1, 1, 1));
        var syntheticLines = Table("line", lines, ["id"], Longs(11, 12, 13, 14, 15, 16, 17, 18), Longs(1, 1, 1, 1, 1, 1, 1, 1));

        var privacy = Evaluator.Evaluate(new EvaluationDataset([realLookup, realLines], []), new EvaluationDataset([copiedLookup, syntheticLines], []), null).Privacy;

        var identical = Assert.Single(privacy.ExactMatch.IdenticalTables!);
        Assert.Equal(("genre", 6L, 6L), (identical.Table, identical.Rows, identical.RealRows));
        // Only the order lines are pooled: 8 of 8 match, as new rows from the source would (each real row is common).
        Assert.Equal((8L, 8L), (privacy.ExactMatch.Matches, privacy.ExactMatch.SyntheticRows));
        Assert.Equal(0, privacy.RareCategoryLeaks.Leaks);
        Assert.DoesNotContain(privacy.RareCategoryLeaks.Columns, c => c.Table == "genre");

        // The subset --scale-reference keeps is a copy too; a table with more rows than the real one is not (it repeats real rows).
        var kept = Table("genre", lookup, ["id"], Longs(1, 2, 3, 4), Values("Rock", "Jazz", "Blues", "Pop"));
        var subset = Evaluator.Evaluate(new EvaluationDataset([realLookup, realLines], []), new EvaluationDataset([kept, syntheticLines], []), null).Privacy;
        Assert.Equal(("genre", 4L, 6L), Assert.Single(subset.ExactMatch.IdenticalTables!) is var t ? (t.Table, t.Rows, t.RealRows) : default);
        Assert.Equal(0, subset.RareCategoryLeaks.Leaks);
        var repeated = Table("genre", lookup, ["id"], Longs(1, 2, 3, 4, 5, 6, 7), Values("Rock", "Jazz", "Blues", "Pop", "Soul", "Opera", "Rock"));
        var more = Evaluator.Evaluate(new EvaluationDataset([realLookup, realLines], []), new EvaluationDataset([repeated, syntheticLines], []), null).Privacy;
        Assert.Empty(more.ExactMatch.IdenticalTables ?? []);
        Assert.True(more.RareCategoryLeaks.Leaks > 0);

        // A table bigger than any lookup, copied whole beside generated ones, is what the figures must catch.
        var ids = Enumerable.Range(1, 1500).Select(i => (long)i).ToArray();
        var people = ids.Select(i => (object?)("name" + i)).ToArray();
        var realBig = Table("people", lookup, ["id"], Longs(ids), people);
        var copiedBig = Table("people", lookup, ["id"], Longs(ids), ids.Select(i => (object?)("name" + i)).ToArray());
        var big = Evaluator.Evaluate(new EvaluationDataset([realBig, realLines], []), new EvaluationDataset([copiedBig, syntheticLines], []), null).Privacy;
        Assert.Empty(big.ExactMatch.IdenticalTables ?? []);
        Assert.Equal(1508L, big.ExactMatch.Matches);
    }

    private static Synthesis.Evaluation.Results.EvaluationResult Evaluate(EvaluationTable real, EvaluationTable synthetic, EvaluationOptions? options = null) =>
        Evaluator.Evaluate(new EvaluationDataset([real], []), new EvaluationDataset([synthetic], []), options);
}
