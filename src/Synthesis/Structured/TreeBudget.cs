namespace Sdv.Connector.Synthesis.Structured;

/// <summary>How many more nodes a column's <see cref="TreeNode"/> may create: the bound on its memory.</summary>
internal sealed class TreeBudget(int nodes)
{
    private int _left = nodes;

    public bool Take()
    {
        if (_left <= 0) return false;
        _left--;
        return true;
    }
}
