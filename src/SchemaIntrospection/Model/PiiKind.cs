namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>The kind of personal value a pii column holds; each maps to a generator and to a Faker name in SDV metadata.</summary>
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
}
