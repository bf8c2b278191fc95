using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Free text: generated lorem-like words whose length follows the learned length distribution; never copied.</summary>
internal sealed class TextColumnModel : ColumnModel
{
    public ContinuousMarginal? Lengths { get; set; }

    /// <summary>Null indicator dimension, so text NULLs move with the other columns.</summary>
    public int NullDim { get; set; } = -1;

    [JsonIgnore]
    public override IEnumerable<int> Dimensions => NullDim >= 0 ? [NullDim] : [];

    public override void DescribeDimensions(Joint.JointDimension?[] into)
    {
        if (NullDim >= 0) into[NullDim] = NullIndicator();
    }

    public override void Encode(object? value, Span<double> z, Xoshiro256 random)
    {
        if (NullDim >= 0)
        {
            z[NullDim] = value is null ? NormalScores.Inside(0, NullShare, random) : NormalScores.Inside(NullShare, 1, random);
        }
    }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        if ((NullDim >= 0 && u[NullDim] < NullShare) || Lengths is null)
        {
            return IsNullable ? null : string.Empty;
        }

        var length = (int)Math.Round(Lengths.InverseCdf(runtime.Random.NextDouble()));
        if (MaxLength is { } max)
        {
            length = Math.Min(length, max);
        }

        return TextGenerator.Generate(Math.Max(length, 0), runtime.Random);
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime) =>
        previous is string s ? ShapeGenerator.WithSuffix(s, runtime.Counter++, MaxLength) : previous;
}
