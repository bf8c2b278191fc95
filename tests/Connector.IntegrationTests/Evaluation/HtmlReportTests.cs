using System.Text.RegularExpressions;
using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>The HTML report of `evaluate --html`, opened in headless Chromium: it renders, its plots are there, and it holds no real personal value.</summary>
public sealed partial class HtmlReportEvaluationTests(SqliteFixture fixture) : EngineTestBase<SqliteFixture>(fixture)
{
    [SkippableFact]
    public async Task Report_renders_in_chromium_with_every_plot_and_no_real_pii()
    {
        Skip.IfNot(Chromium.IsInstalled, $"{Chromium.Path} is not installed (test.sh installs Debian's chromium package).");
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);
        var html = SqliteEvaluateTests.TempFile(".html");
        var json = SqliteEvaluateTests.TempFile(".json");
        var png = SqliteEvaluateTests.TempFile(".png");
        var blank = SqliteEvaluateTests.TempFile(".html");
        var blankPng = SqliteEvaluateTests.TempFile(".png");
        try
        {
            var run = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--html", html, "--json", json);
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            var page = await File.ReadAllTextAsync(html);

            // Aggregates only: the planted e-mail and the category seen once never appear.
            Assert.DoesNotContain(EvaluationData.MarkerEmail, page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(EvaluationData.MarkerEmail, run.Json!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(EvaluationData.RareCountry, page, StringComparison.Ordinal);
            Assert.Contains("rare (hidden)", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(ExternalReference(), page);

            await Chromium.ScreenshotAsync(new Uri(html).AbsoluteUri, png);
            await File.WriteAllTextAsync(blank, "<!DOCTYPE html><html><body></body></html>");
            await Chromium.ScreenshotAsync(new Uri(blank).AbsoluteUri, blankPng);
            var size = new FileInfo(png).Length;
            var blankSize = new FileInfo(blankPng).Length;
            Assert.True(size > 20_000, $"screenshot is {size} bytes");
            Assert.True(size > 5 * blankSize, $"screenshot ({size} bytes) is hardly bigger than a blank page's ({blankSize} bytes)");

            var dom = await Chromium.DumpDomAsync(new Uri(html).AbsoluteUri);
            var plots = PlotElement().Matches(dom).Select(m => m.Groups["column"].Value).ToList();

            // One per plotted column, one correlation pair per table with two numeric columns, one per relationship.
            Assert.Equal(EvaluationData.PlottedColumns + 2 + 1, plots.Count);
            Assert.Contains("customers.age", plots);
            Assert.Contains("orders.status", plots);
            Assert.Contains("customers:correlations", plots);
            Assert.Contains("orders(customer_id) -&gt; customers(id)", plots);
            // Each plot draws one chart, a correlation plot two (real beside synthetic).
            Assert.Equal(plots.Count + plots.Count(p => p.EndsWith(":correlations", StringComparison.Ordinal)), dom.Split("<svg", StringSplitOptions.None).Length - 1);
            Assert.Contains("id=\"report-end\"", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("plot-error", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", dom, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new[] { html, json, png, blank, blankPng }) File.Delete(file);
        }
    }

    [GeneratedRegex("class=\"plot[^\"]*\" data-column=\"(?<column>[^\"]*)\"")]
    private static partial Regex PlotElement();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
