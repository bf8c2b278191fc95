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

        var properties = new Table().Border(TableBorder.Simple).Title("properties");
        properties.AddColumn("report");
        properties.AddColumn("property");
        properties.AddColumn(new TableColumn("score").RightAligned());
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
        foreach (var note in result.Sampling)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]sampled:[/] {0} ({1}) {2}: {3} of {4} rows",
                Markup.Escape(note.Table), note.Side, Markup.Escape(note.Purpose), ScoreFormat.Count(note.RowsUsed), ScoreFormat.Count(note.Rows));
        }

        foreach (var warning in outcome.Warnings.Concat(result.Privacy.Warnings))
            console.MarkupLine("[yellow]warning:[/] {0}", Markup.Escape(warning));
    }

    /// <summary>Six lines for the end of `clone`: the overall scores, the properties and the privacy figures.</summary>
    public static void WriteSummary(IAnsiConsole console, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]quality[/] [{0}]{1}[/]   [bold]diagnostic[/] [{2}]{3}[/]",
            ScoreFormat.Colour(result.Quality.Overall), ScoreFormat.Score(result.Quality.Overall),
            ScoreFormat.Colour(result.Diagnostic.Overall), ScoreFormat.Score(result.Diagnostic.Overall));
        console.MarkupLine("  {0}", Markup.Escape(string.Join("   ", result.Quality.Properties.Select(p => $"{p.Key} {ScoreFormat.Score(p.Value)}"))));
        console.MarkupLine("  {0}", Markup.Escape(string.Join("   ", result.Diagnostic.Properties.Select(p => $"{p.Key} {ScoreFormat.Score(p.Value)}"))));
        var worst = result.Quality.WorstColumns(3);
        if (worst.Count > 0)
            console.MarkupLine("  worst columns: {0}", Markup.Escape(string.Join(", ", worst.Select(c => $"{c.Table}.{c.Column} {ScoreFormat.Score(c.Score)}"))));
        var p = result.Privacy;
        console.MarkupLine(CultureInfo.InvariantCulture, "  privacy: exact matches {0}, closer to training {1}, pii leaks {2}, rare-category leaks {3}",
            ScoreFormat.Percent(p.ExactMatchRate), ScoreFormat.Percent(p.Dcr.ShareCloserToTraining), ScoreFormat.Count(p.PiiLeaks.Leaks), ScoreFormat.Count(p.RareCategoryLeaks.Leaks));
        if (result.Sampling.Count > 0)
            console.MarkupLine(CultureInfo.InvariantCulture, "  [grey]{0} figure(s) on seeded samples; `evaluate --html` shows them all[/]", result.Sampling.Count);
    }

    private static void WritePrivacy(IAnsiConsole console, PrivacyResult p)
    {
        var table = new Table().Border(TableBorder.Simple).Title("privacy");
        table.AddColumn("check");
        table.AddColumn(new TableColumn("figure").RightAligned());
        table.AddColumn("detail");
        table.AddRow("exact matches", ScoreFormat.Percent(p.ExactMatchRate),
            $"{ScoreFormat.Count(p.ExactMatch.Matches)} of {ScoreFormat.Count(p.ExactMatch.SyntheticRows)} synthetic rows equal a real row (non-key columns)");
        table.AddRow("closer to training", ScoreFormat.Percent(p.Dcr.ShareCloserToTraining),
            $"distance to closest record; about 50% is independent data, above {ScoreFormat.Percent(p.Dcr.WarningShare)} warns");
        table.AddRow("pii/text leaks", ScoreFormat.Count(p.PiiLeaks.Leaks),
            $"of {ScoreFormat.Count(p.PiiLeaks.Checked)} synthetic pii/text values found among the real ones");
        table.AddRow("rare-category leaks", ScoreFormat.Count(p.RareCategoryLeaks.Leaks),
            $"of {ScoreFormat.Count(p.RareCategoryLeaks.Checked)} synthetic rows carry a category seen fewer than k times");
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
        table.AddRow(report, Markup.Escape(name), Coloured(score));

    private static string Coloured(double? score) => $"[{ScoreFormat.Colour(score)}]{ScoreFormat.Score(score)}[/]";
}
