using Sdv.Connector.Synthesis.Generators;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// For personal data drawn from a public list (cities): the column's rare real values, so that a drawn value equal to one
/// of them is drawn again. In memory only (<see cref="RealValueFilter"/>); the model learns nothing else of the values.
/// </summary>
internal sealed class RealValueAccumulator(int rareBelow) : ValueAccumulator
{
    /// <summary>The real values fewer than k rows share (while counted exactly; past that, every real value).</summary>
    public RealValueFilter RareValues { get; } = new() { CommonFrom = rareBelow };

    protected override void Add(object value)
    {
        if (value is string text) RareValues.Add(text.Trim());
    }
}
