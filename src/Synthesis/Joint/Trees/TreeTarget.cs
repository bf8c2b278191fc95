namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// What a tree predicts, indexed by row: a class (Gini) or a number (variance). Classes past the 63rd
/// share one for the split search, as features' buckets do; a leaf's own statistics keep them apart.
/// </summary>
internal sealed class TreeTarget
{
    public const int MaxClasses = 64;

    private TreeTarget(int classes, int[] labels, double[] values)
    {
        Classes = classes;
        Labels = labels;
        Values = values;
    }

    /// <summary>Classes of a classification target (at most <see cref="MaxClasses"/>); 0 for regression.</summary>
    public int Classes { get; }

    public int[] Labels { get; }

    public double[] Values { get; }

    public bool IsRegression => Classes == 0;

    public static TreeTarget Classification(int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classes > MaxClasses)
        {
            var folded = new int[labels.Length];
            for (var i = 0; i < labels.Length; i++) folded[i] = Math.Min(labels[i], MaxClasses - 1);
            return new TreeTarget(MaxClasses, folded, []);
        }

        return new TreeTarget(Math.Max(classes, 1), labels, []);
    }

    public static TreeTarget Regression(double[] values) => new(0, [], values ?? throw new ArgumentNullException(nameof(values)));
}
