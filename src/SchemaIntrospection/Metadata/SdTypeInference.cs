using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Gives each column an sdtype from its type, its name and (where given) a profile of its values.
/// Order of evidence: keys, then the type, then the name, then the values. Coarse geography
/// (country, state) stays categorical: it carries statistics and identifies no one alone; street
/// addresses, cities and postcodes are pii. Dates of birth typed as dates stay datetimes.
/// </summary>
public static partial class SdTypeInference
{
    /// <summary>Share of sampled values that must match a shape (e-mail, phone, ...) to call the column by it.</summary>
    public const double ShapeShare = 0.8;

    private static readonly string[] PersonTables =
        ["customer", "client", "employee", "person", "people", "user", "contact", "patient", "member", "staff", "author",
         "student", "teacher", "driver", "applicant", "account_holder", "subscriber", "passenger", "guest", "owner", "doctor", "nurse"];

    /// <summary>Infers every column of every table; profiles are keyed by table then column name (missing = no profile).</summary>
    public static DatabaseSchema Apply(DatabaseSchema schema, IReadOnlyDictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema with
        {
            Tables = schema.Tables.Select(table =>
            {
                IReadOnlyDictionary<string, ColumnProfile>? tableProfiles = null;
                profiles?.TryGetValue(table.Name, out tableProfiles);
                return table with
                {
                    Columns = table.Columns.Select(c =>
                    {
                        ColumnProfile? profile = null;
                        tableProfiles?.TryGetValue(c.Name, out profile);
                        var (sdType, pii) = Infer(table, c, profile);
                        return c with { SdType = sdType, PiiKind = pii, DatetimeFormat = sdType == SdType.Datetime ? DatetimeFormatOf(c.LogicalType) : null };
                    }).ToList(),
                };
            }).ToList(),
        };
    }

    public static (SdType SdType, PiiKind? Pii) Infer(TableSchema table, ColumnSchema column, ColumnProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        if (IsKeyColumn(table, column.Name)) return (SdType.Id, null);
        if (column.GeneratedSql is not null) return (SdType.Unsupported, null);

        switch (column.LogicalType)
        {
            case LogicalType.Boolean:
                return (SdType.Boolean, null);
            case LogicalType.Uuid:
                return (SdType.Id, null);
            case LogicalType.Network:
                return (SdType.Pii, PiiKind.IpAddress);
            case LogicalType.Binary or LogicalType.Json or LogicalType.Xml or LogicalType.Spatial or LogicalType.Range
                or LogicalType.Array or LogicalType.Interval or LogicalType.Bit or LogicalType.Other:
                return (SdType.Unsupported, null);
            case LogicalType.Enum or LogicalType.Set:
                return (SdType.Categorical, null);
            case LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone or LogicalType.Time or LogicalType.TimeWithTimeZone:
                return (SdType.Datetime, null);
            case LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 or LogicalType.Decimal
                or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64:
                var numericPii = NumericPiiByName(Normalise(column.Name));
                return numericPii is null ? (SdType.Numerical, null) : (SdType.Pii, numericPii);
        }

        // A string of some kind: name first, then the values' shapes, then how many distinct values.
        var name = Normalise(column.Name);
        var byName = PiiByName(name, Normalise(table.Name.Name));
        if (byName is not null) return (SdType.Pii, byName);
        if (name is "country" or "countrycode" or "state" or "province" or "region" or "billingcountry" or "billingstate"
            or "shipcountry" or "shipregion" or "nationality") return (SdType.Categorical, null);

        if (profile is not null && profile.NonNull > 0)
        {
            if (profile.Share(profile.Emails) >= ShapeShare) return (SdType.Pii, PiiKind.Email);
            if (profile.Share(profile.Phones) >= ShapeShare && profile.DistinctRatio > 0.5) return (SdType.Pii, PiiKind.Phone);
            if (profile.Share(profile.IpAddresses) >= ShapeShare) return (SdType.Pii, PiiKind.IpAddress);
            if (profile.Share(profile.Urls) >= ShapeShare) return (SdType.Pii, PiiKind.Url);
            if (profile.Share(profile.Uuids) >= ShapeShare) return (SdType.Id, null);
            if (profile.MeanLength > 60 || (profile.Share(profile.MultiWord) >= 0.5 && profile.DistinctRatio > 0.5)) return (SdType.Text, null);
            // Many distinct labels among enough values: names of things, codes, titles. Learned as
            // categories they would copy real values, so they are generated as text instead.
            if (profile.NonNull >= 20 && profile.DistinctRatio > 0.5) return (SdType.Text, null);
            return (SdType.Categorical, null);
        }
        return column.LogicalType == LogicalType.Text ? (SdType.Text, null) : (SdType.Categorical, null);
    }

    /// <summary>strftime format SDV reads for a datetime of this logical type.</summary>
    public static string? DatetimeFormatOf(LogicalType type) => type switch
    {
        LogicalType.Date => "%Y-%m-%d",
        LogicalType.DateTime => "%Y-%m-%d %H:%M:%S",
        LogicalType.DateTimeWithTimeZone => "%Y-%m-%d %H:%M:%S%z",
        LogicalType.Time or LogicalType.TimeWithTimeZone => "%H:%M:%S",
        _ => null,
    };

    /// <summary>Columns of the primary key, of a foreign key, or alone in a unique key are keys: generated, never learned.</summary>
    public static bool IsKeyColumn(TableSchema table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.PrimaryKey?.Columns.Contains(column) == true) return true;
        if (table.ForeignKeys.Any(fk => fk.Columns.Contains(column))) return true;
        return false;
    }

    private static string Normalise(string name) => NonAlphanumeric().Replace(name.ToLowerInvariant(), string.Empty);

    private static PiiKind? NumericPiiByName(string name) => name switch
    {
        "latitude" or "lat" => PiiKind.Latitude,
        "longitude" or "lon" or "lng" or "long" => PiiKind.Longitude,
        _ when name.Contains("ssn", StringComparison.Ordinal) || name.Contains("socialsecurity", StringComparison.Ordinal) => PiiKind.NationalId,
        _ when name.Contains("phone", StringComparison.Ordinal) => PiiKind.Phone,
        _ when name.Contains("creditcard", StringComparison.Ordinal) || name.Contains("cardnumber", StringComparison.Ordinal) => PiiKind.CreditCard,
        _ => null,
    };

    private static PiiKind? PiiByName(string name, string table)
    {
        bool Has(string part) => name.Contains(part, StringComparison.Ordinal);
        if (Has("email") || Has("mail") && !Has("mailing")) return PiiKind.Email;
        if (Has("fax")) return PiiKind.Fax;
        if (Has("phone") || Has("mobile") || name is "tel" or "telephone" or "cell" or "cellphone") return PiiKind.Phone;
        if (Has("firstname") || Has("givenname") || Has("forename") || name is "first" or "fname") return PiiKind.FirstName;
        if (Has("lastname") || Has("surname") || Has("familyname") || name is "last" or "lname") return PiiKind.LastName;
        if (Has("fullname") || Has("contactname") || Has("personname") || Has("customername") || Has("employeename")) return PiiKind.PersonName;
        if (name == "name" && PersonTables.Any(p => table.Contains(p, StringComparison.Ordinal))) return PiiKind.PersonName;
        if (Has("username") || Has("login") || name is "user" or "handle" or "nickname") return PiiKind.Username;
        if (Has("password") || Has("passwd") || name is "pwd" or "passwordhash") return PiiKind.Password;
        if (Has("iban")) return PiiKind.Iban;
        if (Has("creditcard") || Has("cardnumber") || Has("ccnumber")) return PiiKind.CreditCard;
        if (Has("ssn") || Has("socialsecurity") || Has("nationalid") || Has("passport") || Has("taxid")) return PiiKind.NationalId;
        if (Has("ipaddress") || name is "ip" or "ipv4" or "ipv6" or "clientip") return PiiKind.IpAddress;
        if (Has("url") || Has("website") || Has("homepage") || Has("webpage")) return PiiKind.Url;
        if (Has("postalcode") || Has("postcode") || Has("zipcode") || name is "zip" or "postal" or "plz") return PiiKind.Postcode;
        if (Has("address") || Has("street")) return PiiKind.StreetAddress;
        if (name is "city" or "town" or "billingcity" or "shipcity" || name.EndsWith("city", StringComparison.Ordinal)) return PiiKind.City;
        if (name is "company" or "companyname" or "employer" or "organisation" or "organization") return PiiKind.Company;
        if (Has("birth") || name is "dob") return PiiKind.DateOfBirth;
        return null;
    }

    [GeneratedRegex("[^a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NonAlphanumeric();
}
