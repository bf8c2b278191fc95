using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Reports;

/// <summary>
/// Each privacy figure with what it counts and whether it is a problem, shared by the console table, the `clone`
/// summary and the HTML report, so they always say the same: <see cref="PrivacyLine.Summary"/> in one line (the
/// clone's summary), <see cref="PrivacyLine.Detail"/> in full (evaluate's table, the HTML report).
/// </summary>
internal static class PrivacyLines
{
    /// <summary>
    /// Kinds of personal data whose values many people share (first names, cities, job titles): generators draw them
    /// from lists of their own, so a generated value equal to a real one is chance even when few real rows have it.
    /// Other kinds (e-mails, phones, street addresses, account and document numbers) and free text point at one
    /// person when the real value is rare.
    /// </summary>
    private static readonly HashSet<string> SharedKinds = new(StringComparer.Ordinal)
    {
        "first_name", "last_name", "person_name", "city", "state", "state_abbreviation", "country", "country_code", "postcode",
        "job_title", "company", "color_name", "currency_code", "word", "street_name", "building_number", "secondary_address",
        "domain_name",
    };

    public static IReadOnlyList<PrivacyLine> Of(PrivacyResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return [ExactMatches(p.ExactMatch), QuasiIdentifiers(p.ExactMatch), FittedCopies(p.ExactMatch), Dcr(p.Dcr), PiiLeaks(p.PiiLeaks), RareLeaks(p.RareCategoryLeaks),
            .. Identical(p.ExactMatch.IdenticalTables ?? [])];
    }

    /// <summary>The tables equal to the real ones or to a part of them (lookups copied by design), on a line of their own; none: no line.</summary>
    private static IEnumerable<PrivacyLine> Identical(IReadOnlyList<IdenticalTable> tables)
    {
        if (tables.Count == 0) yield break;
        var names = string.Join(", ", tables.Select(t => t.Rows == t.RealRows ? t.Table : $"{t.Table} {ScoreFormat.Count(t.Rows)} of {ScoreFormat.Count(t.RealRows)}"));
        yield return new PrivacyLine("lookups copied", ScoreFormat.Count(tables.Sum(t => t.Rows)),
            $"rows of {tables.Count} table(s) copied from the real ones ({names}): lookups copied by design, left out of the figures above",
            $"Rows of {tables.Count} table(s) each equal to a real row, the real rows one of a kind: {names}. "
            + "Reference tables (small lookups with no personal data) are copied on purpose, whole or as the subset --scale-reference keeps; "
            + "they are left out of the figures above. "
            + "If one of them holds personal data, clone with --reference-tables none or name the lookups to copy.");
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
    /// A generated value equal to a real one is a leak only when it can point at a person: a value of a kind many people
    /// share (names, places) is chance, and so is one that at least k real rows have (a templated note); a rare e-mail,
    /// phone, address or free text is not.
    /// </summary>
    /// <summary>
    /// The columns whose synthetic values equal a value fewer than k real rows have, of a kind that points at a person (not a
    /// first name or a city many people share), most such values first: the pii/text leaks to look at.
    /// </summary>
    internal static List<PiiLeakDetail> Pointing(LeakSummary<PiiLeakDetail> leaks) =>
        leaks.Columns.Where(c => c.RareLeaked > 0 && !(c.Kind is { } kind && SharedKinds.Contains(kind)))
            .OrderByDescending(c => c.RareLeaked).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();

    private static PrivacyLine PiiLeaks(LeakSummary<PiiLeakDetail> leaks)
    {
        var pointing = Pointing(leaks);
        var count = pointing.Sum(c => c.RareLeaked);
        var k = leaks.Columns.Select(c => c.K).DefaultIfEmpty(0).Max();
        var most = leaks.Columns.Where(c => c.Leaked > 0).OrderByDescending(c => c.Leaked).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).FirstOrDefault();
        var summary = $"generated pii/text values (of {ScoreFormat.Count(leaks.Checked)}) equal to a real one: " + (leaks.Leaks == 0
            ? "none, no leak"
            : count == 0
                ? $"common names and places, or values {k}+ real rows share (most: {most!.Table}.{most.Column}), chance: not a leak"
                : $"{ScoreFormat.Count(count)} match a rare e-mail, number, address or text (most: {pointing[0].Table}.{pointing[0].Column}): a leak, look at it");
        var detail = $"Synthetic personal-data or free-text values (of {ScoreFormat.Count(leaks.Checked)}) that are also real values of the same column. " + (leaks.Leaks == 0
            ? "None."
            : count == 0
                ? $"Each is of a kind many people share (first names, last names, cities) or a value at least {k} real rows have (a templated note): generators hit such values by chance; not a leak."
                : $"Generators hit common names and places by chance, but {ScoreFormat.Count(count)} equal a value fewer than {k} real rows have in a column whose values point at a person "
                  + $"({string.Join(", ", pointing.Select(c => $"{c.Table}.{c.Column} {ScoreFormat.Count(c.RareLeaked)}"))}): a leak to look at.");
        return new PrivacyLine("pii/text leaks", ScoreFormat.Count(leaks.Leaks), summary, detail);
    }

    /// <summary>Rare categories reproduced by a model (the lookups copied by design are counted apart, <see cref="Identical"/>): a leak to look at.</summary>
    private static PrivacyLine RareLeaks(LeakSummary<RareCategoryLeakDetail> leaks)
    {
        var k = leaks.Columns.Select(c => c.K).DefaultIfEmpty(0).Max();
        var leaked = leaks.Columns.Where(c => c.LeakedRows > 0)
            .OrderByDescending(c => c.LeakedRows).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        var summary = $"rows (of {ScoreFormat.Count(leaks.Checked)}) with a category fewer than {k} real rows have: " + (leaks.Leaks == 0
            ? "none, rare categories are not reproduced"
            : $"{ScoreFormat.Count(leaks.Leaks)} (most: {leaked[0].Table}.{leaked[0].Column}): rare real values reproduced, look at them");
        var countries = leaks.Columns.Sum(static c => c.PublicRows);
        var detail = $"Synthetic rows (of {ScoreFormat.Count(leaks.Checked)}) carrying a category seen fewer than k times in the real data. " + (leaks.Leaks == 0
            ? "None: rare categories are not reproduced."
            : $"Each is a real value that could identify someone: look at {string.Join(", ", leaked.Select(c => $"{c.Table}.{c.Column} {ScoreFormat.Count(c.LeakedRows)}"))}.")
            + (countries == 0 ? string.Empty
                : $" Not counted: {ScoreFormat.Count(countries)} rows whose country, US state or courtesy title the source has fewer than k times; the model draws those it does not keep from public lists, whatever the source holds, so these are chance.");
        return new PrivacyLine("rare-category leaks", ScoreFormat.Count(leaks.Leaks), summary, detail);
    }
}
