using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Xunit;
using static Sdv.Connector.Synthesis.Tests.Evaluation.Data;

namespace Sdv.Connector.Synthesis.Tests.Evaluation;

/// <summary>SDMetrics' own report figures for REFERENCE §8's two-table example, to 1e-9.</summary>
public sealed class EndToEndReportTests
{
    [Fact]
    public void Quality_report_matches_SDMetrics()
    {
        var (real, synthetic) = EndToEnd();
        var quality = Evaluator.Evaluate(real, synthetic).Quality;

        Assert.Equal(0.7833333333333334, quality.Properties[QualityReport.ColumnShapes]!.Value, Tolerance);
        Assert.Equal(0.6233436100103098, quality.Properties[QualityReport.ColumnPairTrendsProperty]!.Value, Tolerance);
        Assert.Equal(0.75, quality.Properties[QualityReport.Cardinality]!.Value, Tolerance);
        Assert.Equal(0.6733149592186087, quality.Properties[QualityReport.IntertableTrends]!.Value, Tolerance);
        Assert.Equal(0.707497975640563, quality.Overall!.Value, Tolerance);
    }

    /// <summary>Tables and relationships evaluated several at once give the figures of one at a time, detail by detail.</summary>
    [Fact]
    public void Evaluating_tables_at_once_gives_the_figures_of_one_at_a_time()
    {
        var (real, synthetic) = EndToEnd();
        var oneAtATime = Evaluator.Evaluate(real, synthetic, new EvaluationOptions { MaxParallel = 1 });
        var atOnce = Evaluator.Evaluate(real, synthetic, new EvaluationOptions { MaxParallel = 4 });
        var expected = System.Text.Json.JsonSerializer.Serialize(oneAtATime);
        Assert.True(expected.Length > 1_000, expected);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(atOnce));
        Assert.Equal(0.707497975640563, atOnce.Quality.Overall!.Value, Tolerance);
        Assert.Throws<ArgumentException>(() => new EvaluationOptions { MaxParallel = 0 }.Validate());
    }

    [Fact]
    public void Column_pair_details_match_SDMetrics()
    {
        var (real, synthetic) = EndToEnd();
        var pairs = Evaluator.Evaluate(real, synthetic).Quality.ColumnPairTrends;

        Assert.Equal(
            ["users:age-country", "users:age-signup", "users:country-signup", "orders:amount-paid"],
            pairs.Select(p => $"{p.Table}:{p.Column1}-{p.Column2}"));
        var ageSignup = pairs.Single(p => p.Column2 == "signup" && p.Column1 == "age");
        Assert.Equal("CorrelationSimilarity", ageSignup.Metric);
        Assert.Equal(0.993374440041239, ageSignup.Score!.Value, Tolerance);
        Assert.True(ageSignup.MeetsThreshold);
        Assert.All(pairs.Where(p => p != ageSignup), p =>
        {
            Assert.Equal("ContingencySimilarity", p.Metric);
            Assert.Equal(0.5, p.Score!.Value, Tolerance);
            Assert.True(p.MeetsThreshold);
        });
    }

    [Fact]
    public void Intertable_trends_skip_country_paid_whose_association_is_zero()
    {
        var (real, synthetic) = EndToEnd();
        var intertable = Evaluator.Evaluate(real, synthetic).Quality.IntertableTrends;

        Assert.Equal(6, intertable.Count);
        Assert.All(intertable, p => Assert.Equal("orders", p.Table));
        Assert.All(intertable, p => Assert.Equal("users", p.ParentTable));
        var countryPaid = intertable.Single(p => p.Column1 == "country" && p.Column2 == "paid");
        Assert.Equal(0.0, countryPaid.RealAssociation!.Value, Tolerance);
        Assert.False(countryPaid.MeetsThreshold);
        Assert.Null(countryPaid.Score);
    }

    [Fact]
    public void Diagnostic_report_matches_SDMetrics()
    {
        var (real, synthetic) = EndToEnd();
        var diagnostic = Evaluator.Evaluate(real, synthetic).Diagnostic;

        Assert.Equal(0.880952380952381, diagnostic.Properties[DiagnosticReport.DataValidity]!.Value, Tolerance);
        Assert.Equal(1.0, diagnostic.Properties[DiagnosticReport.DataStructure]!.Value, Tolerance);
        Assert.Equal(1.0, diagnostic.Properties[DiagnosticReport.RelationshipValidity]!.Value, Tolerance);
        Assert.Equal(0.9603174603174603, diagnostic.Overall!.Value, Tolerance);

        // The foreign key orders.user_id is an id that is not a key of its table: SDMetrics skips it.
        Assert.Equal(
            ["users.user_id KeyUniqueness", "users.age BoundaryAdherence", "users.country CategoryAdherence", "users.signup BoundaryAdherence",
             "orders.order_id KeyUniqueness", "orders.amount BoundaryAdherence", "orders.paid CategoryAdherence"],
            diagnostic.DataValidity.Select(v => $"{v.Table}.{string.Join("+", v.Columns)} {v.Metric}"));
    }

    [Fact]
    public void Without_relationships_quality_is_the_mean_of_the_single_table_properties()
    {
        var (real, synthetic) = EndToEnd(relationships: false);
        var quality = Evaluator.Evaluate(real, synthetic).Quality;

        Assert.Equal(0.7033384716718216, quality.Overall!.Value, Tolerance);
        Assert.Null(quality.Properties[QualityReport.Cardinality]);
        Assert.Null(quality.Properties[QualityReport.IntertableTrends]);
    }

    [Fact]
    public void With_empty_synthetic_orders_intertable_trends_are_one_half()
    {
        var (real, synthetic) = EndToEnd(emptySyntheticOrders: true);
        var quality = Evaluator.Evaluate(real, synthetic).Quality;

        Assert.Equal(0.5, quality.Properties[QualityReport.IntertableTrends]!.Value, Tolerance);
        Assert.Equal(0.5308359025025775, quality.Overall!.Value, Tolerance);
    }

    [Fact]
    public void A_single_table_does_not_list_the_multi_table_properties()
    {
        var (real, synthetic) = EndToEnd(relationships: false);
        var result = Evaluator.Evaluate(
            real with { Tables = [real.Tables[0]] }, synthetic with { Tables = [synthetic.Tables[0]] });

        Assert.Equal([QualityReport.ColumnShapes, QualityReport.ColumnPairTrendsProperty], result.Quality.Properties.Keys);
        Assert.Equal([DiagnosticReport.DataValidity, DiagnosticReport.DataStructure], result.Diagnostic.Properties.Keys);
    }

    [Fact]
    public void Pair_trends_bin_real_and_synthetic_on_their_own_edges()
    {
        // REFERENCE §8: x shifted by 100 keeps its relation to c, so the pair scores 1.0.
        var columns = new[] { Col("x", SchemaIntrospection.Model.SdType.Numerical), Col("c", SchemaIntrospection.Model.SdType.Categorical) };
        var cats = Values("a", "a", "a", "a", "a", "b", "b", "b", "b", "b");
        var real = Table("t", columns, [], Longs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), cats);
        var synthetic = Table("t", columns, [], Longs(101, 102, 103, 104, 105, 106, 107, 108, 109, 110), cats);

        var quality = Evaluator.Evaluate(new EvaluationDataset([real], []), new EvaluationDataset([synthetic], [])).Quality;

        Assert.Equal(1.0, quality.Properties[QualityReport.ColumnPairTrendsProperty]!.Value, Tolerance);
    }

    [Fact]
    public void Composite_primary_key_adds_one_key_uniqueness_row_on_the_tuple()
    {
        var columns = new[] { Col("a", SchemaIntrospection.Model.SdType.Id), Col("b", SchemaIntrospection.Model.SdType.Id) };
        var real = Table("t", columns, ["a", "b"], Longs(1, 1, 2), Longs(1, 2, 1));
        var synthetic = Table("t", columns, ["a", "b"], Longs(1, 1, 1, 2), Longs(1, 2, 1, 2));

        var validity = Evaluator.Evaluate(new EvaluationDataset([real], []), new EvaluationDataset([synthetic], [])).Diagnostic.DataValidity;

        var row = Assert.Single(validity);
        Assert.Equal(["a", "b"], row.Columns);
        Assert.Equal("KeyUniqueness", row.Metric);
        Assert.Equal(0.75, row.Score!.Value, Tolerance);
    }
}
