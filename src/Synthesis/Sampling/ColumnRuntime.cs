using Bogus;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>Per column, per sampling run: its own random stream, key counter, used values and generator.</summary>
internal sealed class ColumnRuntime
{
    public ColumnRuntime(Xoshiro256 random) => Random = random;

    public Xoshiro256 Random { get; }

    /// <summary>Next number of a generated key sequence.</summary>
    public long Counter { get; set; } = 1;

    /// <summary>
    /// The last values a unique number column wrote above and below its learned range, once every value within it was
    /// taken; null until then.
    /// </summary>
    public (double Above, double Below)? Beyond { get; set; }

    /// <summary>Values already emitted by a unique column.</summary>
    public HashSet<object>? Used { get; set; }

    /// <summary>Stand-ins for rare values a categorical column already wrote this run.</summary>
    public HashSet<object>? Emitted { get; set; }

    /// <summary>The model's Bogus locale, for generators that need one.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>The locale of the row being drawn, where its country names one (a German customer's city); null: <see cref="Locale"/>.</summary>
    public string? RowLocale { get; set; }

    /// <summary>The row's country as drawn (its country column's value), where the table has one; null otherwise.</summary>
    public string? RowCountry { get; set; }

    /// <summary>The gender the row's courtesy title or sex names, for a first name generated in it; null where none is known.</summary>
    public Bogus.DataSets.Name.Gender? RowGender { get; set; }

    /// <summary>The row's first name as drawn, for an address made of it; null where the table has none.</summary>
    public string? RowFirstName { get; set; }

    /// <summary>The row's last name as drawn, for an address made of it; null where the table has none.</summary>
    public string? RowLastName { get; set; }

    // The column's randomizers (of the model's locale, and of each locale its rows named), each seeded once from its
    // random stream on first use; the fakers they draw through are shared (see PiiGenerator.SharedFaker).
    private Randomizer? _randomizer;
    private Dictionary<string, Randomizer>? _rowRandomizers;

    /// <summary>
    /// This column's faker (of the row's locale where it has one), drawing from its own randomizer, made on first use
    /// from its random stream. Draw with it at once: the faker is shared, and only the randomizer is the column's.
    /// </summary>
    public Faker GetFaker()
    {
        if (RowLocale is not { } locale || locale == Locale)
        {
            return Generators.PiiGenerator.SharedFaker(Locale, _randomizer ??= new Randomizer(unchecked((int)Random.NextULong())));
        }

        _rowRandomizers ??= new Dictionary<string, Randomizer>(StringComparer.Ordinal);
        if (!_rowRandomizers.TryGetValue(locale, out var randomizer))
        {
            randomizer = new Randomizer(unchecked((int)Random.NextULong()));
            _rowRandomizers[locale] = randomizer;
        }

        return Generators.PiiGenerator.SharedFaker(locale, randomizer);
    }
}
