using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Reports;

/// <summary>
/// Each privacy figure with what it counts and whether it is a problem, shared by the console table, the `clone`
/// summary and the HTML report, so they always say the same: <see cref="PrivacyLine.Summary"/> in one line (the
/// clone's summary), <see cref="PrivacyLine.Detail"/> in full (evaluate's table, the HTML report).
/// </summary>
internal static class PrivacyLines
{
    public static IReadOnlyList<PrivacyLine> Of(PrivacyResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return [ExactMatches(p.ExactMatch), QuasiIdentifiers(p.ExactMatch), FittedCopies(p.ExactMatch), Dcr(p.Dcr), PiiLeaks(p.PiiLeaks), RareLeaks(p.RareCategoryLeaks)];
    }

    private static PrivacyLine ExactMatches(ExactMatchSummary exact) => new("exact matches", ScoreFormat.Percent(exact.Rate),
        $"rows equal to a real row on every learned column; chance gives {ScoreFormat.Percent(exact.NewRowRate)}: "
        + (exact.AboveChance ? "well above chance, rows may be copied (check with --holdout)" : "no sign of copying"),
        $"{ScoreFormat.Count(exact.Matches)} of {ScoreFormat.Count(exact.SyntheticRows)} synthetic rows equal a real row on every learned column (keys, personal data and free text left out), every row compared. "
        + $"By chance: {ScoreFormat.Percent(exact.NewRowRate)} for new rows from the source (Good–Turing), {ScoreFormat.Percent(exact.ChanceRate)} with columns drawn independently from the real marginals. "
        + (exact.AboveChance ? "Well above the new-row rate: real rows may be reproduced (with --holdout, the next lines tell)." : "Not well above the new-row rate: no sign of copied rows."));

    private static PrivacyLine QuasiIdentifiers(ExactMatchSummary exact)
    {
        var quasi = exact.QuasiIdentifiers.Where(q => q.AboveChance).ToList();
        var worst = exact.QuasiIdentifiers.Where(q => q.Rate is not null).OrderByDescending(q => q.Rate - (q.NewRowRate ?? 0)).FirstOrDefault();
        if (worst is null)
        {
            return new PrivacyLine("quasi-identifier matches", "-", "not measured: no table has two or more dates, categories or zip-like codes",
                "No table has two or more quasi-identifiers (dates, categories, zip-like codes).");
        }
        var columns = $"{worst.Table} ({string.Join(", ", worst.Columns)})";
        return new PrivacyLine("quasi-identifier matches", ScoreFormat.Percent(worst.Rate),
            $"rows matching a real row on {columns}; chance gives {ScoreFormat.Percent(worst.NewRowRate)}: "
            + (quasi.Count > 0 ? $"{quasi.Count} combination(s) well above chance, people could be singled out" : "no problem"),
            $"Most above chance: {columns}, {ScoreFormat.Percent(worst.NewRowRate)} for new rows from the source, {ScoreFormat.Percent(worst.ChanceRate)} from the marginals. "
            + (quasi.Count > 0 ? $"{quasi.Count} combination(s) well above chance: people could be singled out by them." : "None well above chance."));
    }

    private static PrivacyLine FittedCopies(ExactMatchSummary exact)
    {
        if (exact.FittedRate is null)
        {
            return new PrivacyLine("copies of fitted rows", "-", "not measured: needs rows held out of the fit (--holdout 0.2 on clone and evaluate)",
                "No holdout: cannot compare with real rows the model never saw (clone --holdout 0.2, then evaluate with the same --holdout).");
        }
        var copying = exact.FittedRate > (2 * exact.HeldOutRate) + 0.01;
        return new PrivacyLine("copies of fitted rows", ScoreFormat.Percent(exact.FittedRate),
            $"rows equal to a row the model saw; {ScoreFormat.Percent(exact.HeldOutRate)} for rows it never saw: "
            + (copying ? "well above, the model reproduces its rows: a problem" : "no sign of copying"),
            $"Synthetic rows equal to a real row the model was fitted on (every row compared); {ScoreFormat.Percent(exact.HeldOutRate)} of the real rows held out of the fit equal one, which is what data the model never saw gives. "
            + (copying ? "Well above that: the model reproduces the rows it saw." : "Not above that: no sign of copying."));
    }

    private static PrivacyLine Dcr(DcrSummary dcr)
    {
        if (dcr.Status != DcrSummary.Measured)
        {
            return new PrivacyLine("closer to fitted rows", "-", "not measured: needs rows held out of the fit (--holdout 0.2 and the same --seed on clone and evaluate)",
                "No holdout: DCR cannot detect copying (every real row was fitted). Run clone with --holdout 0.2 and evaluate with the same --holdout and --seed to measure it.");
        }
        return new PrivacyLine("closer to fitted rows", ScoreFormat.Percent(dcr.ShareCloserToTraining),
            $"rows nearer the rows the model saw than the held-out ones; about 50% is fine: "
            + (dcr.Warning ? $"above {ScoreFormat.Percent(dcr.WarningShare)}, the clone leans on its training rows" : "no sign of copying"),
            $"Distance to closest record: share of synthetic rows nearer the real rows the model was fitted on than the {ScoreFormat.Percent(dcr.HoldoutFraction)} held out of the fit. "
            + $"About 50% means no copying; above {ScoreFormat.Percent(dcr.WarningShare)} warns{(dcr.Warning ? " (crossed)" : string.Empty)}.");
    }

    /// <summary>
    /// A generated value equal to a real one is a leak only when that real value is rare: a first name, a city or a
    /// templated note that many real rows share is hit by chance, a value seen fewer than k times can point at a person.
    /// </summary>
    private static PrivacyLine PiiLeaks(LeakSummary<PiiLeakDetail> leaks)
    {
        var rare = leaks.Columns.Where(c => c.RareLeaked > 0).OrderByDescending(c => c.RareLeaked).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        var rareCount = rare.Sum(c => c.RareLeaked);
        var k = leaks.Columns.Select(c => c.K).DefaultIfEmpty(0).Max();
        var common = leaks.Columns.Where(c => c.Leaked > 0).OrderByDescending(c => c.Leaked).ThenBy(c => c.Table, StringComparer.Ordinal).FirstOrDefault();
        var summary = $"generated pii/text values (of {ScoreFormat.Count(leaks.Checked)}) equal to a real one: " + (leaks.Leaks == 0
            ? "none, no leak"
            : rareCount == 0
                ? $"each shared by {k}+ real rows (most: {common!.Table}.{common.Column}), chance: not a leak"
                : $"{ScoreFormat.Count(rareCount)} match a value fewer than {k} real rows have (most: {rare[0].Table}.{rare[0].Column}): a leak, look at it");
        var detail = $"Synthetic personal-data or free-text values (of {ScoreFormat.Count(leaks.Checked)}) that are also real values of the same column. " + (leaks.Leaks == 0
            ? "None."
            : rareCount == 0
                ? $"Every one is a value that at least {k} real rows share (common first names, cities, templated notes): generators hit such values by chance; not a leak."
                : $"Generators hit common real values by chance, but {ScoreFormat.Count(rareCount)} equal a value fewer than {k} real rows have, which can point at a person "
                  + $"({string.Join(", ", rare.Select(c => $"{c.Table}.{c.Column} {ScoreFormat.Count(c.RareLeaked)}"))}): a leak to look at.");
        return new PrivacyLine("pii/text leaks", ScoreFormat.Count(leaks.Leaks), summary, detail);
    }

    private static PrivacyLine RareLeaks(LeakSummary<RareCategoryLeakDetail> leaks)
    {
        var k = leaks.Columns.Select(c => c.K).DefaultIfEmpty(0).Max();
        return new PrivacyLine("rare-category leaks", ScoreFormat.Count(leaks.Leaks),
            $"rows (of {ScoreFormat.Count(leaks.Checked)}) with a category fewer than {k} real rows have: "
            + (leaks.Leaks == 0 ? "none, rare categories are not reproduced" : "each could identify someone, a problem"),
            $"Synthetic rows (of {ScoreFormat.Count(leaks.Checked)}) carrying a category seen fewer than k times in the real data. "
            + (leaks.Leaks == 0 ? "None: rare categories are not reproduced." : "Each is a real value that could identify someone: a problem."));
    }
}
