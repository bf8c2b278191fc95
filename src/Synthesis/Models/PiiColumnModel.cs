using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Personal data: a Bogus generator of its kind; only the NULL share is learned, jointly through a null dimension.</summary>
internal sealed class PiiColumnModel : NullIndicatedColumnModel
{
    public PiiKind PiiKind { get; set; }

    public string Locale { get; set; } = "en";

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        // A NOT NULL column never draws NULL, even where the source read some (MySQL's zero dates read as NULL).
        if (DrawsNull(u) && IsNullable)
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
