namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>A byte[] cell compared by content (arrays compare by reference), kept apart from strings.</summary>
internal sealed record BytesKey(string Hex);
