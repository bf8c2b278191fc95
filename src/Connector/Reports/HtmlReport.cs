using System.Globalization;
using System.Net;
using System.Text;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

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
        HtmlPrivacy.Privacy(html, result.Privacy);
        if (result.MachineLearning is { } ml) HtmlPrivacy.MachineLearning(html, ml);
        Missing(html, result.Missing);
        Worst(html, result.Quality);
        foreach (var table in outcome.Output.Tables)
            Table(html, result, table);
        Relationships(html, outcome.Output.Relationships);
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
        Card(html, "Exact matches", ScoreFormat.Percent(result.Privacy.ExactMatchRate), "neutral",
            $"rows equal to a real row; {ScoreFormat.Percent(result.Privacy.ExactMatch.ChanceRate)} by chance");
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
        if (outcome.Result.Missing.Count > 0) html.Append("<a href=\"#missing\">Missing</a>");
        foreach (var table in outcome.Output.Tables)
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{Anchor(table.Table.Name)}\">{E(table.Table.Name)}</a>");
        if (outcome.Output.Relationships.Count > 0) html.Append("<a href=\"#relationships\">Relationships</a>");
        html.Append("<a href=\"#sampling\">Sampling</a></nav>");
    }

    private static void Missing(StringBuilder html, IReadOnlyList<MissingDetail> missing)
    {
        if (missing.Count == 0) return;
        html.Append("<section id=\"missing\"><h2>Missing from the synthetic data</h2><p class=\"muted\">Each is counted as a failure (score 0) in the figures above, not left out of them.</p><ul class=\"warnings\">");
        foreach (var m in missing) html.Append(CultureInfo.InvariantCulture, $"<li>{E(m.Message)}</li>");
        html.Append("</ul></section>");
    }

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

    private static void Table(StringBuilder html, EvaluationResult result, TableEvaluation table)
    {
        var name = table.Table.Name;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Anchor(name)}\"><h2>{E(name)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{ScoreFormat.Count(table.RealCounts.Rows)} real rows, {ScoreFormat.Count(table.SyntheticCounts.Rows)} synthetic rows, {table.Table.Columns.Count} columns; every row counted.</p>");
        var plotted = table.Table.Columns.Where(c => ColumnDistributions.IsPlotted(c.SdType) && table.Columns.ContainsKey(c.Name)).ToList();
        var skipped = table.Table.Columns.Where(c => !ColumnDistributions.IsPlotted(c.SdType)).Select(c => $"{c.Name} ({c.SdType.ToString().ToLowerInvariant()})").ToList();
        if (plotted.Count > 0)
        {
            html.Append("<div class=\"grid\">");
            foreach (var column in plotted) ColumnPlot(html, result, table, column);
            html.Append("</div>");
        }

        if (skipped.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Not plotted (keys, personal data and free text are generated, never learned from values): {E(string.Join(", ", skipped))}.</p>");
        Heatmaps(html, table);
        html.Append("</section>");
    }

    private static void ColumnPlot(StringBuilder html, EvaluationResult result, TableEvaluation table, EvaluationColumn column)
    {
        var series = ColumnDistributions.For(column.SdType, table.Columns[column.Name]);
        var shape = result.Quality.ColumnShapes.FirstOrDefault(d => d.Table == table.Table.Name && d.Column == column.Name);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" data-column=\"{E(table.Table.Name + "." + column.Name)}\" data-kind=\"{series.Kind}\">");
        html.Append(CultureInfo.InvariantCulture, $"<figcaption><b>{E(column.Name)}</b> <span class=\"tag\">{column.SdType.ToString().ToLowerInvariant()}</span>");
        if (shape is not null) html.Append(CultureInfo.InvariantCulture, $"<span class=\"score {Css(shape.Score)}\">{E(shape.Metric)} {ScoreFormat.Score(shape.Score)}</span>");
        html.Append("</figcaption>");
        if (series.Labels.Count == 0)
        {
            html.Append("<p class=\"muted empty\">No values to plot.</p>");
        }
        else
        {
            var xTitle = series.Kind == "dates" ? "date (bin start)" : "value (bin start)";
            html.Append(SvgCharts.Bars(series.Labels, series.Real, series.Synthetic, series.Kind == "categories", xTitle,
                ColumnDistributions.NamesNothing(series) ? ColumnDistributions.HiddenExplanation : null));
        }

        var nulls = series.RealNullShare > 0 || series.SyntheticNullShare > 0
            ? $" · null {ScoreFormat.Percent(series.RealNullShare)} real, {ScoreFormat.Percent(series.SyntheticNullShare)} synthetic"
            : string.Empty;
        if (table.IsMissing(column.Name)) nulls += " · missing from the synthetic table";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">share of values{E(nulls)}</div>");
        if (series.Note.Length > 0) html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">{E(series.Note)}</div>");
        html.Append("</figure>");
    }

    /// <summary>Pearson r of every pair of numeric and date columns, from the pair trends computed on every row.</summary>
    private static void Heatmaps(StringBuilder html, TableEvaluation table)
    {
        var names = table.Table.Columns.Where(c => c.SdType is SdType.Numerical or SdType.Datetime).Take(MaxHeatmapColumns).Select(c => c.Name).ToList();
        if (names.Count < 2) return;
        var pairs = table.Rows?.Pairs ?? [];
        double?[,] Matrix(Func<PairTrendDetail, double?> pick, Func<SideProfile, bool> usable)
        {
            var matrix = new double?[names.Count, names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                matrix[i, i] = table.Columns.TryGetValue(names[i], out var o) && usable(o.Real) && usable(o.Synthetic) ? 1.0 : null;
                for (var j = i + 1; j < names.Count; j++)
                {
                    var pair = pairs.FirstOrDefault(p => p.Column1 == names[i] && p.Column2 == names[j]);
                    matrix[i, j] = matrix[j, i] = pair is null ? null : pick(pair);
                }
            }

            return matrix;
        }

        static bool Varies(SideProfile side) => side.Distinct > 1;
        html.Append(CultureInfo.InvariantCulture, $"<h3>Correlations (Pearson, numeric and date columns, every row)</h3><figure class=\"plot heatmaps\" data-column=\"{E(table.Table.Name)}:correlations\" data-kind=\"heatmap\"><div class=\"side\">");
        html.Append(SvgCharts.Heatmap(names, Matrix(p => p.RealCorrelation, Varies), "real"));
        html.Append(SvgCharts.Heatmap(names, Matrix(p => p.SyntheticCorrelation, Varies), "synthetic"));
        html.Append("</div><div class=\"note\">red: positive, blue: negative, grey: undefined (constant or empty column)</div></figure>");
    }

    private static void Relationships(StringBuilder html, IReadOnlyList<RelationshipEvaluation> relationships)
    {
        if (relationships.Count == 0) return;
        html.Append("<section id=\"relationships\"><h2>Children per parent</h2><p class=\"muted\">Counted by each database over all rows: the share of parent rows with each number of children.</p><div class=\"grid\">");
        foreach (var h in relationships)
        {
            var max = Math.Max(h.RealChildren.Keys.DefaultIfEmpty(0).Max(), h.SyntheticChildren?.Keys.DefaultIfEmpty(0).Max() ?? 0);
            var step = max + 1 <= MaxCardinalityBars ? 1 : (long)Math.Ceiling(ColumnDistributions.NiceStep((max + 1) / (double)MaxCardinalityBars));
            var bins = (int)((max / step) + 1);
            var labels = Enumerable.Range(0, bins).Select(b => step == 1 ? (b * step).ToString(CultureInfo.InvariantCulture) : $"{b * step}-{((b + 1) * step) - 1}").ToList();
            var r = h.Relationship;
            html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" data-column=\"{E(r.ToString())}\" data-kind=\"cardinality\"><figcaption><b>{E(r.ParentTable)}</b> → {E(r.ChildTable)} <span class=\"tag\">{E(string.Join(", ", r.ChildColumns))}</span></figcaption>");
            html.Append(SvgCharts.Bars(labels, Shares(h.RealChildren, step, bins), h.SyntheticChildren is null ? new double[bins] : Shares(h.SyntheticChildren, step, bins), false, "children per parent"));
            html.Append(h.SyntheticChildren is null ? "<div class=\"note\">the synthetic database lacks this relationship's tables or columns</div>" : "<div class=\"note\">share of parents</div>");
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

    internal static string Css(double? score) => score switch
    {
        null => "neutral",
        >= 0.8 => "good",
        >= 0.6 => "fair",
        _ => "poor",
    };

    private static string Anchor(string table) =>
        "t-" + string.Concat(table.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
