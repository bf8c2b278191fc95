namespace Sdv.Connector.Synthesis.Tests.Joint;

/// <summary>Measures of structure in sampled rows, for the joint model tests.</summary>
internal static class JointStats
{
    public static double CramersV(IEnumerable<object?[]> rows, int a, int b)
    {
        var counts = new Dictionary<(object A, object B), long>();
        foreach (var row in rows)
        {
            var key = (row[a] ?? "<null>", row[b] ?? "<null>");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return Sdv.Connector.Synthesis.Evaluation.Metrics.CramersV.Compute(counts);
    }

    public static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Average();
}
