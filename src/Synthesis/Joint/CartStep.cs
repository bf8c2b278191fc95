using Sdv.Connector.Synthesis.Joint.Trees;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>One step of sequential synthesis: the tree that predicts <see cref="Dimension"/> from the dimensions before it, and its leaves' distributions.</summary>
internal sealed class CartStep
{
    public int Dimension { get; set; }

    public DecisionTree Tree { get; set; } = new();

    public LeafTable Leaves { get; set; } = new();
}
