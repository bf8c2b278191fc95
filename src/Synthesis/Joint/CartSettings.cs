namespace Sdv.Connector.Synthesis.Joint;

/// <summary>Hyper-parameters of <see cref="CartJointModel"/>.</summary>
/// <param name="MinLeaf">Fewest rows per leaf (raised to k, and to 2k for a continuous target, so each
/// leaf keeps at least two smoothed points). synthpop uses 5; larger leaves generalise better and
/// keep the file small.</param>
/// <param name="MaxLeaves">Most leaves per tree.</param>
/// <param name="MaxPoints">Most smoothed points a continuous leaf keeps (each a mean of at least k values).</param>
/// <param name="MinImpurityDecrease">Smallest split worth keeping, as a share of the root's impurity.</param>
/// <param name="MinSignificance">Smallest split worth keeping, as a χ² (or F) statistic: its decrease over
/// the node's impurity per row. synthpop keeps any split (cp 1e-8), and so learns noise: a two-valued
/// column independent of everything was split into 152 leaves of 10 rows, and a synthetic parent landing
/// among a few of them drew 17% of one value where every real parent had 49-53%. 10 (the largest of
/// about 60 thresholds × 14 features tried under no relation is near this) kept the demo's quality at
/// 0.925 against 0.918 without it, and cut its file from 740 to 290 KiB.</param>
internal sealed record CartSettings(int MinLeaf = 10, int MaxLeaves = 256, int MaxPoints = 8, double MinImpurityDecrease = 1e-4, double MinSignificance = 10)
{
    public string Describe() => FormattableString.Invariant($"min_leaf={MinLeaf}, max_leaves={MaxLeaves}, min_chi2={MinSignificance}");
}
