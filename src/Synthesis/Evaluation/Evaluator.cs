using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Compares a synthetic dataset with the real one: SDMetrics' quality and diagnostic reports,
/// and privacy checks. Takes rows, not connections; the real dataset carries the metadata.
/// </summary>
internal static class Evaluator
{
    /// <exception cref="ArgumentException">Invalid options, or metadata that names tables or columns the real data lacks.</exception>
    public static EvaluationResult Evaluate(EvaluationDataset real, EvaluationDataset synthetic, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        options.Validate();
        var tables = real.Tables.Select(t => new TablePair(t, synthetic.Find(t.Name))).ToList();
        var relationships = real.Relationships.Select(r => new RelationshipPair(r, tables)).ToList();
        var notes = new List<SamplingNote>();

        var quality = QualityReport.Compute(tables, relationships, options, notes);
        var diagnostic = DiagnosticReport.Compute(tables, relationships);
        var privacy = PrivacyEvaluation.Compute(tables, relationships, options, notes);
        var summaries = tables
            .Select(t => new TableSummary(t.Name, t.Real.Rows.Count, t.Synthetic.Rows.Count, t.Real.Columns.Count))
            .ToList();
        return new EvaluationResult(quality, diagnostic, privacy, summaries, notes);
    }
}
