namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// A node's chosen split. Continuous: value bins up to <see cref="LastLeftBin"/> go left (u below the
/// bin's upper edge); categorical: the bins set in <see cref="Mask"/> go left. The missing bin goes
/// left when <see cref="MissingLeft"/> is set.
/// </summary>
internal readonly record struct Split(int Dimension, double Gain, bool Categorical, int LastLeftBin, ulong Mask, bool MissingLeft)
{
    public static Split None => new(-1, 0, false, 0, 0, false);

    public bool Exists => Dimension >= 0;

    /// <summary>Whether a row in <paramref name="bin"/> goes left (<paramref name="missingBin"/> is the dimension's missing bin).</summary>
    public bool Left(int bin, int missingBin) =>
        bin == missingBin ? MissingLeft
        : Categorical ? (Mask & (1UL << bin)) != 0
        : bin <= LastLeftBin;
}
