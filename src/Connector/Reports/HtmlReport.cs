using System.Globalization;
using System.Net;
using System.Text;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Reports;

/// <summary>
/// The evaluation as one self-contained HTML page: inline CSS and inline SVG, no script and nothing
/// fetched, so it opens offline and can be mailed as it is. Plots show aggregates only (shares per
/// bin or category, correlations, children-per-parent counts); category labels appear only for
/// categorical and boolean columns, and never for a category seen fewer than five times.
/// Every plot is an element of class "plot" with a data-column attribute.
/// </summary>
internal static class HtmlReport
{
    private const int MaxHeatmapColumns = 16;
    private const int MaxCardinalityBars = 30;

    public static string Render(EvaluateOutcome outcome, string realName, string syntheticName)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Synthetic data evaluation</title><style>").Append(HtmlStyle.Css).Append("</style></head><body>");
        Header(html, result, realName, syntheticName);
        Navigation(html, outcome);
        Privacy(html, result.Privacy);
        if (result.MachineLearning is { } ml) MachineLearning(html, ml);
        Worst(html, result.Quality);
        foreach (var table in outcome.Real.Tables)
            Table(html, result, table, outcome.Synthetic.Find(table.Name));
        Relationships(html, outcome.ChildCounts);
        Sampling(html, result.Sampling, outcome.Warnings.Concat(result.Privacy.Warnings).ToList());
        html.Append("<footer id=\"report-end\">Figures follow SDMetrics' QualityReport and DiagnosticReport definitions; see docs/evaluation-json.md. Written by sdv-connector evaluate.</footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, EvaluationResult result, string realName, string syntheticName)
    {
        html.Append("<header><h1>Synthetic data evaluation</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"sub\"><span class=\"swatch real\"></span>real <code>{E(realName)}</code> &nbsp; <span class=\"swatch synthetic\"></span>synthetic <code>{E(syntheticName)}</code></p>");
        html.Append("<div class=\"cards\">");
        Card(html, "Quality", ScoreFormat.Score(result.Quality.Overall), Css(result.Quality.Overall), "mean of the quality properties");
        Card(html, "Diagnostic", ScoreFormat.Score(result.Diagnostic.Overall), Css(result.Diagnostic.Overall), "validity, structure, relationships");
        Card(html, "Exact matches", ScoreFormat.Percent(result.Privacy.ExactMatchRate), "neutral", "synthetic rows equal to a real row");
        Card(html, "Tables", result.Tables.Count.ToString(CultureInfo.InvariantCulture), "neutral",
            $"{ScoreFormat.Count(result.Tables.Sum(t => t.RealRows))} real, {ScoreFormat.Count(result.Tables.Sum(t => t.SyntheticRows))} synthetic rows");
        html.Append("</div><div class=\"props\">");
        foreach (var (name, score) in result.Quality.Properties) PropertyBar(html, "quality", name, score);
        foreach (var (name, score) in result.Diagnostic.Properties) PropertyBar(html, "diagnostic", name, score);
        html.Append("</div></header><main>");
    }

    private static void Card(StringBuilder html, string title, string value, string css, string note) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {css}\"><div class=\"card-title\">{E(title)}</div><div class=\"card-value\">{E(value)}</div><div class=\"card-note\">{E(note)}</div></div>");

    private static void PropertyBar(StringBuilder html, string report, string name, double? score)
    {
        var width = (score ?? 0) * 100;
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"prop\"><span class=\"prop-name\">{E(name)} <small>{report}</small></span><span class=\"bar\"><span class=\"fill {Css(score)}\" style=\"width:{width:0.#}%\"></span></span><span class=\"prop-score\">{ScoreFormat.Score(score)}</span></div>");
    }

    private static void Navigation(StringBuilder html, EvaluateOutcome outcome)
    {
        html.Append("<nav><a href=\"#privacy\">Privacy</a>");
        if (outcome.Result.MachineLearning is not null) html.Append("<a href=\"#machine-learning\">Machine learning</a>");
        html.Append("<a href=\"#worst\">Worst columns and pairs</a>");
        foreach (var table in outcome.Real.Tables)
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{Anchor(table.Name)}\">{E(table.Name)}</a>");
        if (outcome.ChildCounts.Count > 0) html.Append("<a href=\"#relationships\">Relationships</a>");
        html.Append("<a href=\"#sampling\">Sampling</a></nav>");
    }

    private static void Privacy(StringBuilder html, PrivacyResult p)
    {
        html.Append("<section id=\"privacy\"><h2>Privacy</h2><table class=\"figures\"><thead><tr><th>check</th><th class=\"num\">figure</th><th>what it means</th></tr></thead><tbody>");
        Row(html, "Exact matches", ScoreFormat.Percent(p.ExactMatchRate), $"{ScoreFormat.Count(p.ExactMatch.Matches)} of {ScoreFormat.Count(p.ExactMatch.SyntheticRows)} synthetic rows equal a real row on every non-key column.");
        Row(html, "Closer to training", ScoreFormat.Percent(p.Dcr.ShareCloserToTraining),
            $"Distance to closest record: share of synthetic rows nearer the real training half than the holdout half. About 50% is what independent data gives; above {ScoreFormat.Percent(p.Dcr.WarningShare)} is a warning{(p.Dcr.Warning ? " (crossed)" : string.Empty)}.");
        Row(html, "Pii/text leaks", ScoreFormat.Count(p.PiiLeaks.Leaks), $"of {ScoreFormat.Count(p.PiiLeaks.Checked)} synthetic pii and text values were found among the real ones.");
        Row(html, "Rare-category leaks", ScoreFormat.Count(p.RareCategoryLeaks.Leaks), $"of {ScoreFormat.Count(p.RareCategoryLeaks.Checked)} synthetic rows carry a category seen fewer than k times in the real data.");
        html.Append("</tbody></table>");
        if (p.ExactMatch.Tables.Count > 0)
        {
            html.Append("<details><summary>Per table</summary><table class=\"figures\"><thead><tr><th>table</th><th class=\"num\">exact matches</th><th class=\"num\">closer to training</th><th class=\"num\">median distance synthetic / holdout</th></tr></thead><tbody>");
            foreach (var t in p.ExactMatch.Tables)
            {
                var dcr = p.Dcr.Tables.FirstOrDefault(d => d.Table == t.Table);
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(t.Table)}</td><td class=\"num\">{ScoreFormat.Percent(t.Rate)}</td><td class=\"num\">{ScoreFormat.Percent(dcr?.ShareCloserToTraining)}</td><td class=\"num\">{ScoreFormat.Score(dcr?.SyntheticToTrainingMedian)} / {ScoreFormat.Score(dcr?.HoldoutToTrainingMedian)}</td></tr>");
            }

            html.Append("</tbody></table></details>");
        }

        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string check, string figure, string meaning) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(check)}</td><td class=\"num\"><b>{E(figure)}</b></td><td>{E(meaning)}</td></tr>");

    private static void Worst(StringBuilder html, QualityResult quality)
    {
        html.Append("<section id=\"worst\"><h2>Worst columns and pairs</h2><div class=\"two\">");
        html.Append("<table class=\"figures\"><thead><tr><th>table</th><th>column</th><th>metric</th><th class=\"num\">score</th></tr></thead><tbody>");
        foreach (var c in quality.WorstColumns(10))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Table)}</td><td>{E(c.Column)}</td><td>{E(c.Metric)}</td><td class=\"num {Css(c.Score)}\">{ScoreFormat.Score(c.Score)}</td></tr>");
        html.Append("</tbody></table><table class=\"figures\"><thead><tr><th>table</th><th>columns</th><th>metric</th><th class=\"num\">score</th></tr></thead><tbody>");
        var pairs = quality.WorstPairs(10);
        foreach (var p in pairs)
        {
            var first = p.ParentTable is null ? p.Column1 : $"{p.ParentTable}.{p.Column1}";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Table)}</td><td>{E(first)} ~ {E(p.Column2)}</td><td>{E(p.Metric)}</td><td class=\"num {Css(p.Score)}\">{ScoreFormat.Score(p.Score)}</td></tr>");
        }

        if (pairs.Count == 0) html.Append("<tr><td colspan=\"4\" class=\"muted\">No pair is associated strongly enough in the real data to count (|r| &gt; 0.5 or Cramér's V &gt; 0.3).</td></tr>");
        html.Append("</tbody></table></div></section>");
    }

    private static void Table(StringBuilder html, EvaluationResult result, EvaluationTable real, EvaluationTable? synthetic)
    {
        var summary = result.Tables.FirstOrDefault(t => t.Table == real.Name);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Anchor(real.Name)}\"><h2>{E(real.Name)}</h2>");
        if (summary is not null)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{ScoreFormat.Count(summary.RealRows)} real rows, {ScoreFormat.Count(summary.SyntheticRows)} synthetic rows, {summary.Columns} columns{(summary.RealRows > real.Rows.Count || (synthetic is not null && summary.SyntheticRows > synthetic.Rows.Count) ? "; plots drawn from a seeded sample" : string.Empty)}.</p>");
        var plotted = Enumerable.Range(0, real.Columns.Count).Where(i => ColumnDistributions.IsPlotted(real.Columns[i].SdType)).ToList();
        var skipped = real.Columns.Where(c => !ColumnDistributions.IsPlotted(c.SdType)).Select(c => $"{c.Name} ({c.SdType.ToString().ToLowerInvariant()})").ToList();
        if (plotted.Count > 0)
        {
            html.Append("<div class=\"grid\">");
            foreach (var i in plotted) ColumnPlot(html, result, real, synthetic, i);
            html.Append("</div>");
        }

        if (skipped.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Not plotted (keys, personal data and free text are generated, never learned from values): {E(string.Join(", ", skipped))}.</p>");
        Heatmaps(html, real, synthetic);
        html.Append("</section>");
    }

    private static void ColumnPlot(StringBuilder html, EvaluationResult result, EvaluationTable real, EvaluationTable? synthetic, int column)
    {
        var meta = real.Columns[column];
        var s = synthetic?.IndexOf(meta.Name) ?? -1;
        var series = ColumnDistributions.For(meta.SdType, real.ColumnValues(column), s < 0 ? [] : synthetic!.ColumnValues(s));
        var shape = result.Quality.ColumnShapes.FirstOrDefault(d => d.Table == real.Name && d.Column == meta.Name);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" data-column=\"{E(real.Name + "." + meta.Name)}\" data-kind=\"{series.Kind}\">");
        html.Append(CultureInfo.InvariantCulture, $"<figcaption><b>{E(meta.Name)}</b> <span class=\"tag\">{meta.SdType.ToString().ToLowerInvariant()}</span>");
        if (shape is not null) html.Append(CultureInfo.InvariantCulture, $"<span class=\"score {Css(shape.Score)}\">{E(shape.Metric)} {ScoreFormat.Score(shape.Score)}</span>");
        html.Append("</figcaption>");
        if (series.Labels.Count == 0)
        {
            html.Append("<p class=\"muted empty\">No values to plot.</p>");
        }
        else
        {
            var xTitle = series.Kind == "dates" ? "date (bin start)" : "value (bin start)";
            html.Append(SvgCharts.Bars(series.Labels, series.Real, series.Synthetic, series.Kind == "categories", xTitle));
        }

        var nulls = series.RealNullShare > 0 || series.SyntheticNullShare > 0
            ? $" · null {ScoreFormat.Percent(series.RealNullShare)} real, {ScoreFormat.Percent(series.SyntheticNullShare)} synthetic"
            : string.Empty;
        if (s < 0) nulls += " · missing from the synthetic table";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">share of values{E(nulls)}</div></figure>");
    }

    private static void Heatmaps(StringBuilder html, EvaluationTable real, EvaluationTable? synthetic)
    {
        var numeric = Enumerable.Range(0, real.Columns.Count)
            .Where(i => real.Columns[i].SdType is SdType.Numerical or SdType.Datetime)
            .Take(MaxHeatmapColumns)
            .ToList();
        if (numeric.Count < 2) return;
        var names = numeric.Select(i => real.Columns[i].Name).ToList();
        var realMatrix = Correlations.Pearson(numeric.Select(i => Correlations.Numbers(real, i)).ToList());
        var syntheticColumns = numeric.Select(i =>
        {
            var s = synthetic?.IndexOf(real.Columns[i].Name) ?? -1;
            return s < 0 ? [] : Correlations.Numbers(synthetic!, s);
        }).ToList();
        var length = syntheticColumns.Max(c => c.Length);
        var syntheticMatrix = Correlations.Pearson(syntheticColumns.Select(c => c.Length == length ? c : Enumerable.Repeat(double.NaN, length).ToArray()).ToList());
        html.Append(CultureInfo.InvariantCulture, $"<h3>Correlations (Pearson, numeric and date columns)</h3><figure class=\"plot heatmaps\" data-column=\"{E(real.Name)}:correlations\" data-kind=\"heatmap\"><div class=\"side\">");
        html.Append(SvgCharts.Heatmap(names, realMatrix, "real"));
        html.Append(SvgCharts.Heatmap(names, syntheticMatrix, "synthetic"));
        html.Append("</div><div class=\"note\">red: positive, blue: negative, grey: undefined (constant or empty column)</div></figure>");
    }

    private static void Relationships(StringBuilder html, IReadOnlyList<ChildCountHistogram> histograms)
    {
        if (histograms.Count == 0) return;
        html.Append("<section id=\"relationships\"><h2>Children per parent</h2><p class=\"muted\">Counted by each database over all rows: the share of parent rows with each number of children.</p><div class=\"grid\">");
        foreach (var h in histograms)
        {
            var max = Math.Max(h.Real.Keys.DefaultIfEmpty(0).Max(), h.Synthetic?.Keys.DefaultIfEmpty(0).Max() ?? 0);
            var step = max + 1 <= MaxCardinalityBars ? 1 : (long)Math.Ceiling(ColumnDistributions.NiceStep((max + 1) / (double)MaxCardinalityBars));
            var bins = (int)((max / step) + 1);
            var labels = Enumerable.Range(0, bins).Select(b => step == 1 ? (b * step).ToString(CultureInfo.InvariantCulture) : $"{b * step}-{((b + 1) * step) - 1}").ToList();
            var label = h.Relationship.ToString();
            html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" data-column=\"{E(label)}\" data-kind=\"cardinality\"><figcaption><b>{E(h.Relationship.ParentTable)}</b> → {E(h.Relationship.ChildTable)} <span class=\"tag\">{E(string.Join(", ", h.Relationship.ChildColumns))}</span></figcaption>");
            html.Append(SvgCharts.Bars(labels, Shares(h.Real, step, bins), h.Synthetic is null ? new double[bins] : Shares(h.Synthetic, step, bins), false, "children per parent"));
            html.Append(h.Synthetic is null ? "<div class=\"note\">the synthetic database lacks this relationship's tables or columns</div>" : "<div class=\"note\">share of parents</div>");
            html.Append("</figure>");
        }

        html.Append("</div></section>");
    }

    private static double[] Shares(IReadOnlyDictionary<long, long> histogram, long step, int bins)
    {
        var shares = new double[bins];
        var total = (double)histogram.Values.Sum();
        if (total <= 0) return shares;
        foreach (var (n, parents) in histogram) shares[Math.Min(bins - 1, (int)(n / step))] += parents / total;
        return shares;
    }

    private static void Sampling(StringBuilder html, IReadOnlyList<SamplingNote> notes, IReadOnlyList<string> warnings)
    {
        html.Append("<section id=\"sampling\"><h2>Sampling and warnings</h2>");
        if (notes.Count == 0)
        {
            html.Append("<p>Every figure used every row.</p>");
        }
        else
        {
            html.Append("<table class=\"figures\"><thead><tr><th>table</th><th>side</th><th>for</th><th class=\"num\">rows used</th><th class=\"num\">of</th></tr></thead><tbody>");
            foreach (var n in notes)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(n.Table)}</td><td>{E(n.Side)}</td><td>{E(n.Purpose)}</td><td class=\"num\">{ScoreFormat.Count(n.RowsUsed)}</td><td class=\"num\">{ScoreFormat.Count(n.Rows)}</td></tr>");
            html.Append("</tbody></table>");
        }

        if (warnings.Count > 0)
        {
            html.Append("<ul class=\"warnings\">");
            foreach (var w in warnings) html.Append(CultureInfo.InvariantCulture, $"<li>{E(w)}</li>");
            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void MachineLearning(StringBuilder html, MachineLearningResult ml)
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

    private static string Css(double? score) => score switch
    {
        null => "neutral",
        >= 0.8 => "good",
        >= 0.6 => "fair",
        _ => "poor",
    };

    private static string Anchor(string table) =>
        "t-" + string.Concat(table.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
