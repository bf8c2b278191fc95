namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>What one pass over a column's merged value counts measured (<see cref="ColumnPass"/>).</summary>
internal sealed class ColumnOutcome(EvaluationColumn column, bool continuous)
{
    public EvaluationColumn Column { get; } = column;

    /// <summary>Numerical or datetime: compared as numbers (KS, BoundaryAdherence, binned in pairs).</summary>
    public bool Continuous { get; } = continuous;

    public SideProfile Real { get; } = new();

    public SideProfile Synthetic { get; } = new();

    /// <summary>KSComplement or TVComplement; NaN when it could not be computed (<see cref="ShapeError"/> says why).</summary>
    public double Shape { get; set; } = double.NaN;

    public string? ShapeError { get; set; }

    /// <summary>BoundaryAdherence or CategoryAdherence.</summary>
    public double Validity { get; set; } = double.NaN;

    /// <summary>A continuous column some of whose cells are not numbers (a datetime column of unparseable text).</summary>
    public string? NumberError { get; set; }

    public CategoryAccumulator? Categories { get; set; }

    public MarginalCounts? Marginal { get; set; }

    public DistributionSketch? Distribution { get; set; }

    public CategorySketch? CategoryPlot { get; set; }

    /// <summary>Said when the source's order could not be used and the values were sorted in memory.</summary>
    public string? Note { get; set; }
}
