namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>How SDMetrics pools scores: NaN (or null) is left out, never counted as 0.</summary>
internal static class Scores
{
    /// <summary><c>np.nanmean</c>: the mean of the present scores; NaN when none is present.</summary>
    public static double Mean(IEnumerable<double?> scores)
    {
        double sum = 0;
        var n = 0;
        foreach (var score in scores)
        {
            if (score is { } s && !double.IsNaN(s))
            {
                sum += s;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    public static double Mean(IEnumerable<double> scores) => Mean(scores.Select(s => (double?)s));

    /// <summary>NaN becomes null, for JSON.</summary>
    public static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
