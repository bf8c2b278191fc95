namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// One step of an evaluation, for a progress view: a table starting (<see cref="Finished"/> false) or done (with
/// its real rows), or, with <see cref="Table"/> null, the relationships starting.
/// </summary>
/// <param name="Done">Tables done, this one included once it is finished.</param>
internal sealed record EvaluationProgress(string? Table, int Done, int Total, long RealRows, bool Finished);
