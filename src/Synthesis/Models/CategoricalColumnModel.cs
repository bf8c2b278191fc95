using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Categories, booleans and labels, frequency-encoded into one dimension: buckets in descending
/// frequency each own an interval of (0, 1). NULL is a bucket of its own (so nulls are learned
/// jointly). A value seen fewer than k times is never reproduced: where the column's values are
/// mostly non-rare, the rare ones' share goes to the non-rare categories (every value of the clone is
/// a real, non-rare category); where most values are rare (names of things, titles), they share an
/// "other" bucket whose values are written anew in the column's own words (<see cref="WordModel"/>),
/// by its shape (codes), or by a generator its name suggests.
/// </summary>
internal sealed class CategoricalColumnModel : ColumnModel
{
    /// <summary>Bucket values (invariant text); null for the NULL bucket and the "other" bucket.</summary>
    public string?[] Values { get; set; } = [];

    public long[] Counts { get; set; } = [];

    public int NullIndex { get; set; } = -1;

    public int OtherIndex { get; set; } = -1;

    /// <summary>Shape of the rare values, for generated stand-ins of codes.</summary>
    public ShapeProfile? OtherShape { get; set; }

    /// <summary>The column's words, for generated stand-ins of names and titles (null: none learned).</summary>
    public WordModel? OtherWords { get; set; }

    /// <summary>What the column holds by its name (see <see cref="NameFallback"/>), when neither words nor shape can stand in.</summary>
    public string? OtherHint { get; set; }

    /// <summary>Neutral status words in the column's case for a label column's rare values (<see cref="StatusLabels"/>), or null.</summary>
    public string[]? OtherLabels { get; set; }

    /// <summary>For a country column: how it writes countries the generator names otherwise (United States: "USA").</summary>
    public Dictionary<string, string>? CountrySpellings { get; set; }

    /// <summary>For product names written anew: how much each kind of shop the column's words point to (<see cref="Generators.CommonProducts"/>), or null.</summary>
    public double[]? ProductKinds { get; set; }

    public int Dim { get; set; } = -1;

    /// <summary>
    /// The column's real values, while fitted in this process (never saved): a stand-in equal to one of them (a
    /// one-of-a-kind real title the word model happens to compose) is drawn again.
    /// </summary>
    [JsonIgnore]
    public RealValueFilter? RealValues { get; set; }

    /// <summary>Values a CHECK (col IN (...)) allows; "other" draws from these when present.</summary>
    [JsonIgnore]
    public IReadOnlyList<object>? Allowed { get; set; }

    private HashSet<string>? _keptCountries;
    private object?[] _parsed = [];
    private double[] _cumulative = [];
    private Dictionary<object, int> _index = [];

    [JsonIgnore]
    public override IEnumerable<int> Dimensions => Dim >= 0 ? [Dim] : [];

    /// <summary>Whether <paramref name="value"/> is one of the column's kept categories (NULL where the column keeps NULLs).</summary>
    public bool Keeps(object? value) => value is null ? NullIndex >= 0 : _index.ContainsKey(CellCodec.Canonical(value, Kind));

    protected override ColumnModel CopyKept()
    {
        var copy = (CategoricalColumnModel)base.CopyKept();
        copy.OtherWords = OtherWords?.Copy();
        copy.RealValues = null;
        copy.Allowed = null;
        copy._keptCountries = null;
        copy._parsed = [];
        copy._cumulative = [];
        copy._index = [];
        return copy;
    }

    public override void Prepare()
    {
        OtherWords?.Prepare();
        _parsed = new object?[Values.Length];
        _cumulative = new double[Values.Length];
        _index = [];
        // The countries kept under their own spelling: a stand-in is another country, not "United States" beside "USA".
        _keptCountries = OtherHint == "country" ? Values.OfType<string>().Select(CommonCountries.Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
        double total = Counts.Sum(static c => (double)c);
        double running = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            running += Counts[i];
            _cumulative[i] = running / total;
            if (Values[i] is { } text)
            {
                var parsed = CellCodec.Parse(text, Kind);
                _parsed[i] = parsed;
                _index[parsed] = i;
            }
        }

        if (_cumulative.Length > 0)
        {
            _cumulative[^1] = 1.0;
        }
    }

    public override void RenumberDimensions(ref int next)
    {
        if (Dim >= 0) Dim = next++;
    }

    public override void DescribeDimensions(Joint.JointDimension?[] into)
    {
        if (Dim >= 0) into[Dim] = new Joint.JointDimension(Name, Joint.DimensionKind.Categorical, [.. _cumulative], IsGiven);
    }

    public override void Encode(object? value, Span<double> z, Xoshiro256 random)
    {
        if (Dim < 0)
        {
            return;
        }

        int bucket;
        if (value is null)
        {
            bucket = NullIndex;
        }
        else if (value is NotNull)
        {
            bucket = -1;
        }
        else if (!_index.TryGetValue(CellCodec.Canonical(value, Kind), out bucket))
        {
            // A rare value: the "other" bucket where there is one, else unknown (its share went to the others).
            bucket = OtherIndex;
        }

        if (bucket < 0)
        {
            z[Dim] = double.NaN;
            return;
        }

        var lo = bucket == 0 ? 0 : _cumulative[bucket - 1];
        z[Dim] = NormalScores.Inside(lo, _cumulative[bucket], random);
    }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        if (Dim < 0)
        {
            return IsNullable ? null : TypeDefaults.For(Kind);
        }

        var p = u[Dim];
        var lo = 0;
        var hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid] < p)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo == NullIndex)
        {
            return null;
        }

        return lo == OtherIndex ? GenerateOther(runtime) : _parsed[lo];
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        if (previous is null)
        {
            return null;
        }

        var other = GenerateOther(runtime);
        return attempt < 20 || other is not string s ? other : ShapeGenerator.WithSuffix(s, attempt, MaxLength);
    }

    /// <summary>
    /// Whether <paramref name="text"/> may stand in for a rare value: it fits the column, is no kept category (those have
    /// buckets of their own) and no real value of the column.
    /// </summary>
    public bool MayStandIn(string text) =>
        (MaxLength is not { } max || text.Length <= max) && !_index.ContainsKey(CellCodec.Canonical(text, Kind)) && RealValues?.MayContain(text) != true;

    /// <summary>Most stand-ins a sampling run remembers per column to avoid repeating them (memory stays bounded on huge tables).</summary>
    private const int MaxEmittedRemembered = 200_000;

    /// <summary>
    /// A stand-in for a rare value: declared or allowed labels first, else new words in the column's
    /// vocabulary, a value of the rare values' shape, or what the column's name suggests; never one of
    /// the kept categories (which have buckets of their own), and never a real value where they are known.
    /// </summary>
    private object? GenerateOther(ColumnRuntime runtime)
    {
        var random = runtime.Random;
        var labels = Allowed ?? (IReadOnlyList<object>?)EnumValues;
        if (labels is { Count: > 0 })
        {
            var unseen = labels.Where(l => !_index.ContainsKey(CellCodec.Canonical(l, Kind))).ToArray();
            var pool = unseen.Length > 0 ? unseen : labels.ToArray();
            return CellCodec.Canonical(pool[random.NextInt(pool.Length)], Kind);
        }

        // A city stands in as a real city of the row's country, not one the column's words compose ("São Rio").
        if (OtherHint == "city" && Kind == ValueKind.String) return CommonCities.ForRow(runtime, MayStandIn, MaxLength);

        // A status, kind or mode whose every value is rare: a status word in its case ("pending", "READ_WRITE"), never a
        // place ("Bellevue") nor letters of its shape ("PXJH_RXSV"). The labels hold no value of the column.
        if (OtherLabels is { Length: > 0 } statuses && Kind == ValueKind.String) return StatusLabels.Pick(statuses, random);

        object? fallback = null;
        object? realFallback = null;
        // Ten tries for a new value; up to twenty more where the tries wrote real values (a column whose words leave
        // few new combinations).
        for (var attempt = 0; attempt < 10 || (fallback is null && realFallback is not null && attempt < 30); attempt++)
        {
            string? text = null;
            var vocabulary = Kind == ValueKind.String && NameFallback.IsVocabulary(OtherHint) && OtherWords is not { IsEmpty: false, HasOwnStandIns: true };
            if (vocabulary)
            {
                // A job title or a country the column's own words cannot make: one of that kind ("Marketing Manager"
                // beside "Sales Manager", not "Gorgeous Representative"; "Germany", not "Republic of").
                var hint = OtherShape is { Total: > 0 } shortCodes ? NameFallback.CodeHint(OtherHint, shortCodes) ?? OtherHint! : OtherHint!;
                text = NameFallback.Generate(hint, runtime.GetFaker(), random, MaxLength, null);
                if (CountrySpellings is { } spellings && spellings.TryGetValue(text, out var spelled)) text = spelled;
                // A row in a country whose locale has no states of its own gets Bogus' US fallback ("France, NV"), and a row
                // in a country Bogus has no locale for gets a US state from the model's ("China, North Carolina"): a state
                // left empty reads right there, as most such rows of the source leave it.
                if (IsNullable && hint is "state" or "state-code" && runtime.RowCountry is not null && runtime.RowLocale != "en_US" && NameFallback.IsPublicListValue(hint, text))
                {
                    return null;
                }
            }
            else if (OtherWords is { IsEmpty: false } words)
            {
                text = words.Generate(random, runtime.GetFaker(), MaxLength);
            }
            else if (Kind == ValueKind.String && OtherShape is { Total: > 0 } codes && NameFallback.CodeHint(OtherHint, codes) is { } codeHint)
            {
                // Short codes of a known kind (regions "SP", "OR", "WA"): real-looking codes of that kind, not letters of their shape ("ZMsakl").
                text = NameFallback.Generate(codeHint, runtime.GetFaker(), random, MaxLength, null);
            }
            else if (OtherShape is { Total: > 0 } shape)
            {
                // The characters every rare value shares ("name" of "name17") are kept for the first tries; where those
                // leave only real values (a one-digit counter), the later tries draw every position.
                text = ShapeGenerator.Generate(shape, random, MaxLength, literals: attempt < 10);
            }
            else if (Kind == ValueKind.String && OtherHint == "product" && runtime.GetFaker().Locale.StartsWith("en", StringComparison.Ordinal))
            {
                // Names of products of the kinds the column's words point to ("Organic Green Tea" for a grocer).
                text = Generators.CommonProducts.Next(random, ProductKinds);
            }
            else if (Kind == ValueKind.String && OtherHint is not null)
            {
                // A label of a kind its name does not tell, or a "description" that is a label (territories "Westboro",
                // "Bedford"): a proper name of a place reads as a label; a sentence ("If we transmit the application, we can
                // get to the USB") or three random words do not.
                var hint = OtherHint is "sentence" or "words" ? "place" : OtherHint;
                text = NameFallback.Generate(hint, runtime.GetFaker(), random, MaxLength, null);
            }

            if (string.IsNullOrEmpty(text)) break;
            // A stand-in wider than the column fails the whole table's load on an engine that checks widths.
            if (MaxLength is { } width && text.Length > width) continue;
            object candidate;
            try
            {
                candidate = CellCodec.Parse(text, Kind);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                continue;
            }

            if (_index.ContainsKey(candidate) || (_keptCountries is not null && CommonCountries.Canonical(text) is { } country && _keptCountries.Contains(country))) continue;
            // A real value is drawn again, unless it is one of a public list drawn at the list's weights whatever the
            // source holds (a country, a courtesy title): a rare state or city of the source is not written back.
            if (RealValues?.MayContain(text) == true && !NameFallback.IsPublicListValue(OtherHint, text))
            {
                realFallback ??= candidate;
                continue;
            }

            // Countries and job titles repeat in real data as often as the list's weights say; made-up names do not.
            if (vocabulary) return candidate;

            // Rare values are mostly one of a kind, so their stand-ins should be too: a value this run already
            // wrote is redrawn (a few times), else one common word alone ("Love") comes out dozens of times, and
            // each time it matches the one real title that is just that word.
            fallback ??= candidate;
            var emitted = runtime.Emitted ??= [];
            if (emitted.Count >= MaxEmittedRemembered || emitted.Add(candidate)) return candidate;
        }

        if ((fallback ?? realFallback) is { } stand) return stand;

        // Nothing can stand in (dates, booleans, numbers): the most frequent real category.
        for (var i = 0; i < _parsed.Length; i++)
        {
            if (_parsed[i] is { } value)
            {
                return value;
            }
        }

        return IsNullable ? null : TypeDefaults.For(Kind);
    }
}
