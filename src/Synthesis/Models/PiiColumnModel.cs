using System.Globalization;
using System.Text.Json.Serialization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Personal data: a Bogus generator of its kind; only the NULL share is learned, jointly through a null dimension.</summary>
internal sealed class PiiColumnModel : ColumnModel
{
    public PiiKind PiiKind { get; set; }

    public string Locale { get; set; } = "en";

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

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        if (NullDim >= 0 && u[NullDim] < NullShare)
        {
            return null;
        }

        return Next(runtime);
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        var next = Next(runtime);
        if (attempt < 20 || next is not string s)
        {
            return next;
        }

        // Keep an e-mail an e-mail: the counter goes before the domain.
        var at = s.IndexOf('@', StringComparison.Ordinal);
        var counter = (runtime.Counter++).ToString(CultureInfo.InvariantCulture);
        if (at > 0 && (MaxLength is null || s.Length + counter.Length <= MaxLength))
        {
            return s[..at] + counter + s[at..];
        }

        return ShapeGenerator.WithSuffix(s, runtime.Counter++, MaxLength);
    }

    private object Next(ColumnRuntime runtime)
    {
        runtime.Faker ??= PiiGenerator.CreateFaker(Locale, unchecked((int)runtime.Random.NextULong()));
        return PiiGenerator.Generate(PiiKind, runtime.Faker, Kind, MaxLength);
    }
}
