namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>How a tree is grown.</summary>
/// <param name="MinLeaf">Fewest rows a leaf may hold (both sides of a split have at least this many).</param>
/// <param name="MaxLeaves">Most leaves: the tree grows best split first until it has this many.</param>
/// <param name="MaxDepth">Deepest a leaf may lie (the root is depth 0).</param>
/// <param name="MinImpurityDecrease">A split is kept when it lowers the impurity (variance or Gini, times
/// rows) by at least this share of the root's.</param>
/// <param name="MaxFeatures">Features drawn at random at each node (0: all of them).</param>
/// <param name="BestFirst">Split the node with the largest decrease next (true), or level by level (false:
/// balanced trees, each split on whatever its drawn features offer).</param>
/// <param name="MinLeafClass">A class (classification) whose rows each leaf must hold at least
/// <paramref name="MinLeafClassRows"/> of (-1: none): an adversarial forest's real rows.</param>
/// <param name="MinLeafClassRows">See <paramref name="MinLeafClass"/>.</param>
/// <param name="MinSignificance">A split is kept when its decrease is at least this many times the node's
/// impurity per row: the decrease over the impurity per row is a χ² statistic with one degree of freedom
/// for two classes (an F statistic for a number), so this rejects splits that chance alone explains.</param>
internal sealed record TreeOptions(int MinLeaf, int MaxLeaves, int MaxDepth = 32, double MinImpurityDecrease = 0, int MaxFeatures = 0, bool BestFirst = true, int MinLeafClass = -1, int MinLeafClassRows = 0, double MinSignificance = 0);
