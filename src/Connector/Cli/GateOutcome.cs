namespace Sdv.Connector.Cli;

/// <summary>A gate checked against a run: the measured figure (null when it was not measured) and whether it passed.</summary>
internal sealed record GateOutcome(QualityGate Gate, double? Value, bool Passed)
{
    public string Describe()
    {
        var value = Value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "not measured";
        var rule = Gate.IsFloor ? "at least" : "at most";
        return $"{Gate.Name} = {value} (must be {rule} {Gate.Limit.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}){(Passed ? string.Empty : Value is null ? ": FAILED (a gate on a figure that was not measured fails)" : ": FAILED")}";
    }
}
