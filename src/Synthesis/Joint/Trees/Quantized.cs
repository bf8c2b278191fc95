namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// Probabilities kept by the tree models (thresholds, leaf points) are stored as whole millionths: a
/// short number in the model file, and never a training row's u to the last digit.
/// </summary>
internal static class Quantized
{
    public const double Scale = 1_000_000;

    public static int ToInt(double u) => (int)Math.Round(Math.Clamp(u, 0, 1) * Scale, MidpointRounding.AwayFromZero);

    public static double ToDouble(long q) => q / Scale;

    public static double Round(double u) => ToDouble(ToInt(u));
}
