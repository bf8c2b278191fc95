namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>A scored table or column the synthetic data lacks: its figures count as failures (0), and it is listed here.</summary>
internal sealed record MissingDetail(string Table, string? Column, string Message);
