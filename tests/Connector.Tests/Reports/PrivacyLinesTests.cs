using Sdv.Connector.Cli;
using Sdv.Connector.Reports;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Xunit;

namespace Sdv.Connector.Tests.Reports;

/// <summary>
/// The one-line explanations of the clone's quality summary: what each figure counts and whether it is a problem,
/// decided from the figures (a pii value equal to a real one is a leak only when few real rows have it).
/// </summary>
public sealed class PrivacyLinesTests
{
    private static readonly ExactMatchSummary NoCopies = new(0.30, 300, 1000, 0.02, 0.29, [], []);
    private static readonly DcrSummary NoHoldout = new(DcrSummary.NoHoldout, null, null, 0.5, false, []);

    [Theory]
    [InlineData(0, 0, 0, "0", "none, no leak")]
    // Generated first names equal to real ones are chance, even when the real name is rare (one customer called Mark).
    [InlineData(32, 0, 0, "32", "common names and places, or values 5+ real rows share (most: patients.first_name), chance: not a leak")]
    // A note many real rows share (a template) is chance too.
    [InlineData(0, 40, 0, "40", "common names and places, or values 5+ real rows share (most: visits.notes), chance: not a leak")]
    [InlineData(32, 0, 3, "35", "3 match a rare e-mail, number, address or text (most: patients.email): a leak, look at it")]
    public void Pii_leaks_are_a_problem_only_when_they_can_point_at_a_person(long names, long notes, long emails, string figure, string verdict)
    {
        List<PiiLeakDetail> columns =
        [
            new("patients", "first_name", "pii", 500, names, names / 500.0, "first_name", names, 5),
            new("patients", "email", "pii", 500, emails, emails / 500.0, "email", emails, 5),
            new("visits", "notes", "text", 500, notes, notes / 500.0, null, 0, 5),
        ];
        var leaked = names + notes + emails;
        var line = Line(Privacy(pii: new LeakSummary<PiiLeakDetail>(leaked, 1500, leaked / 1500.0, columns)), "pii/text leaks");
        Assert.Equal(figure, line.Figure);
        Assert.Equal($"generated pii/text values (of 1,500) equal to a real one: {verdict}", line.Summary);
    }

    [Fact]
    public void Exact_matches_say_chance_and_whether_rows_look_copied()
    {
        Assert.Equal("rows equal to a real row on every learned column; chance gives 29.0%: no sign of copying", Line(Privacy(), "exact matches").Summary);
        var copied = Line(Privacy(exact: NoCopies with { Rate = 0.9, Matches = 900 }), "exact matches");
        Assert.Equal("90.0%", copied.Figure);
        Assert.EndsWith("chance gives 29.0%: well above chance, rows may be copied (check with --holdout)", copied.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_that_need_a_holdout_say_how_to_measure_them()
    {
        var privacy = Privacy();
        Assert.Equal(("-", "not measured: needs rows held out of the fit (--holdout 0.2 on clone and evaluate)"), (Line(privacy, "copies of fitted rows").Figure, Line(privacy, "copies of fitted rows").Summary));
        Assert.StartsWith("not measured: needs rows held out of the fit", Line(privacy, "closer to fitted rows").Summary, StringComparison.Ordinal);

        var measured = Privacy(exact: NoCopies with { FittedRate = 0.2, HeldOutRate = 0.05 }, dcr: new DcrSummary(DcrSummary.Measured, 0.2, 0.71, 0.6, true, []));
        Assert.EndsWith("5.0% for rows it never saw: well above, the model reproduces its rows: a problem", Line(measured, "copies of fitted rows").Summary, StringComparison.Ordinal);
        Assert.EndsWith("about 50% is fine: above 60.0%, the clone leans on its training rows", Line(measured, "closer to fitted rows").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rare_category_leaks_are_a_problem_and_copied_lookups_are_a_line_of_their_own()
    {
        var none = new LeakSummary<RareCategoryLeakDetail>(0, 2000, 0, [new("Track", "Name", 5, 0, 2000, 0, 0)]);
        Assert.Equal("rows (of 2,000) with a category fewer than 5 real rows have: none, rare categories are not reproduced", Line(Privacy(rare: none), "rare-category leaks").Summary);

        var some = new LeakSummary<RareCategoryLeakDetail>(4, 2000, 4 / 2000.0, [new("Track", "Name", 5, 2, 2000, 4, 0.002)]);
        Assert.EndsWith(": 4 (most: Track.Name): rare real values reproduced, look at them", Line(Privacy(rare: some), "rare-category leaks").Summary, StringComparison.Ordinal);

        // The lookups the evaluation found copied (whole, or the subset --scale-reference keeps) are named on their own line.
        var copied = Privacy(exact: NoCopies with { IdenticalTables = [new("Genre", 25, 25), new("MediaType", 2, 5)] });
        Assert.Equal("rows of 2 table(s) copied from the real ones (Genre, MediaType 2 of 5): lookups copied by design, left out of the figures above",
            Line(copied, "lookups copied").Summary);
        Assert.Equal("27", Line(copied, "lookups copied").Figure);
    }

    [Fact]
    public void Every_figure_of_the_clone_summary_is_explained_on_its_own_line()
    {
        var result = Evaluator.Evaluate(Dataset(seed: 1), Dataset(seed: 2));
        using var writer = new StringWriter();
        QualityConsoleReport.WriteSummary(Output.For(writer, interactive: false), result);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        // The headline, the seven properties, the worst columns and the six privacy figures: one line each, none wrapped.
        Assert.StartsWith("quality ", lines[0], StringComparison.Ordinal);
        Assert.Contains("1 = indistinguishable from the source", lines[0], StringComparison.Ordinal);
        foreach (var property in new[] { "Column Shapes", "Column Pair Trends", "Cardinality", "Intertable Trends", "Data Validity", "Data Structure", "Relationship Validity" })
        {
            var line = Assert.Single(lines, l => l.StartsWith("  " + property + " ", StringComparison.Ordinal));
            Assert.EndsWith(QualityConsoleReport.Meaning(property), line, StringComparison.Ordinal);
        }
        Assert.EndsWith(QualityConsoleReport.WorstColumnsMeaning, Assert.Single(lines, l => l.StartsWith("  worst columns: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var privacy in PrivacyLines.Of(result.Privacy))
        {
            var line = Assert.Single(lines, l => l.StartsWith("  " + privacy.Check + " ", StringComparison.Ordinal));
            Assert.EndsWith($"{privacy.Figure}  {privacy.Summary}", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', privacy.Summary);
            Assert.InRange(privacy.Summary.Length, 40, 150);
        }
        Assert.Equal(1 + 7 + 1 + 6, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 200, l));
    }

    private static PrivacyLine Line(PrivacyResult privacy, string check) => Assert.Single(PrivacyLines.Of(privacy), l => l.Check == check);

    private static PrivacyResult Privacy(ExactMatchSummary? exact = null, DcrSummary? dcr = null, LeakSummary<PiiLeakDetail>? pii = null,
        LeakSummary<RareCategoryLeakDetail>? rare = null)
    {
        exact ??= NoCopies;
        return new PrivacyResult(exact.Rate, exact, dcr ?? NoHoldout, pii ?? new LeakSummary<PiiLeakDetail>(0, 0, null, []),
            rare ?? new LeakSummary<RareCategoryLeakDetail>(0, 0, null, []), []);
    }

    /// <summary>customers(id, age, plan, email) and orders(id, customer → customers, amount): enough for every figure.</summary>
    private static EvaluationDataset Dataset(int seed)
    {
        var random = new Random(seed);
        EvaluationColumn[] customers = [new("id", SdType.Id), new("age", SdType.Numerical), new("plan", SdType.Categorical), new("email", SdType.Pii, PiiKind.Email)];
        EvaluationColumn[] orders = [new("id", SdType.Id), new("customer", SdType.Id), new("amount", SdType.Numerical)];
        var customerRows = Enumerable.Range(1, 60)
            .Select(i => new object?[] { (long)i, (long)random.Next(18, 80), random.Next(3) switch { 0 => "basic", 1 => "plus", _ => "pro" }, $"user{random.Next(1000)}@example.com" })
            .ToArray();
        var orderRows = Enumerable.Range(1, 150).Select(i => new object?[] { (long)i, (long)random.Next(1, 61), Math.Round(random.NextDouble() * 200, 2) }).ToArray();
        return new EvaluationDataset(
            [new EvaluationTable("customers", customers, ["id"], [], customerRows), new EvaluationTable("orders", orders, ["id"], [], orderRows)],
            [new EvaluationRelationship("customers", ["id"], "orders", ["customer"])]);
    }
}
