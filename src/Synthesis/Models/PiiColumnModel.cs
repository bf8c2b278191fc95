using System.Globalization;
using System.Text.Json.Serialization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Personal data: a Bogus generator of its kind, never a real value. The NULL share is learned jointly through a
/// null dimension; for phone numbers, postal codes and identifiers, so are the source's written formats
/// (<see cref="Formats"/>): a format is a categorical dimension of the joint model, so a Brazilian customer gets a
/// Brazilian phone format and a Canadian one a Canadian postal code, with new digits and letters.
/// </summary>
internal sealed class PiiColumnModel : NullIndicatedColumnModel
{
    public PiiKind PiiKind { get; set; }

    public string Locale { get; set; } = "en";

    /// <summary>Templates of the formats at least k values share (<see cref="FormatTemplate"/>), most common first; empty: Bogus' formats.</summary>
    public string[] Formats { get; set; } = [];

    /// <summary>Values of each format, then (last) values of formats not kept, which Bogus writes.</summary>
    public long[] FormatCounts { get; set; } = [];

    /// <summary>
    /// Per <see cref="Formats"/> entry, the countries that write it (k of its values each; none: not known); empty where
    /// the table has no country column. A row of another country takes one of its own country's formats, so a customer
    /// drawn in Brazil gets a Brazilian phone even where the joint draw (which learned rare countries folded into common
    /// ones) gave a French one.
    /// </summary>
    public string[][] FormatCountries { get; set; } = [];

    /// <summary>
    /// For e-mail: templates of the addresses made of their row's names that at least k rows share (<see cref="EmailTemplate"/>),
    /// most common first; empty: Bogus' addresses.
    /// </summary>
    public string[] EmailTemplates { get; set; } = [];

    /// <summary>Addresses of each template, then (last) addresses made otherwise, which Bogus writes.</summary>
    public long[] EmailTemplateCounts { get; set; } = [];

    /// <summary>For e-mail: the domains at least k rows share ("example.net", "gmail.com"), most common first.</summary>
    public string[] EmailDomains { get; set; } = [];

    /// <summary>Addresses at each domain, then (last) at others, which get a free provider of the row's locale.</summary>
    public long[] EmailDomainCounts { get; set; } = [];

    /// <summary>
    /// While fitted in this process (never saved), for e-mail the column's real addresses (lower case): an address made of a
    /// synthetic person's names by a real template can be a real one ("john.smith@example.com"), and is then drawn again;
    /// for cities, its rare real cities, which a city drawn from the public list is not.
    /// </summary>
    [JsonIgnore]
    public RealValueFilter? RealValues { get; set; }

    /// <summary>True when the column writes addresses from its row's names or at the source's common domains.</summary>
    [JsonIgnore]
    public bool WritesEmails => PiiKind == PiiKind.Email && Kind == ValueKind.String && (EmailTemplates.Length > 0 || EmailDomains.Length > 0);

    /// <summary>Share of the values that are '' (no value, as MySQL applications write it): written as '' in that share.</summary>
    public double EmptyShare { get; set; }

    /// <summary>The format's dimension, or -1 where no format is kept.</summary>
    public int FormatDim { get; set; } = -1;

    private double[] _cumulative = [];
    private Dictionary<string, int> _maskIndex = new(StringComparer.Ordinal);

    /// <summary>The kinds whose values are written in a format worth keeping: the rest (names, e-mails, addresses) are words.</summary>
    public static bool HasFormats(PiiKind kind) =>
        kind is PiiKind.Phone or PiiKind.Fax or PiiKind.Postcode or PiiKind.NationalId or PiiKind.TaxNumber or PiiKind.PassportNumber
            or PiiKind.LicenseNumber or PiiKind.LicensePlate or PiiKind.Code;

    [JsonIgnore]
    public override IEnumerable<int> Dimensions => FormatDim >= 0 ? [.. base.Dimensions, FormatDim] : base.Dimensions;

    protected override ColumnModel CopyKept()
    {
        var copy = (PiiColumnModel)base.CopyKept();
        copy.RealValues = null;
        copy._cumulative = [];
        copy._maskIndex = new(StringComparer.Ordinal);
        return copy;
    }

    public override void Prepare()
    {
        _maskIndex = new(StringComparer.Ordinal);
        for (var i = 0; i < Formats.Length; i++) _maskIndex[FormatTemplate.MaskOfTemplate(Formats[i])] = i;
        _cumulative = new double[FormatCounts.Length];
        double total = FormatCounts.Sum(static c => (double)c);
        double running = 0;
        for (var i = 0; i < FormatCounts.Length; i++)
        {
            running += FormatCounts[i];
            _cumulative[i] = total > 0 ? running / total : 1.0;
        }

        if (_cumulative.Length > 0) _cumulative[^1] = 1.0;
    }

    public override void RenumberDimensions(ref int next)
    {
        base.RenumberDimensions(ref next);
        if (FormatDim >= 0) FormatDim = next++;
    }

    public override void DescribeDimensions(Joint.JointDimension?[] into)
    {
        base.DescribeDimensions(into);
        if (FormatDim >= 0) into[FormatDim] = new Joint.JointDimension(Name, Joint.DimensionKind.Categorical, [.. _cumulative], IsGiven);
    }

    /// <summary>Encodes a reservoir cell: NULL, or the value's mask (the reservoir keeps formats of personal data, not values).</summary>
    public override void Encode(object? value, Span<double> z, Xoshiro256 random)
    {
        base.Encode(value, z, random);
        if (FormatDim < 0) return;
        if (value is null)
        {
            z[FormatDim] = double.NaN;
            return;
        }

        var bucket = value is string mask && _maskIndex.TryGetValue(mask, out var kept) ? kept : Formats.Length;
        var lo = bucket == 0 ? 0 : _cumulative[bucket - 1];
        z[FormatDim] = NormalScores.Inside(lo, _cumulative[bucket], random);
    }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        // A NOT NULL column never draws NULL, even where the source read some (MySQL's zero dates read as NULL).
        if (DrawsNull(u) && IsNullable)
        {
            return null;
        }

        if (EmptyShare > 0 && runtime.Random.NextDouble() < EmptyShare) return string.Empty;
        return FormatDim >= 0 ? Next(runtime, OfRowCountry(FormatOf(u[FormatDim]), runtime)) : Next(runtime, -1);
    }

    /// <summary>
    /// <paramref name="format"/>, unless the row's country does not write it: then one of the row's country's formats (by
    /// their counts); where it has none, the generator of the row's locale (-1) in place of another country's format.
    /// </summary>
    private int OfRowCountry(int format, ColumnRuntime runtime)
    {
        if (format < 0 || runtime.RowCountry is not { } country) return format;
        // No format's countries are known (each country has fewer than k rows: Northwind's 29 suppliers in 16 countries), so
        // a format cannot be told to be the row's: its locale's generator writes a number of its own country ("(360)
        // 555-7347" was a German supplier's phone). A country Bogus has no locale for keeps the drawn format.
        if (FormatCountries.Length == 0) return runtime.RowLocale is null ? format : -1;
        if (Writes(format, country)) return format;

        long total = 0;
        for (var i = 0; i < FormatCountries.Length; i++)
        {
            if (Writes(i, country)) total += FormatCounts[i];
        }

        // No format of the row's country: the generator of its locale where the format is another country's; a format only
        // rare countries write (none named) is kept.
        if (total == 0) return FormatCountries[format].Length == 0 ? format : -1;
        var draw = (long)(runtime.Random.NextDouble() * total);
        for (var i = 0; i < FormatCountries.Length; i++)
        {
            if (!Writes(i, country)) continue;
            draw -= FormatCounts[i];
            if (draw < 0) return i;
        }

        return -1;
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        // An address made of the row's names is that person's: another of theirs takes a number, not another template.
        if (WritesEmails && previous is string address && Numbered(address, runtime) is { } numbered) return numbered;

        // Another value of the same format where the previous one had a kept format (a unique phone stays a phone of its country).
        var format = previous is string text && FormatDim >= 0 && FormatTemplate.MaskOf(text) is { } mask && _maskIndex.TryGetValue(mask, out var kept) ? kept : -1;
        var next = Next(runtime, format);
        if (attempt < 20 || next is not string s)
        {
            return next;
        }

        // Keep an e-mail an e-mail: the counter goes before the domain.
        return Numbered(s, runtime) ?? ShapeGenerator.WithSuffix(s, runtime.Counter++, MaxLength);
    }

    /// <summary>The kept format <paramref name="u"/> falls in, or -1 for the share of formats not kept (and an unconditioned draw).</summary>
    private int FormatOf(double u)
    {
        if (double.IsNaN(u)) return -1;
        var bucket = Array.BinarySearch(_cumulative, u);
        bucket = bucket < 0 ? ~bucket : bucket;
        return bucket < Formats.Length ? bucket : -1;
    }

    private bool Writes(int format, string country) => FormatCountries[format].Contains(country, StringComparer.OrdinalIgnoreCase);

    private object Next(ColumnRuntime runtime, int format)
    {
        if (WritesEmails && Email(runtime) is { } email) return email;
        if (format >= 0 && Kind == ValueKind.String)
        {
            var text = FormatTemplate.Fill(Formats[format], runtime.Random);
            if (MaxLength is not { } max || text.Length <= max) return text;
        }

        if (PiiKind == PiiKind.City && Kind == ValueKind.String) return CommonCities.ForRow(runtime, MayWrite, MaxLength);
        return PiiGenerator.Generate(PiiKind, runtime.GetFaker(), Kind, MaxLength, runtime.RowGender);
    }

    /// <summary>Whether a generated <paramref name="text"/> may be written: it fits the column and is no real value kept out of the clone.</summary>
    public bool MayWrite(string text) => (MaxLength is not { } max || text.Length <= max) && RealValues?.MayContain(text) != true;

    /// <summary>
    /// An address as the source writes them: the row's names by one of the source's templates (or as Bogus joins them, in
    /// the share of addresses made otherwise), at one of its common domains (or a free provider of the row's locale).
    /// </summary>
    private string? Email(ColumnRuntime runtime)
    {
        for (var attempt = 0; ; attempt++)
        {
            var template = Structured.Draw.Index(EmailTemplateCounts, runtime.Random);
            var local = template >= 0 && template < EmailTemplates.Length
                ? EmailTemplate.Fill(EmailTemplates[template], runtime.RowFirstName, runtime.RowLastName, runtime.Random)
                : null;
            var domainIndex = Structured.Draw.Index(EmailDomainCounts, runtime.Random);
            var domain = domainIndex >= 0 && domainIndex < EmailDomains.Length ? EmailDomains[domainIndex] : null;
            if (local is null || domain is null)
            {
                // Bogus' address of the row's person (its own ways of joining the names), for the share made otherwise.
                var bogus = runtime.GetFaker().Internet.Email(runtime.RowFirstName, runtime.RowLastName);
                var at = bogus.LastIndexOf('@');
                local ??= bogus[..at];
                domain ??= bogus[(at + 1)..];
            }

            // A real address drawn twice (the same names, a template without digits): the third try takes two digits of its own.
            var digits = attempt >= 2 ? (10 + runtime.Random.NextInt(90)).ToString(CultureInfo.InvariantCulture) : "";
            var text = string.Concat(local, digits, "@", domain);
            if (MaxLength is { } max && text.Length > max) return null;
            if (RealValues?.MayContain(text.ToLowerInvariant()) != true || attempt >= 6) return text;
        }
    }

    /// <summary>The address with the column's next number before its '@' ("ana.lima7@x.org" gives "ana.lima712@x.org"); null where none fits.</summary>
    private string? Numbered(string address, ColumnRuntime runtime)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return null;
        var numbered = string.Concat(address.AsSpan(0, at), (runtime.Counter++).ToString(CultureInfo.InvariantCulture), address.AsSpan(at));
        return MaxLength is { } max && numbered.Length > max ? null : numbered;
    }
}
