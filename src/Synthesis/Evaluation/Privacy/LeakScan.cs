using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>Real values that reappear in synthetic data where they should not: pii and text values, and rare categories.</summary>
internal static class LeakScan
{
    /// <summary>Every non-null synthetic value of each pii and text column, looked up among that column's real values.</summary>
    public static IEnumerable<PiiLeakDetail> Pii(TablePair table)
    {
        for (var c = 0; c < table.Real.Columns.Count; c++)
        {
            var column = table.Real.Columns[c];
            var synthetic = table.SyntheticValues(c);
            if (column.SdType is not (SdType.Pii or SdType.Text) || synthetic is null)
            {
                continue;
            }

            var real = new HashSet<object>(table.RealValues(c).Where(v => !CellValues.IsNull(v)).Select(CellValues.Key));
            var values = synthetic.Where(v => !CellValues.IsNull(v)).Select(CellValues.Key).ToArray();
            long leaked = values.Count(real.Contains);
            yield return new PiiLeakDetail(
                table.Name, column.Name, column.SdType.ToString().ToLowerInvariant(), values.Length, leaked, values.Length == 0 ? null : (double)leaked / values.Length);
        }
    }

    /// <summary>
    /// Synthetic values of each categorical column that occur at least once but fewer than
    /// <paramref name="k"/> times among the real values.
    /// </summary>
    public static IEnumerable<RareCategoryLeakDetail> RareCategories(TablePair table, int k)
    {
        for (var c = 0; c < table.Real.Columns.Count; c++)
        {
            var column = table.Real.Columns[c];
            var synthetic = table.SyntheticValues(c);
            if (column.SdType != SdType.Categorical || synthetic is null)
            {
                continue;
            }

            var realCounts = table.RealValues(c).Where(v => !CellValues.IsNull(v)).Select(CellValues.Key)
                .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
            var values = synthetic.Where(v => !CellValues.IsNull(v)).Select(CellValues.Key).ToArray();
            var leaked = values.Where(v => realCounts.TryGetValue(v, out var n) && n < k).ToArray();
            yield return new RareCategoryLeakDetail(
                table.Name,
                column.Name,
                k,
                leaked.Distinct().Count(),
                values.Length,
                leaked.Length,
                values.Length == 0 ? null : (double)leaked.Length / values.Length);
        }
    }
}
