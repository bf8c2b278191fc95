using Sdv.Connector.SchemaIntrospection.Model;
using System.Globalization;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>Pools the privacy figures of every table and says in words what crossed a line.</summary>
internal static class PrivacyEvaluation
{
    public static PrivacyResult Compute(IReadOnlyList<TableEvaluation> tables, EvaluationOptions options, EvaluationRequest request)
    {
        // A table equal to the real one, or to a part of it, was copied (a reference table), not written by a model: its
        // rows are reported on their own, so they neither inflate the copy rate nor count as leaked rare categories. Not
        // when it has personal data or free text (a lookup never has) and not when every table is a copy (the real data
        // against itself, or a copy): then it is what the figures are there to catch. The one rule for evaluate and clone.
        var identical = tables.Where(t => t.IsCopyOfReal && !t.Table.Columns.Any(c => c.SdType is SdType.Pii or SdType.Text)).ToList();
        if (identical.Count == tables.Count) identical = [];
        tables = tables.Except(identical).ToList();
        var matches = tables.SelectMany(t => t.Rows?.ExactMatches ?? []).ToList();
        var learned = matches.Where(m => m.Kind == TupleSpec.Learned).ToList();
        var quasi = matches.Where(m => m.Kind == TupleSpec.QuasiIdentifiers).ToList();
        var dcr = tables.Select(t => t.Rows?.Dcr).OfType<DcrDetail>().ToList();
        var pii = tables.SelectMany(t => t.PiiLeaks).ToList();
        var rare = tables.SelectMany(t => t.RareLeaks).ToList();

        var matched = learned.Sum(e => e.Matches);
        var compared = learned.Sum(e => e.SyntheticRows);
        var exactRate = compared == 0 ? (double?)null : (double)matched / compared;

        // Pooled like the rate: each table's chance weighed by its synthetic rows.
        var chanceRate = compared == 0 ? (double?)null : learned.Sum(e => (e.ChanceRate ?? 0) * e.SyntheticRows) / compared;
        var newRowRate = compared == 0 ? (double?)null : learned.Sum(e => (e.NewRowRate ?? 0) * e.SyntheticRows) / compared;
        var withHoldout = learned.Where(e => e.FittedRate is not null && e.HeldOutRate is not null).ToList();
        var holdoutRows = withHoldout.Sum(e => e.SyntheticRows);
        double? fittedRate = holdoutRows == 0 ? null : withHoldout.Sum(e => e.FittedRate!.Value * e.SyntheticRows) / holdoutRows;
        double? heldOutRate = holdoutRows == 0 ? null : withHoldout.Sum(e => e.HeldOutRate!.Value * e.SyntheticRows) / holdoutRows;

        // Pooled over tables by synthetic rows measured, so a big table weighs more than a lookup table.
        var dcrRows = dcr.Sum(d => d.SyntheticRows);
        var share = dcrRows == 0 ? (double?)null : dcr.Sum(d => d.ShareCloserToTraining!.Value * d.SyntheticRows) / dcrRows;
        var dcrWarning = share > options.DcrWarningShare;
        var status = request.Holdout is null ? DcrSummary.NoHoldout : DcrSummary.Measured;

        var piiSummary = Summary(pii, pii.Sum(p => p.Leaked), pii.Sum(p => p.SyntheticValues));
        var rareSummary = Summary(rare, rare.Sum(r => r.LeakedRows), rare.Sum(r => r.SyntheticRows));

        var warnings = new List<string>();
        if (ExactMatchSummary.IsWellAbove(exactRate, chanceRate, newRowRate))
        {
            warnings.Add(Invariant($"{matched} of {compared} synthetic rows ({exactRate:P2}) equal a real row on every learned column, well above the {newRowRate:P2} new rows from the source would ({chanceRate:P2} with independent columns)."));
        }

        foreach (var q in quasi.Where(q => q.AboveChance))
        {
            warnings.Add(Invariant($"{q.Table}: {q.Rate:P1} of synthetic rows match a real row on the quasi-identifiers ({string.Join(", ", q.Columns)}), against {q.NewRowRate:P1} for new rows from the source ({q.ChanceRate:P1} with independent columns)."));
        }

        if (fittedRate > (2 * heldOutRate) + 0.01)
        {
            warnings.Add(Invariant($"{fittedRate:P1} of synthetic rows equal a real row the model was fitted on, against {heldOutRate:P1} of the real rows held out of the fit: the model reproduces the rows it saw."));
        }

        if (dcrWarning)
        {
            warnings.Add(Invariant($"{share:P1} of synthetic rows are closer to the real rows the model was fitted on than to the rows held out of the fit (more than {options.DcrWarningShare:P0}): the model may be reproducing real rows."));
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
            new ExactMatchSummary(exactRate, matched, compared, chanceRate, newRowRate, learned, quasi, fittedRate, heldOutRate,
                identical.Select(t => new IdenticalTable(t.Table.Name, t.SyntheticCounts.Rows, t.RealCounts.Rows)).ToList()),
            new DcrSummary(status, request.Holdout?.Fraction, share, options.DcrWarningShare, dcrWarning, dcr),
            piiSummary,
            rareSummary,
            warnings);
    }

    private static LeakSummary<T> Summary<T>(List<T> columns, long leaks, long checkedValues) =>
        new(leaks, checkedValues, checkedValues == 0 ? null : (double)leaks / checkedValues, columns);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
