namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Distance to closest record of one table, on the listed columns (numbers scaled by the real
/// range, categories 0/1; mean over columns, so distances lie in [0, 1]). The baseline is the
/// same distance from holdout rows to the training rows: synthetic rows much closer than that
/// are near copies.
/// </summary>
internal sealed record DcrDetail(
    string Table,
    IReadOnlyList<string> Columns,
    long TrainingRows,
    long HoldoutRows,
    long SyntheticRows,
    double? SyntheticToTrainingMedian,
    double? HoldoutToTrainingMedian,
    double? ShareCloserToTraining,
    bool Warning);
