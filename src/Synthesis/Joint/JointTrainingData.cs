namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// What a joint model is fitted on: the table's reservoir turned into its transformed space. Rows are
/// <c>double[Dimensions.Count]</c> with u in (0, 1), or NaN where the dimension says nothing (the value of
/// a NULL cell). Bounded by the reservoir's size, never the table's.
/// </summary>
/// <param name="Dimensions">The dimensions, in the order of the row arrays.</param>
/// <param name="Rows">The transformed reservoir rows.</param>
/// <param name="NormalScores">The same rows as the copula reads them (normal scores, continuous values
/// taken within their category where a column is stratified); the copula is fitted on these.</param>
/// <param name="ValueOf">Optional: the number a row's continuous dimension decodes to (the column's own
/// scale, as <see cref="ColumnValues"/> computes it), so that candidate models are compared on values, as
/// SDMetrics compares them, not on u; null compares u.</param>
internal sealed record JointTrainingData(IReadOnlyList<JointDimension> Dimensions, IReadOnlyList<double[]> Rows, IReadOnlyList<double[]> NormalScores, Func<double[], int, double>? ValueOf = null);
