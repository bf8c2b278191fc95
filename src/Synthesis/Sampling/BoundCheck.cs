using Sdv.Connector.Synthesis.Constraints;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>A parsed CHECK bound to row positions, with the columns it reads.</summary>
internal sealed record BoundCheck(string Expression, CheckNode Root, int[] Columns);
