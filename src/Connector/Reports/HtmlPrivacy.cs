using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Reports;

/// <summary>The privacy and machine-learning sections of the HTML report: each figure beside what it means and when it is a problem.</summary>
internal static class HtmlPrivacy
{
    public static void Privacy(StringBuilder html, PrivacyResult p)
    {
        html.Append("<section id=\"privacy\"><h2>Privacy</h2><table class=\"figures\"><thead><tr><th>check</th><th class=\"num\">figure</th><th>what it means</th></tr></thead><tbody>");
        foreach (var line in PrivacyLines.Of(p))
            Row(html, line.Check, line.Figure, line.Detail);
        html.Append("</tbody></table>");
        ExactMatches(html, p);
        Dcr(html, p.Dcr);
        html.Append("</section>");
    }

    private static void ExactMatches(StringBuilder html, PrivacyResult p)
    {
        var rows = p.ExactMatch.Tables.Concat(p.ExactMatch.QuasiIdentifiers).ToList();
        if (rows.Count == 0) return;
        html.Append("<details open><summary>Exact matches per table, on every row</summary><table class=\"figures\"><thead><tr><th>table</th><th>columns</th><th class=\"num\">matches</th><th class=\"num\">chance (marginals)</th><th class=\"num\">new rows</th><th></th></tr></thead><tbody>");
        foreach (var t in rows)
        {
            var columns = (t.Kind == "learned" ? "learned: " : "quasi-identifiers: ") + string.Join(", ", t.Columns);
            var flag = t.Error ?? (t.AboveChance ? "well above chance" : string.Empty);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(t.Table)}</td><td>{E(columns)}</td><td class=\"num\">{ScoreFormat.Percent(t.Rate)}</td><td class=\"num\">{ScoreFormat.Percent(t.ChanceRate)}</td><td class=\"num\">{ScoreFormat.Percent(t.NewRowRate)}</td><td class=\"muted\">{E(flag)}</td></tr>");
        }

        html.Append("</tbody></table></details>");
    }

    private static void Dcr(StringBuilder html, DcrSummary dcr)
    {
        if (dcr.Tables.Count == 0) return;
        html.Append("<details><summary>Distance to closest record per table</summary><table class=\"figures\"><thead><tr><th>table</th><th class=\"num\">closer to fitted rows</th><th class=\"num\">median distance synthetic→fitted / held-out→fitted</th><th class=\"num\">rows fitted / held out / synthetic</th></tr></thead><tbody>");
        foreach (var d in dcr.Tables)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(d.Table)}</td><td class=\"num\">{ScoreFormat.Percent(d.ShareCloserToTraining)}</td><td class=\"num\">{ScoreFormat.Score(d.SyntheticToTrainingMedian)} / {ScoreFormat.Score(d.HoldoutToTrainingMedian)}</td><td class=\"num\">{ScoreFormat.Count(d.TrainingRows)} / {ScoreFormat.Count(d.HoldoutRows)} / {ScoreFormat.Count(d.SyntheticRows)}</td></tr>");
        }

        html.Append("</tbody></table></details>");
    }

    public static void MachineLearning(StringBuilder html, MachineLearningResult ml)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<section id=\"machine-learning\"><h2>Machine learning efficacy</h2><p class=\"muted\">{E(ml.Task)} of <code>{E(ml.Table)}.{E(ml.Target)}</code> from {ml.Features.Count} feature column(s); both models are tested on the same {ScoreFormat.Count(ml.HoldoutRows)} real holdout rows. Ratio of {E(ml.Metric)}: <strong>{ScoreFormat.Score(ml.Ratio)}</strong> (1 means the clone trains as good a model).</p>");
        html.Append("<table class=\"figures\"><thead><tr><th>trained on</th><th class=\"num\">rows</th><th class=\"num\">accuracy</th><th class=\"num\">macro F1</th><th class=\"num\">R²</th></tr></thead><tbody>");
        foreach (var (side, rows, scores) in new[] { ("real", ml.RealTrainingRows, ml.Real), ("synthetic", ml.SyntheticTrainingRows, ml.Synthetic) })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{side}</td><td class=\"num\">{ScoreFormat.Count(rows)}</td><td class=\"num\">{ScoreFormat.Score(scores.Accuracy)}</td><td class=\"num\">{ScoreFormat.Score(scores.MacroF1)}</td><td class=\"num\">{ScoreFormat.Score(scores.RSquared)}</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var note in ml.Notes) html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(note)}</p>");
        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string check, string figure, string meaning) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(check)}</td><td class=\"num\"><b>{E(figure)}</b></td><td>{E(meaning)}</td></tr>");

    private static string E(string text) => HtmlReport.E(text);
}
