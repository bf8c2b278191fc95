namespace Sdv.Connector.Synthesis.Structured;

/// <summary>What <see cref="WktReader"/> reads of one geometry: its type, SRID, vertex lists (one per line or ring) and parts.</summary>
internal sealed record WktShape(string Type, int? Srid, bool HasZ, IReadOnlyList<IReadOnlyList<double[]>> Parts);
