using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Children per parent of one relationship, real and synthetic, counted by each database itself
/// over every row (not the sample): number of children → number of parents with that many.
/// <see cref="Synthetic"/> is null when the clone lacks the tables or columns.
/// </summary>
internal sealed record ChildCountHistogram(
    EvaluationRelationship Relationship,
    IReadOnlyDictionary<long, long> Real,
    IReadOnlyDictionary<long, long>? Synthetic);
