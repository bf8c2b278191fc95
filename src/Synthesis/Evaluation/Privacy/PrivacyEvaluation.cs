using System.Globalization;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>Runs the privacy checks over every table and pools them.</summary>
internal static class PrivacyEvaluation
{
    public static PrivacyResult Compute(
        IReadOnlyList<TablePair> tables, IReadOnlyList<RelationshipPair> relationships, EvaluationOptions options, List<SamplingNote> notes)
    {
        var exact = new List<ExactMatchDetail>();
        var dcr = new List<DcrDetail>();
        var pii = new List<PiiLeakDetail>();
        var rare = new List<RareCategoryLeakDetail>();
        foreach (var table in tables)
        {
            var keys = KeyColumns.Of(table, relationships);
            if (ExactMatches.Of(table, keys) is { } match)
            {
                exact.Add(match);
            }

            if (DistanceToClosestRecord.Of(table, keys, options, notes) is { } distance)
            {
                dcr.Add(distance);
            }

            pii.AddRange(LeakScan.Pii(table));
            rare.AddRange(LeakScan.RareCategories(table, options.RareCategoryK));
        }

        var matches = exact.Sum(e => e.Matches);
        var compared = exact.Sum(e => e.SyntheticRows);
        var exactRate = compared == 0 ? (double?)null : (double)matches / compared;

        // Pooled over tables by synthetic rows measured, so a big table weighs more than a lookup table.
        var dcrRows = dcr.Sum(d => d.SyntheticRows);
        var share = dcrRows == 0 ? (double?)null : dcr.Sum(d => d.ShareCloserToTraining!.Value * d.SyntheticRows) / dcrRows;
        var dcrWarning = share > options.DcrWarningShare;

        var piiSummary = Summary(pii, pii.Sum(p => p.Leaked), pii.Sum(p => p.SyntheticValues));
        var rareSummary = Summary(rare, rare.Sum(r => r.LeakedRows), rare.Sum(r => r.SyntheticRows));

        var warnings = new List<string>();
        if (matches > 0)
        {
            warnings.Add(Invariant($"{matches} of {compared} synthetic rows ({exactRate:P2}) equal a real row on every non-key column."));
        }

        if (dcrWarning)
        {
            warnings.Add(Invariant($"{share:P1} of synthetic rows are closer to the real training rows than to the holdout rows (more than {options.DcrWarningShare:P0}): the model may be reproducing real rows."));
        }

        if (piiSummary.Leaks > 0)
        {
            warnings.Add(Invariant($"{piiSummary.Leaks} of {piiSummary.Checked} synthetic pii/text values are real values."));
        }

        if (rareSummary.Leaks > 0)
        {
            warnings.Add(Invariant($"{rareSummary.Leaks} synthetic values are categories seen fewer than {options.RareCategoryK} times in the real data."));
        }

        return new PrivacyResult(
            exactRate,
            new ExactMatchSummary(exactRate, matches, compared, exact),
            new DcrSummary(share, options.DcrWarningShare, dcrWarning, dcr),
            piiSummary,
            rareSummary,
            warnings);
    }

    private static LeakSummary<T> Summary<T>(List<T> columns, long leaks, long checkedValues) =>
        new(leaks, checkedValues, checkedValues == 0 ? null : (double)leaks / checkedValues, columns);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
