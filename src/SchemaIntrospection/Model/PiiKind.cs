namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// The kind of personal value a pii column holds; each maps to a generator and to a Faker name in SDV metadata
/// (or to SDV's <c>unknown</c> with <c>pii</c>, where Faker has no method). New kinds go at the end: model files name them.
/// </summary>
public enum PiiKind
{
    Email,
    Phone,
    PersonName,
    FirstName,
    LastName,
    StreetAddress,
    City,
    State,
    Country,
    Postcode,
    IpAddress,
    Iban,
    CreditCard,
    NationalId,
    Url,
    Company,
    Username,
    Password,
    DateOfBirth,
    Fax,
    Latitude,
    Longitude,
    StateAbbreviation,
    CountryCode,
    ImageUrl,
    JobTitle,
    LicensePlate,
    Vin,
    MacAddress,
    Ipv6Address,
    UserAgent,
    StreetName,
    SecondaryAddress,
    BuildingNumber,
    /// <summary>A bank account number (not an IBAN).</summary>
    BankAccount,
    SwiftCode,
    RoutingNumber,
    TaxNumber,
    PassportNumber,
    /// <summary>A driving licence or other licence number.</summary>
    LicenseNumber,
    DomainName,
    Uuid,
    ColorName,
    CurrencyCode,
    /// <summary>A random word: the stand-in for a Faker sdtype without a generator of its own.</summary>
    Word,
    /// <summary>A random code of letters and digits: the stand-in for identifiers and numbers without a generator of their own.</summary>
    Code,
    /// <summary>A person's name written family name first, as catalogues sort them ("Johnson, Charles").</summary>
    SortName,
}
