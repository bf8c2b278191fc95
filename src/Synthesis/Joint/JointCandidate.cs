using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>One joint model to try: its kind and hyper-parameters (null for the copula, which has none).</summary>
internal sealed record JointCandidate(ModelKind Kind, CartSettings? Cart = null, ArfSettings? Arf = null)
{
    /// <summary>Hyper-parameter variants tried by trial number (trial 0 is the default).</summary>
    private static readonly CartSettings[] CartGrid =
    [
        new(),
        new(MinLeaf: 5, MaxLeaves: 512, MinSignificance: 4),
        new(MinLeaf: 20, MaxLeaves: 128, MinSignificance: 20),
        new(MinSignificance: 0),
    ];

    private static readonly ArfSettings[] ArfGrid =
    [
        new(),
        new(Trees: 10, MaxLeaves: 1024),
        new(Trees: 10, MaxLeaves: 256, MaxRounds: 5),
    ];

    /// <summary>The label shown in the record of a choice, e.g. "cart (min_leaf=10, max_leaves=256)".</summary>
    public string Label => Kind switch
    {
        ModelKind.Cart => $"cart ({Cart!.Describe()})",
        ModelKind.Arf => $"arf ({Arf!.Describe()})",
        _ => "copula",
    };

    /// <summary>
    /// The candidates of <c>--model</c> and <c>--trials</c>: one of the kind, or one per trial, each
    /// trial a further row of the kind's hyper-parameter grid (seeds differ too, for the forest); auto
    /// tries the copula and <paramref name="trials"/> of each tree model.
    /// </summary>
    public static IReadOnlyList<JointCandidate> For(ModelKind kind, int trials)
    {
        trials = Math.Max(1, trials);
        var result = new List<JointCandidate>();
        if (kind is ModelKind.Copula or ModelKind.Auto) result.Add(new JointCandidate(ModelKind.Copula));
        for (var t = 0; t < trials; t++)
        {
            if (kind is ModelKind.Cart or ModelKind.Auto && t < CartGrid.Length) result.Add(new JointCandidate(ModelKind.Cart, Cart: CartGrid[t]));
            if (kind is ModelKind.Arf or ModelKind.Auto) result.Add(new JointCandidate(ModelKind.Arf, Arf: ArfGrid[t % ArfGrid.Length]));
        }

        return result;
    }

    public JointModel Fit(JointTrainingData data, SynthesisOptions options, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return Kind switch
        {
            ModelKind.Cart => CartJointModel.Fit(TreeSpace.From(data), Cart!, options.RareCategoryThreshold, random),
            ModelKind.Arf => ArfTrainer.Fit(TreeSpace.From(data), Arf!, options.RareCategoryThreshold, random),
            _ => CopulaJointModel.Fit(data, options.MinEigenvalue),
        };
    }
}
