using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Free text: new text in the column's own vocabulary (<see cref="WordModel"/>: words and word pairs
/// seen at least k times), with the column's length distribution; never copied. Where too few words are
/// frequent enough to write prose with, sentences of the kind the column's name suggests (<see cref="NameFallback"/>).
/// A whole value at least k rows share (a templated note) is written as it is, in its share of the rows.
/// </summary>
internal sealed class TextColumnModel : NullIndicatedColumnModel
{
    public ContinuousMarginal? Lengths { get; set; }

    /// <summary>The column's words (may be empty).</summary>
    public WordModel? Words { get; set; }

    /// <summary>What the column holds by its name, for the fallback generator.</summary>
    public string Hint { get; set; } = "sentence";

    /// <summary>Whole values at least k rows share (templates), most common first; written as they are.</summary>
    public string[] CommonValues { get; set; } = [];

    /// <summary>Per <see cref="CommonValues"/> entry, its share of the column's non-null values.</summary>
    public double[] CommonShares { get; set; } = [];

    /// <summary>The column's real values, while fitted in this process (never saved): a new text equal to one is drawn again.</summary>
    [JsonIgnore]
    public RealValueFilter? RealValues { get; set; }

    public override void Prepare() => Words?.Prepare();

    protected override ColumnModel CopyKept()
    {
        var copy = (TextColumnModel)base.CopyKept();
        copy.Words = Words?.Copy();
        copy.RealValues = null;
        return copy;
    }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        if (DrawsNull(u) || Lengths is null)
        {
            return IsNullable ? null : string.Empty;
        }

        if (CommonValues.Length > 0 && Common(runtime.Random.NextDouble()) is { } common) return common;
        var length = (int)Math.Round(Lengths.InverseCdf(runtime.Random.NextDouble()));
        if (MaxLength is { } max)
        {
            length = Math.Min(length, max);
        }

        length = Math.Max(length, 1);
        var text = NewText(runtime, length);
        for (var attempt = 0; attempt < 4 && RealValues?.MayContain(text) == true; attempt++) text = NewText(runtime, length);
        return text.Length == 0 && !IsNullable ? "-" : text;
    }

    /// <summary>The common value <paramref name="u"/> falls on, in proportion to their shares; null past them (a new text).</summary>
    private string? Common(double u)
    {
        for (var i = 0; i < CommonValues.Length; i++)
        {
            u -= CommonShares[i];
            if (u < 0) return MaxLength is { } max && CommonValues[i].Length > max ? null : CommonValues[i];
        }

        return null;
    }

    private string NewText(ColumnRuntime runtime, int length) => Words is { CanWriteProse: true } words
        ? words.Generate(runtime.Random, runtime.GetFaker(), MaxLength, length)
        : NameFallback.Generate(Hint, runtime.GetFaker(), runtime.Random, MaxLength, length);

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime) =>
        previous is string s ? ShapeGenerator.WithSuffix(s, runtime.Counter++, MaxLength) : previous;
}
