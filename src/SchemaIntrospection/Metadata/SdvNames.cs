using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>Our sdtypes and pii kinds as SDV's metadata spells them (pii kinds as Faker method names).</summary>
public static class SdvNames
{
    private static readonly (PiiKind Kind, string Sdv)[] PiiNames =
    [
        (PiiKind.Email, "email"), (PiiKind.Phone, "phone_number"), (PiiKind.PersonName, "name"), (PiiKind.FirstName, "first_name"),
        (PiiKind.LastName, "last_name"), (PiiKind.StreetAddress, "street_address"), (PiiKind.City, "city"), (PiiKind.State, "state"),
        (PiiKind.Country, "country"), (PiiKind.Postcode, "postcode"), (PiiKind.IpAddress, "ipv4_address"), (PiiKind.Iban, "iban"),
        (PiiKind.CreditCard, "credit_card_number"), (PiiKind.NationalId, "ssn"), (PiiKind.Url, "url"), (PiiKind.Company, "company"),
        (PiiKind.Username, "user_name"), (PiiKind.Password, "password"), (PiiKind.DateOfBirth, "date_of_birth"), (PiiKind.Fax, "fax_number"),
        (PiiKind.Latitude, "latitude"), (PiiKind.Longitude, "longitude"),
    ];

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

    public static string Pii(PiiKind kind) => PiiNames.First(p => p.Kind == kind).Sdv;

    /// <summary>Reads an sdtype written by us, by SDV, or by a user: a pii sdtype gives its kind.</summary>
    public static bool TryParse(string sdtype, out SdType type, out PiiKind? pii)
    {
        pii = null;
        type = sdtype switch
        {
            "numerical" => Model.SdType.Numerical,
            "datetime" => Model.SdType.Datetime,
            "categorical" => Model.SdType.Categorical,
            "boolean" => Model.SdType.Boolean,
            "id" => Model.SdType.Id,
            "text" => Model.SdType.Text,
            "unknown" => Model.SdType.Unsupported,
            _ => Model.SdType.Unknown,
        };
        if (type != Model.SdType.Unknown) return true;
        foreach (var (kind, name) in PiiNames)
        {
            if (name == sdtype || (sdtype is "ipv6_address" && kind == PiiKind.IpAddress) || (sdtype is "address" && kind == PiiKind.StreetAddress))
            {
                type = Model.SdType.Pii;
                pii = kind;
                return true;
            }
        }
        return false;
    }

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
