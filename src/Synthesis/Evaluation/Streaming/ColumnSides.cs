using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>The two sides <see cref="ColumnPass"/> compares one column across, and how many values each side holds.</summary>
/// <param name="Real">The real database's values.</param>
/// <param name="Synthetic">The synthetic database's values.</param>
/// <param name="RealTotal">The real column's non-null values (the source's count, or the stream's where the two differ).</param>
/// <param name="SyntheticTotal">The synthetic column's non-null values, counted the same way.</param>
internal sealed record ColumnSides(IEvaluationSource Real, IEvaluationSource Synthetic, long RealTotal, long SyntheticTotal);
