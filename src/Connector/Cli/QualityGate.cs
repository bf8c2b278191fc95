namespace Sdv.Connector.Cli;

/// <summary>One <c>--fail-under</c> gate: a figure, its limit, and whether the figure must stay at or above it (a score) or at or below it (a rate or count).</summary>
internal sealed record QualityGate(string Name, double Limit, bool IsFloor)
{
    public override string ToString() => $"{Name}={Limit.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}";
}
