using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>Fits the joint model the options ask for on a table's transformed reservoir.</summary>
internal static class JointModelFitter
{
    public static JointModel Fit(JointTrainingData data, SynthesisOptions options, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return options.Model switch
        {
            ModelKind.Copula => CopulaJointModel.Fit(data, options.MinEigenvalue),
            _ => throw new NotSupportedException($"The {options.Model} model is not built yet."),
        };
    }
}
