namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>Knobs of an evaluation; the defaults reproduce SDMetrics' reports. Checked all at once by <see cref="Validate"/>.</summary>
internal sealed class EvaluationOptions
{
    /// <summary>Seed of the samples distance to closest record and machine learning run on; the same seed gives the same figures. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Distance to closest record is quadratic, so it runs on seeded samples: at most this many synthetic rows,
    /// and as many real rows the fit saw as held-out ones, at most this many each. Default 2,000.
    /// Every other figure uses every row (Column Pair Trends included, where SDMetrics samples 50,000 rows).
    /// </summary>
    public int DcrMaxRows { get; init; } = 2_000;

    /// <summary>|r_real| must exceed this for a correlation pair to count. SDMetrics' default 0.5; 0 counts every pair.</summary>
    public double CorrelationThreshold { get; init; } = 0.5;

    /// <summary>Cramér's V of the real pair must exceed this for a contingency pair to count. SDMetrics' default 0.3; 0 counts every pair.</summary>
    public double AssociationThreshold { get; init; } = 0.3;

    /// <summary>A synthetic category seen fewer than this many times among real values is a rare-category leak. Default 5.</summary>
    public int RareCategoryK { get; init; } = 5;

    /// <summary>
    /// A share of synthetic rows closer to the fitted rows than to the held-out ones above this is a warning. Default 0.55:
    /// independent data gives 0.5, give or take 0.011 on samples of 2,000.
    /// </summary>
    public double DcrWarningShare { get; init; } = 0.55;

    /// <summary>
    /// Tables (and then relationships) evaluated at once, each on sessions of its own; the figures are the same whatever
    /// this is (every sample is seeded per table). Default: the number of processors, at most 4 (each table in flight
    /// holds its own value counts and row hashes).
    /// </summary>
    public int MaxParallel { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (DcrMaxRows < 1)
        {
            errors.Add($"DcrMaxRows must be at least 1 (was {DcrMaxRows}).");
        }

        if (MaxParallel < 1)
        {
            errors.Add($"MaxParallel must be at least 1 (was {MaxParallel}).");
        }

        if (CorrelationThreshold is < 0 or > 1 || double.IsNaN(CorrelationThreshold))
        {
            errors.Add($"CorrelationThreshold must be between 0 and 1 (was {CorrelationThreshold}).");
        }

        if (AssociationThreshold is < 0 or > 1 || double.IsNaN(AssociationThreshold))
        {
            errors.Add($"AssociationThreshold must be between 0 and 1 (was {AssociationThreshold}).");
        }

        if (RareCategoryK < 1)
        {
            errors.Add($"RareCategoryK must be at least 1 (was {RareCategoryK}).");
        }

        if (DcrWarningShare is < 0 or > 1 || double.IsNaN(DcrWarningShare))
        {
            errors.Add($"DcrWarningShare must be between 0 and 1 (was {DcrWarningShare}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid evaluation options: " + string.Join(" ", errors));
        }
    }
}
