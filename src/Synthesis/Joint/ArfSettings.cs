namespace Sdv.Connector.Synthesis.Joint;

/// <summary>Hyper-parameters of <see cref="ArfJointModel"/> (the R package arf's defaults where they apply).</summary>
/// <param name="Trees">Trees of the forest (arf: 10; 5 scored the same held-out quality at half the file).</param>
/// <param name="MinLeaf">Fewest rows, real and synthetic, per leaf; besides, every leaf holds at least k real rows.</param>
/// <param name="MaxLeaves">Most leaves per tree (keeps the model file small).</param>
/// <param name="MaxRounds">Most adversarial rounds (arf: 10; the forest's accuracy is near ½ after 2 or 3).</param>
/// <param name="Delta">Rounds stop once the forest tells real from synthetic with accuracy at most ½ + delta (arf: 0).</param>
/// <param name="MaxPoints">Most smoothed points per continuous dimension and leaf.</param>
/// <param name="MaxFeatures">Features drawn at each node (ranger: sqrt(d); here 1, see <see cref="ArfTrainer"/>).</param>
/// <param name="SampleFraction">Share of the rows each tree is grown on, drawn without replacement
/// (0.632, the share of distinct rows a bootstrap draws); the rest score the forest (out-of-bag).</param>
internal sealed record ArfSettings(int Trees = 5, int MinLeaf = 1, int MaxLeaves = 512, int MaxRounds = 3, double Delta = 0, int MaxPoints = 6, int MaxFeatures = 1, double SampleFraction = 0.632)
{
    public string Describe() => FormattableString.Invariant($"trees={Trees}, max_leaves={MaxLeaves}");
}
