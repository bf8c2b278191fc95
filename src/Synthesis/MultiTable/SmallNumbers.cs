namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Boxed whole numbers 0-4095, made once: numbers within a parent (line 1, 2, 3 of an order) are
/// written for every child row, and a fresh box for each was a tenth of the sampler's allocation.
/// </summary>
internal static class SmallNumbers
{
    private static readonly object[] Boxes = Enumerable.Range(0, 4096).Select(static i => (object)(long)i).ToArray();

    public static object Box(long value) => value >= 0 && value < Boxes.Length ? Boxes[value] : value;
}
