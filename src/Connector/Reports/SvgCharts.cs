using System.Globalization;
using System.Net;
using System.Text;

namespace Sdv.Connector.Reports;

/// <summary>Inline SVG drawn here (no script, no network): grouped bar charts and correlation heatmaps.</summary>
internal static class SvgCharts
{
    public const string RealColour = "#3b6fb6";
    public const string SyntheticColour = "#f28e2b";

    /// <summary>Real and synthetic bars side by side per label; heights are shares (0..1).</summary>
    /// <param name="message">Lines (split at \n) written across the top of the plot area on a light panel, or null.</param>
    public static string Bars(IReadOnlyList<string> labels, IReadOnlyList<double> real, IReadOnlyList<double> synthetic, bool slantedLabels, string xTitle,
        string? message = null)
    {
        const double width = 400, height = 230, left = 40, right = 8, top = 10;
        var bottom = slantedLabels ? 70.0 : 38.0;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var max = Math.Max(real.DefaultIfEmpty(0).Max(), synthetic.DefaultIfEmpty(0).Max());
        var yMax = max <= 0 ? 1 : Math.Min(1, ColumnDistributions.NiceStep(max / 4) * 4);
        if (yMax < max) yMax = max;
        var svg = new StringBuilder();
        // A message gets a panel of its own under the chart, inside the picture, so it covers no bar.
        var panel = message is null ? 0 : MessageHeight(message) + 6;
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height + panel}\" width=\"{width}\" height=\"{height + panel}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var t = 0; t <= 4; t++)
        {
            var v = yMax * t / 4;
            var y = top + plotH - (plotH * t / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left:0.#}\" x2=\"{width - right:0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"gridline\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4:0.#}\" y=\"{y + 3:0.#}\" class=\"tick\" text-anchor=\"end\">{v * 100:0.#}%</text>");
        }

        var n = Math.Max(1, labels.Count);
        var slot = plotW / n;
        // Bars stay slim when there are few labels, centred in their slot.
        var bar = Math.Clamp(slot * 0.4, 1, 26);
        var inset = (slot - (2 * bar)) / 2;
        var every = slantedLabels ? 1 : Math.Max(1, (int)Math.Ceiling(n / 6.0));
        for (var i = 0; i < labels.Count; i++)
        {
            var x0 = left + (slot * i) + inset;
            AppendBar(svg, x0, bar, real[i], yMax, top, plotH, RealColour, labels[i], "real");
            AppendBar(svg, x0 + bar, bar, synthetic[i], yMax, top, plotH, SyntheticColour, labels[i], "synthetic");
            if (i % every != 0) continue;
            var label = WebUtility.HtmlEncode(Shorten(labels[i], 16));
            var lx = left + (slot * i) + (slot / 2);
            var ly = top + plotH + 12;
            svg.Append(slantedLabels
                ? string.Create(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" class=\"tick\" text-anchor=\"end\" transform=\"rotate(-40 {lx:0.#} {ly:0.#})\">{label}</text>")
                : string.Create(CultureInfo.InvariantCulture, $"<text x=\"{left + (slot * i):0.#}\" y=\"{ly:0.#}\" class=\"tick\" text-anchor=\"start\">{label}</text>"));
        }

        if (message is not null) AppendMessage(svg, message, 4, height + 2, width - 8);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{top + plotH:0.#}\" y2=\"{top + plotH:0.#}\" class=\"axis\"/>");
        if (!slantedLabels)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (plotW / 2):0.#}\" y=\"{height - 6}\" class=\"axis-title\" text-anchor=\"middle\">{WebUtility.HtmlEncode(xTitle)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A matrix of correlations, red for positive and blue for negative, grey where undefined.</summary>
    public static string Heatmap(IReadOnlyList<string> names, double?[,] matrix, string title)
    {
        var n = names.Count;
        var cell = Math.Clamp(300.0 / n, 14, 34);
        var labelSpace = Math.Min(110, 12 + (6.2 * names.Max(x => Math.Min(16, x.Length))));
        var size = labelSpace + (cell * n) + 8;
        var top = (labelSpace * 0.9) + 18;
        var height = top + (cell * n) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {size:0.#} {height:0.#}\" width=\"{size:0.#}\" height=\"{height:0.#}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelSpace + (cell * n / 2):0.#}\" y=\"14\" class=\"axis-title\" text-anchor=\"middle\">{WebUtility.HtmlEncode(title)}</text>");
        for (var i = 0; i < n; i++)
        {
            var name = WebUtility.HtmlEncode(Shorten(names[i], 16));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelSpace - 4:0.#}\" y=\"{top + (cell * i) + (cell / 2) + 3:0.#}\" class=\"tick\" text-anchor=\"end\">{name}</text>");
            var x = labelSpace + (cell * i) + (cell / 2) + 3;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top - 4:0.#}\" class=\"tick\" text-anchor=\"start\" transform=\"rotate(-60 {x:0.#} {top - 4:0.#})\">{name}</text>");
            for (var j = 0; j < n; j++)
            {
                var r = matrix[i, j];
                var cx = labelSpace + (cell * j);
                var cy = top + (cell * i);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{cx:0.#}\" y=\"{cy:0.#}\" width=\"{cell - 1:0.#}\" height=\"{cell - 1:0.#}\" fill=\"{Diverging(r)}\"><title>{WebUtility.HtmlEncode(names[i])} ~ {WebUtility.HtmlEncode(names[j])}: {(r is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "undefined")}</title></rect>");
                if (cell >= 24 && r is { } value)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx + (cell / 2) - 0.5:0.#}\" y=\"{cy + (cell / 2) + 3:0.#}\" class=\"cell\" text-anchor=\"middle\" fill=\"{(Math.Abs(value) > 0.6 ? "#fff" : "#222")}\">{value:0.0}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private const double MessageLine = 12;

    private static double MessageHeight(string message) => (message.Split('\n').Length * MessageLine) + 8;

    /// <summary>A panel of text inside the chart (under the axis), so that what it says travels with the picture.</summary>
    private static void AppendMessage(StringBuilder svg, string message, double x, double y, double w)
    {
        var lines = message.Split('\n');
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"chart-message\"><rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{MessageHeight(message):0.#}\" rx=\"3\" fill=\"#fff8e1\" stroke=\"#e0c36a\"/>");
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 8:0.#}\" y=\"{y + 14 + (i * MessageLine):0.#}\" text-anchor=\"start\">{WebUtility.HtmlEncode(lines[i])}</text>");
        }
        svg.Append("</g>");
    }

    private static void AppendBar(StringBuilder svg, double x, double w, double share, double yMax, double top, double plotH, string colour, string label, string side)
    {
        var h = yMax <= 0 ? 0 : plotH * share / yMax;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.##}\" y=\"{top + plotH - h:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>{side} {WebUtility.HtmlEncode(label)}: {share * 100:0.##}%</title></rect>");
    }

    private static string Diverging(double? r)
    {
        if (r is not { } v) return "#e3e3e3";
        v = Math.Clamp(v, -1, 1);
        // White at 0, towards #b2182b (positive) or #2166ac (negative).
        var (tr, tg, tb) = v >= 0 ? (178, 24, 43) : (33, 102, 172);
        var t = Math.Abs(v);
        int Mix(int target) => (int)Math.Round(255 + ((target - 255) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(tr):x2}{Mix(tg):x2}{Mix(tb):x2}");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
