using System.Globalization;
using Bogus;
using Bogus.DataSets;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Personal values from Bogus, one generator per <see cref="PiiKind"/>, in the configured locale;
/// never derived from real values. Dates use a fixed reference so output is reproducible.
/// </summary>
internal static class PiiGenerator
{
    private static readonly DateTime BirthFrom = new(1940, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime BirthTo = new(2007, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);

    // Per thread, one faker per locale. A faker's data sets hold nothing but the locale's data and the randomizer they
    // draw from, so a column's draws from a shared faker given its own randomizer are its draws from a faker of its own.
    // Making one cost about a millisecond (its System data set parses the MIME types) and one was made per pii column
    // and per locale its rows name (Northwind: hundreds per clone).
    [ThreadStatic]
    private static Dictionary<string, Faker>? _fakers;

    public static Faker CreateFaker(string locale, int seed)
    {
        var faker = NewFaker(locale);
        faker.Random = new Randomizer(seed);
        return faker;
    }

    /// <summary>
    /// This thread's faker of <paramref name="locale"/>, drawing from <paramref name="random"/>: valid until the next call
    /// on this thread, so a caller draws with it at once and never keeps it across an await.
    /// </summary>
    public static Faker SharedFaker(string locale, Randomizer random)
    {
        var fakers = _fakers ??= new Dictionary<string, Faker>(StringComparer.Ordinal);
        if (!fakers.TryGetValue(locale, out var faker))
        {
            faker = NewFaker(locale);
            fakers[locale] = faker;
        }

        if (!ReferenceEquals(faker.Random, random)) faker.Random = random;
        return faker;
    }

    private static Faker NewFaker(string locale)
    {
        try
        {
            return new Faker(locale);
        }
        catch (Exception e) when (e is BogusException or ArgumentException or KeyNotFoundException)
        {
            throw new ArgumentException($"Locale '{locale}' is not a Bogus locale; use one such as \"en\", \"de\" or \"fr\" (SynthesisOptions.Locale).", e);
        }
    }

    /// <param name="gender">The person's gender where the row tells it (a courtesy title): a first or full name of that gender.</param>
    public static object Generate(PiiKind kind, Faker f, ValueKind valueKind, int? maxLength, Name.Gender? gender = null)
    {
        // A value longer than the column is drawn again before it is cut: a city or country cut to the column's width
        // ("Libyan Arab Jam") reads as broken.
        var value = Draw(kind, f, gender);
        for (var attempt = 0; attempt < 8 && valueKind == ValueKind.String && maxLength is { } max && value is string s && s.Length > max; attempt++)
            value = Draw(kind, f, gender);
        return Fit(value, valueKind, maxLength);
    }

    private static object Draw(PiiKind kind, Faker f, Name.Gender? gender) =>
        kind switch
        {
            PiiKind.Email => f.Internet.Email(),
            PiiKind.Phone or PiiKind.Fax => WithoutExtension(f.Phone.PhoneNumber()),
            PiiKind.PersonName => gender is null ? f.Name.FullName() : $"{FirstName(f, gender.Value)} {f.Name.LastName(gender)}",
            PiiKind.SortName => gender is null ? $"{f.Name.LastName()}, {f.Name.FirstName()}" : $"{f.Name.LastName(gender)}, {FirstName(f, gender.Value)}",
            PiiKind.FirstName => gender is null ? f.Name.FirstName() : FirstName(f, gender.Value),
            PiiKind.LastName => f.Name.LastName(),
            PiiKind.StreetAddress => f.Address.StreetAddress(),
            PiiKind.City => f.Address.City(),
            PiiKind.State => f.Address.State(),
            PiiKind.Country => CommonCountries.Next(f),
            PiiKind.Postcode => f.Address.ZipCode(),
            PiiKind.IpAddress => f.Internet.Ip(),
            PiiKind.Iban => f.Finance.Iban(),
            PiiKind.CreditCard => f.Finance.CreditCardNumber(),
            PiiKind.NationalId => f.Random.Replace("###-##-####"),
            PiiKind.Url => f.Internet.Url(),
            PiiKind.Company => f.Company.CompanyName(),
            PiiKind.Username => f.Internet.UserName(),
            PiiKind.Password => f.Internet.Password(12),
            PiiKind.DateOfBirth => f.Date.Between(BirthFrom, BirthTo).Date,
            PiiKind.Latitude => f.Address.Latitude(),
            PiiKind.Longitude => f.Address.Longitude(),
            PiiKind.StateAbbreviation => f.Address.StateAbbr(),
            PiiKind.CountryCode => f.Address.CountryCode(),
            PiiKind.ImageUrl => f.Image.PicsumUrl(),
            PiiKind.JobTitle => CommonJobTitles.Next(f),
            PiiKind.LicensePlate => f.Random.Replace("???-####"),
            PiiKind.Vin => f.Vehicle.Vin(),
            PiiKind.MacAddress => f.Internet.Mac(),
            PiiKind.Ipv6Address => f.Internet.Ipv6(),
            PiiKind.UserAgent => f.Internet.UserAgent(),
            PiiKind.StreetName => f.Address.StreetName(),
            PiiKind.SecondaryAddress => f.Address.SecondaryAddress(),
            PiiKind.BuildingNumber => f.Address.BuildingNumber(),
            PiiKind.BankAccount => f.Finance.Account(10),
            PiiKind.SwiftCode => f.Finance.Bic(),
            PiiKind.RoutingNumber => f.Finance.RoutingNumber(),
            PiiKind.TaxNumber => f.Random.Replace("##-#######"),
            PiiKind.PassportNumber => f.Random.Replace("?########"),
            PiiKind.LicenseNumber => f.Random.Replace("?###-####-####"),
            PiiKind.DomainName => f.Internet.DomainName(),
            PiiKind.Uuid => f.Random.Guid().ToString(),
            PiiKind.ColorName => f.Commerce.Color(),
            PiiKind.CurrencyCode => f.Finance.Currency().Code,
            PiiKind.Code => f.Random.Replace("??######"),
            _ => f.Lorem.Word(),
        };

    /// <summary>
    /// A first name of <paramref name="gender"/>. Bogus ignores the gender in a locale without names by gender (en_US,
    /// en_GB, es_MX, de_AT: "Mr. Janie"), so there the name comes from its language's locale (en, es, de) where that has
    /// them; where neither has, any name of the locale.
    /// </summary>
    private static string FirstName(Faker f, Name.Gender gender)
    {
        if (HasGenderedNames(f.Locale)) return f.Name.FirstName(gender);
        var language = f.Locale.Split('_')[0];
        if (language == f.Locale || !HasGenderedNames(language)) return f.Name.FirstName();
        var names = _languageNames ??= new Dictionary<string, Name>(StringComparer.Ordinal);
        if (!names.TryGetValue(language, out var name)) names[language] = name = new Name(language);
        name.Random = f.Random;
        return name.FirstName(gender);
    }

    private static bool HasGenderedNames(string locale) =>
        GenderedLocales.GetOrAdd(locale, static l => Bogus.Database.HasKey("name", "male_first_name", l, null) && Bogus.Database.HasKey("name", "female_first_name", l, null));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> GenderedLocales = new(StringComparer.Ordinal);

    /// <summary>Per thread (a dataset is not safe to share), the names of a language, drawn with the caller's random stream.</summary>
    [ThreadStatic]
    private static Dictionary<string, Name>? _languageNames;

    /// <summary>A number without the extension Bogus adds to one in three ("1-361-852-2980 x2293"): few columns hold them.</summary>
    private static string WithoutExtension(string phone)
    {
        var x = phone.IndexOf(" x", StringComparison.Ordinal);
        return x > 0 ? phone[..x] : phone;
    }

    private static object Fit(object value, ValueKind kind, int? maxLength)
    {
        switch (kind)
        {
            case ValueKind.String:
                var text = value is DateTime dt ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : CellCodec.Format(value);
                return maxLength is { } max && text.Length > max ? text[..max] : text;
            case ValueKind.Date when value is DateTime d:
                return DateOnly.FromDateTime(d);
            case ValueKind.DateTimeOffset when value is DateTime d2:
                return new DateTimeOffset(d2, TimeSpan.Zero);
            case ValueKind.Decimal or ValueKind.Double or ValueKind.Integer when value is double x:
                return kind == ValueKind.Decimal ? Math.Round((decimal)x, 6) : kind == ValueKind.Integer ? (long)x : x;
            case ValueKind.Decimal or ValueKind.Double or ValueKind.Integer when value is string s:
                // A zip code, tax or account number stored as a number: its digits, at most nine so that any integer column holds it.
                var digits = new string(s.Where(char.IsAsciiDigit).Take(9).ToArray());
                var number = digits.Length == 0 ? 0L : long.Parse(digits, CultureInfo.InvariantCulture);
                return kind == ValueKind.Integer ? number : kind == ValueKind.Decimal ? (decimal)number : (double)number;
            default:
                try
                {
                    return CellCodec.Canonical(value, kind);
                }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
                {
                    return TypeDefaults.For(kind);
                }
        }
    }
}
