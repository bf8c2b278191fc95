using System.Globalization;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Spectre.Console;

namespace Sdv.Connector.Reports;

/// <summary>
/// What `evaluate` prints: overall quality and diagnostic, each property, the ten worst columns and
/// pairs, the privacy figures and the sampling notes. Plain text when the console is not a terminal.
/// </summary>
internal static class QualityConsoleReport
{
    public static void Write(IAnsiConsole console, EvaluateOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result;
        var rows = result.Tables.Sum(t => t.RealRows);
        var synthetic = result.Tables.Sum(t => t.SyntheticRows);
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Evaluation[/]: {0} tables, {1} real rows, {2} synthetic rows",
            result.Tables.Count, ScoreFormat.Count(rows), ScoreFormat.Count(synthetic));
        console.MarkupLine(CultureInfo.InvariantCulture, "quality    [bold {0}]{1}[/]   diagnostic [bold {2}]{3}[/]",
            ScoreFormat.Colour(result.Quality.Overall), ScoreFormat.Score(result.Quality.Overall),
            ScoreFormat.Colour(result.Diagnostic.Overall), ScoreFormat.Score(result.Diagnostic.Overall));

        var properties = new Table().Border(TableBorder.Simple).Title("properties (1 = the clone is indistinguishable from the source; every row counted)");
        properties.AddColumn("report");
        properties.AddColumn("property");
        properties.AddColumn(new TableColumn("score").RightAligned());
        properties.AddColumn("what it measures");
        foreach (var (name, score) in result.Quality.Properties) AddProperty(properties, "quality", name, score);
        foreach (var (name, score) in result.Diagnostic.Properties) AddProperty(properties, "diagnostic", name, score);
        console.Write(properties);

        var worstColumns = result.Quality.WorstColumns(10);
        if (worstColumns.Count > 0)
        {
            var columns = new Table().Border(TableBorder.Simple).Title("worst columns");
            columns.AddColumn("table");
            columns.AddColumn("column");
            columns.AddColumn("metric");
            columns.AddColumn(new TableColumn("score").RightAligned());
            foreach (var c in worstColumns)
                columns.AddRow(Markup.Escape(c.Table), Markup.Escape(c.Column), c.Metric, Coloured(c.Score));
            console.Write(columns);
        }

        var worstPairs = result.Quality.WorstPairs(10);
        if (worstPairs.Count > 0)
        {
            var pairs = new Table().Border(TableBorder.Simple).Title("worst pairs");
            pairs.AddColumn("table");
            pairs.AddColumn("columns");
            pairs.AddColumn("metric");
            pairs.AddColumn(new TableColumn("score").RightAligned());
            foreach (var p in worstPairs)
            {
                var first = p.ParentTable is null ? p.Column1 : $"{p.ParentTable}.{p.Column1}";
                pairs.AddRow(Markup.Escape(p.Table), Markup.Escape($"{first} ~ {p.Column2}"), p.Metric, Coloured(p.Score));
            }

            console.Write(pairs);
        }

        WritePrivacy(console, result.Privacy);
        if (result.MachineLearning is { } ml) WriteMachineLearning(console, ml);
        foreach (var missing in result.Missing)
            console.MarkupLine("[red]missing:[/] {0}", Markup.Escape(missing.Message));
        foreach (var note in result.Sampling)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]sampled:[/] {0} ({1}) {2}: {3} of {4} rows",
                Markup.Escape(note.Table), note.Side, Markup.Escape(note.Purpose), ScoreFormat.Count(note.RowsUsed), ScoreFormat.Count(note.Rows));
        }

        foreach (var warning in outcome.Warnings.Concat(result.Privacy.Warnings))
            console.MarkupLine("[yellow]warning:[/] {0}", Markup.Escape(warning));
    }

    /// <summary>
    /// The end of `clone`: the overall scores, each property and each privacy figure on a line of its own with what it
    /// means, and what is missing from the clone.
    /// </summary>
    public static void WriteSummary(IAnsiConsole console, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]quality[/] [{0}]{1}[/]   [bold]diagnostic[/] [{2}]{3}[/]   [grey](SDMetrics' reports on every row: 1 = indistinguishable from the source)[/]",
            ScoreFormat.Colour(result.Quality.Overall), ScoreFormat.Score(result.Quality.Overall),
            ScoreFormat.Colour(result.Diagnostic.Overall), ScoreFormat.Score(result.Diagnostic.Overall));
        foreach (var (name, score) in result.Quality.Properties.Concat(result.Diagnostic.Properties))
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "  {0,-22} [{1}]{2}[/]  [grey]{3}[/]",
                Markup.Escape(name), ScoreFormat.Colour(score), ScoreFormat.Score(score), Markup.Escape(Meaning(name)));
        }

        var worst = result.Quality.WorstColumns(3);
        if (worst.Count > 0)
        {
            console.MarkupLine("  worst columns: {0}  [grey]{1}[/]", Markup.Escape(string.Join(", ", worst.Select(c => $"{c.Table}.{c.Column} {ScoreFormat.Score(c.Score)}"))),
                Markup.Escape(WorstColumnsMeaning));
        }
        foreach (var line in PrivacyLines.Of(result.Privacy))
            console.MarkupLine(CultureInfo.InvariantCulture, "  {0,-24} {1,6}  [grey]{2}[/]", Markup.Escape(line.Check), Markup.Escape(line.Figure), Markup.Escape(line.Summary));
        foreach (var missing in result.Missing)
            console.MarkupLine("  [red]missing:[/] {0}", Markup.Escape(missing.Message));
        if (result.Sampling.Count > 0)
            console.MarkupLine(CultureInfo.InvariantCulture, "  [grey]{0} figure(s) on seeded samples (distance to closest record); `evaluate` lists them[/]", result.Sampling.Count);
    }

    /// <summary>What the worst columns line of the clone's summary shows.</summary>
    public const string WorstColumnsMeaning = "furthest from the source's distribution (unique names and rare values are generated, not copied, so score low)";

    /// <summary>One line on what a property measures.</summary>
    public static string Meaning(string property) => property switch
    {
        "Column Shapes" => "each column's distribution (KS for numbers and dates, TV for categories)",
        "Column Pair Trends" => "correlations and contingency of column pairs associated in the source",
        "Cardinality" => "how many children each parent row has, per relationship",
        "Intertable Trends" => "pairs of a parent column and a child column across each relationship",
        "Data Validity" => "values within the source's ranges and categories; keys unique",
        "Data Structure" => "the same columns with the same data types",
        "Relationship Validity" => "foreign keys point to existing parents; children counts within the source's range",
        _ => string.Empty,
    };

    private static void WritePrivacy(IAnsiConsole console, PrivacyResult p)
    {
        var table = new Table().Border(TableBorder.Simple).Title("privacy");
        table.AddColumn("check");
        table.AddColumn(new TableColumn("figure").RightAligned());
        table.AddColumn("what it means");
        foreach (var line in PrivacyLines.Of(p))
            table.AddRow(Markup.Escape(line.Check), Markup.Escape(line.Figure), Markup.Escape(line.Detail));
        console.Write(table);
    }

    private static void WriteMachineLearning(IAnsiConsole console, MachineLearningResult ml)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"machine learning: {ml.Task} of {ml.Table}.{ml.Target}, tested on {ScoreFormat.Count(ml.HoldoutRows)} real holdout rows"));
        table.AddColumn("trained on");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn(new TableColumn("accuracy").RightAligned());
        table.AddColumn(new TableColumn("macro F1").RightAligned());
        table.AddColumn(new TableColumn("R²").RightAligned());
        table.AddRow("real", ScoreFormat.Count(ml.RealTrainingRows), ScoreFormat.Score(ml.Real.Accuracy), ScoreFormat.Score(ml.Real.MacroF1), ScoreFormat.Score(ml.Real.RSquared));
        table.AddRow("synthetic", ScoreFormat.Count(ml.SyntheticTrainingRows), ScoreFormat.Score(ml.Synthetic.Accuracy), ScoreFormat.Score(ml.Synthetic.MacroF1), ScoreFormat.Score(ml.Synthetic.RSquared));
        table.AddRow("synthetic / real", string.Empty, string.Empty, ml.Metric == "macroF1" ? Coloured(ml.Ratio) : string.Empty, ml.Metric == "rSquared" ? Coloured(ml.Ratio) : string.Empty);
        console.Write(table);
        foreach (var note in ml.Notes) console.MarkupLine("[grey]machine learning:[/] {0}", Markup.Escape(note));
    }

    private static void AddProperty(Table table, string report, string name, double? score) =>
        table.AddRow(report, Markup.Escape(name), Coloured(score), Markup.Escape(Meaning(name)));

    private static string Coloured(double? score) => $"[{ScoreFormat.Colour(score)}]{ScoreFormat.Score(score)}[/]";
}
