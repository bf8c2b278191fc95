using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>One side of a relationship <see cref="JoinSide"/> reads: the join, the columns scored over it, and the database it is read from.</summary>
/// <param name="Relationship">The relationship whose inner join is read.</param>
/// <param name="Plan">The pairs of columns scored over the join, and which columns are binned as continuous.</param>
/// <param name="Profiles">This side's profile of each column of the plan, in the plan's order (for the category counts).</param>
/// <param name="Source">The database (real or synthetic) the join is read from.</param>
/// <param name="ParentColumns">The parent's columns of the plan, by name.</param>
/// <param name="ChildColumns">The child's columns of the plan, by name.</param>
/// <param name="KnownRanges">Per column of the plan, its range over the join when known without asking the source (null: ask).</param>
internal sealed record JoinSideRequest(EvaluationRelationship Relationship, PairPlan Plan, IReadOnlyList<SideProfile> Profiles, IEvaluationSource Source,
    IReadOnlyList<string> ParentColumns, IReadOnlyList<string> ChildColumns, IReadOnlyList<(double Min, double Max)?> KnownRanges);
