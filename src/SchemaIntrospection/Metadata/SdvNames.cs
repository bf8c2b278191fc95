using System.Collections.Frozen;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Our sdtypes and pii kinds as SDV's metadata spells them, both ways. SDV accepts its six basic
/// sdtypes, RDT's anonymizer set and any Faker method name (REFERENCE §7); each name we know maps to
/// a <see cref="PiiKind"/> with a generator of its own, any other Faker name to the closest generic
/// generator, with a note that says which.
/// </summary>
public static class SdvNames
{
    /// <summary>RDT's anonymizer sdtypes: valid in SDV although some (ipv4_address, ...) are not Faker methods.</summary>
    private static readonly FrozenSet<string> Anonymizers = new[]
    {
        "address", "email", "ipv4_address", "ipv6_address", "mac_address", "name", "phone_number", "ssn", "user_agent_string",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Faker methods (and RDT names) read as free text, generated, never learned.</summary>
    private static readonly FrozenSet<string> TextNames = new[] { "text", "texts", "paragraph", "paragraphs", "sentence", "sentences" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every sdtype name we read as a pii kind with a generator of its own; the first is the one we write.</summary>
    private static readonly (PiiKind Kind, string[] Names)[] KindNames =
    [
        (PiiKind.Email, ["email", "ascii_email", "ascii_free_email", "ascii_safe_email", "free_email", "safe_email", "company_email", "ascii_company_email"]),
        (PiiKind.Phone, ["phone_number", "basic_phone_number", "msisdn"]),
        (PiiKind.PersonName, ["name", "name_female", "name_male", "name_nonbinary"]),
        (PiiKind.FirstName, ["first_name", "first_name_female", "first_name_male", "first_name_nonbinary"]),
        (PiiKind.LastName, ["last_name", "last_name_female", "last_name_male", "last_name_nonbinary"]),
        (PiiKind.StreetAddress, ["street_address", "address"]),
        (PiiKind.City, ["city"]),
        (PiiKind.State, ["administrative_unit", "state", "military_state"]),
        (PiiKind.Country, ["country", "current_country"]),
        (PiiKind.Postcode, ["postcode", "zipcode", "postalcode", "zipcode_plus4", "postalcode_plus4", "postcode_in_state", "zipcode_in_state", "postalcode_in_state"]),
        (PiiKind.IpAddress, ["ipv4_address", "ipv4", "ipv4_private", "ipv4_public"]),
        (PiiKind.Iban, ["iban"]),
        (PiiKind.CreditCard, ["credit_card_number"]),
        (PiiKind.NationalId, ["ssn", "invalid_ssn", "itin"]),
        (PiiKind.Url, ["url", "uri"]),
        (PiiKind.Company, ["company"]),
        (PiiKind.Username, ["user_name"]),
        (PiiKind.Password, ["password"]),
        (PiiKind.DateOfBirth, ["date_of_birth", "passport_dob"]),
        (PiiKind.Latitude, ["latitude"]),
        (PiiKind.Longitude, ["longitude"]),
        (PiiKind.StateAbbreviation, ["state_abbr"]),
        (PiiKind.CountryCode, ["country_code", "current_country_code"]),
        (PiiKind.ImageUrl, ["image_url"]),
        (PiiKind.JobTitle, ["job", "job_female", "job_male"]),
        (PiiKind.LicensePlate, ["license_plate"]),
        (PiiKind.Vin, ["vin"]),
        (PiiKind.MacAddress, ["mac_address"]),
        (PiiKind.Ipv6Address, ["ipv6_address", "ipv6"]),
        (PiiKind.UserAgent, ["user_agent_string", "user_agent", "chrome", "firefox", "safari", "opera", "internet_explorer"]),
        (PiiKind.StreetName, ["street_name"]),
        (PiiKind.SecondaryAddress, ["secondary_address"]),
        (PiiKind.BuildingNumber, ["building_number"]),
        (PiiKind.BankAccount, ["bban"]),
        (PiiKind.SwiftCode, ["swift", "swift8", "swift11"]),
        (PiiKind.RoutingNumber, ["aba"]),
        (PiiKind.TaxNumber, ["ein"]),
        (PiiKind.PassportNumber, ["passport_number"]),
        (PiiKind.DomainName, ["domain_name", "hostname", "safe_domain_name", "domain_word"]),
        (PiiKind.Uuid, ["uuid4"]),
        (PiiKind.ColorName, ["color_name", "safe_color_name"]),
        (PiiKind.CurrencyCode, ["currency_code", "cryptocurrency_code"]),
        (PiiKind.Word, ["word"]),
    ];

    private static readonly FrozenDictionary<string, PiiKind> Known =
        KindNames.SelectMany(k => k.Names.Select(n => (n, k.Kind))).ToFrozenDictionary(p => p.n, p => p.Kind, StringComparer.Ordinal);

    /// <summary>Stand-ins for Faker names without a generator of their own: the first rule whose word the name holds wins.</summary>
    private static readonly (string Word, PiiKind Kind)[] StandIns =
    [
        ("email", PiiKind.Email), ("phone", PiiKind.Phone), ("address", PiiKind.StreetAddress), ("url", PiiKind.Url), ("uri", PiiKind.Url),
        ("date", PiiKind.DateOfBirth), ("time", PiiKind.DateOfBirth), ("year", PiiKind.DateOfBirth), ("month", PiiKind.DateOfBirth),
        ("number", PiiKind.Code), ("code", PiiKind.Code),
        ("color", PiiKind.ColorName), ("company", PiiKind.Company), ("country", PiiKind.Country), ("city", PiiKind.City),
        ("first_name", PiiKind.FirstName), ("last_name", PiiKind.LastName), ("currency", PiiKind.CurrencyCode), ("id", PiiKind.Code), ("isbn", PiiKind.Code), ("ean", PiiKind.Code),
        ("upc", PiiKind.Code), ("sbn", PiiKind.Code), ("md5", PiiKind.Code), ("sha", PiiKind.Code), ("py", PiiKind.Code),
        ("random", PiiKind.Code), ("ify", PiiKind.Code), ("ssn", PiiKind.NationalId), ("passport", PiiKind.PassportNumber),
    ];

    /// <summary>The sdtype written to SDV's file for a column (a Faker name for pii kinds; <c>unknown</c> where Faker has none).</summary>
    public static string SdType(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.SdType switch
        {
            Model.SdType.Numerical => "numerical",
            Model.SdType.Datetime => "datetime",
            Model.SdType.Categorical => "categorical",
            Model.SdType.Boolean => "boolean",
            Model.SdType.Id => "id",
            Model.SdType.Pii => Pii(column.PiiKind ?? PiiKind.PersonName),
            // Faker's text() exists, so "text" is a valid SDV sdtype; with pii it is generated, never learned.
            Model.SdType.Text => "text",
            _ => "unknown",
        };
    }

    /// <summary>The SDV sdtype of a pii kind: its Faker (or RDT) name, or <c>unknown</c> (with pii) where there is none.</summary>
    public static string Pii(PiiKind kind) => kind switch
    {
        // fax_number is not a Faker method: a fax is written as a phone number (our kind stays in the sidecar).
        PiiKind.Fax => "phone_number",
        PiiKind.LicenseNumber or PiiKind.Code => "unknown",
        // Faker has no name written family name first: SDV reads it as a name (our kind stays in the sidecar).
        PiiKind.SortName => "name",
        _ => KindNames.First(k => k.Kind == kind).Names[0],
    };

    /// <summary>True for a name SDV accepts as the sdtype of a primary, alternate or foreign key: <c>id</c> or a Faker method.</summary>
    public static bool IsKeySdType(string sdtype) => sdtype == "id" || FakerMethods.Contains(sdtype);

    /// <summary>True for every sdtype SDV accepts: the basic ones, RDT's anonymizers and any Faker method name.</summary>
    public static bool IsSdvSdType(string sdtype) =>
        sdtype is "numerical" or "datetime" or "categorical" or "boolean" or "id" or "unknown"
        || Anonymizers.Contains(sdtype) || FakerMethods.Contains(sdtype);

    /// <summary>
    /// Reads an sdtype written by us, by SDV or by a user, with its <c>pii</c> flag (null when absent:
    /// SDV's default is true). A semantic sdtype with <c>pii: false</c> is modelled as a category, as
    /// SDV does. Returns null for a name SDV would refuse.
    /// </summary>
    public static SdTypeReading? Read(string sdtype, bool? pii)
    {
        ArgumentNullException.ThrowIfNull(sdtype);
        switch (sdtype)
        {
            case "numerical": return new(Model.SdType.Numerical, null);
            case "datetime": return new(Model.SdType.Datetime, null);
            case "categorical": return new(Model.SdType.Categorical, null);
            case "boolean": return new(Model.SdType.Boolean, null);
            case "id": return new(Model.SdType.Id, null);
            // SDV's "unknown" with pii is anonymised (a random code); without, we leave the column alone.
            case "unknown": return pii == false ? new(Model.SdType.Unsupported, null) : new(Model.SdType.Pii, PiiKind.Code);
            // Our files before the sidecar wrote faxes so; not a Faker method, so SDV never writes it.
            case "fax_number": return new(Model.SdType.Pii, PiiKind.Fax);
        }
        if (!IsSdvSdType(sdtype)) return null;
        if (pii == false) return new(Model.SdType.Categorical, null);
        if (TextNames.Contains(sdtype)) return new(Model.SdType.Text, null);
        if (Known.TryGetValue(sdtype, out var kind)) return new(Model.SdType.Pii, kind);
        var standIn = StandIns.FirstOrDefault(s => sdtype.Contains(s.Word, StringComparison.Ordinal));
        var chosen = standIn.Word is null ? PiiKind.Word : standIn.Kind;
        return new(Model.SdType.Pii, chosen, $"sdtype '{sdtype}' is a Faker method sdv-connector has no generator for; its values are generated as {Describe(chosen)} ({Pii(chosen)}) instead. Give the column one of the sdtypes that have a generator (e.g. {string.Join(", ", Known.Keys.Order(StringComparer.Ordinal).Take(6))}, ...) to choose another.");
    }

    /// <summary>The sdtype names that have a generator of their own, for messages.</summary>
    public static IEnumerable<string> KnownNames => Known.Keys.Order(StringComparer.Ordinal);

    private static string Describe(PiiKind kind) => kind switch
    {
        PiiKind.Code => "random codes of letters and digits",
        PiiKind.Word => "random words",
        PiiKind.DateOfBirth => "random dates",
        _ => kind.ToString(),
    };

    /// <summary>SDV's computer_representation for a numerical column.</summary>
    public static string ComputerRepresentation(LogicalType type) => type switch
    {
        LogicalType.Int8 => "Int8",
        LogicalType.Int16 => "Int16",
        LogicalType.Int32 => "Int32",
        LogicalType.Int64 => "Int64",
        _ => "Float",
    };
}
