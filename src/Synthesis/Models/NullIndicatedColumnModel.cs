using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// A column whose values are generated outside the joint model (personal data, free text, structured
/// values) and whose only joint dimension is its null indicator, so NULLs move with the other columns.
/// </summary>
internal abstract class NullIndicatedColumnModel : ColumnModel
{
    /// <summary>The null indicator's dimension, or -1 for a column that is never NULL.</summary>
    public int NullDim { get; set; } = -1;

    [JsonIgnore]
    public override IEnumerable<int> Dimensions => NullDim >= 0 ? [NullDim] : [];

    public override void RenumberDimensions(ref int next)
    {
        if (NullDim >= 0) NullDim = next++;
    }

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

    /// <summary>Whether the joint draw <paramref name="u"/> makes this cell NULL.</summary>
    protected bool DrawsNull(ReadOnlySpan<double> u) => NullDim >= 0 && u[NullDim] < NullShare;
}
