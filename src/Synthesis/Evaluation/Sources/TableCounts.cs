namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>A table's rows and, per column asked for, the rows with a value (SQL's COUNT(*) and COUNT(column)).</summary>
internal sealed record TableCounts(long Rows, IReadOnlyDictionary<string, long> Values)
{
    public long NonNull(string column) => Values.TryGetValue(column, out var n) ? n : 0;
}
