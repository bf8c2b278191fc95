using System.Collections.Frozen;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Which kind of personal data a column's name says it holds, matched on whole words
/// (<see cref="NameWords"/>): e-mail, phone and fax, person, ship-to, bill-to and contact names,
/// companies and organisations, street addresses, cities, postcodes, IP addresses, URLs, user names,
/// passwords, card, bank account, IBAN, SWIFT and routing numbers, national ids, passports, tax
/// numbers, licence numbers and plates, birth dates. A name that counts or qualifies such a thing
/// (<c>address_count</c>, <c>ip_count</c>, <c>email_verified</c>, <c>is_phone</c>) is none of them.
/// </summary>
public static class PiiNames
{
    /// <summary>Kinds a number can hold: a zip code, tax or passport number stored as an integer is still personal.</summary>
    private static readonly FrozenSet<PiiKind> NumericKinds = new[]
    {
        PiiKind.Postcode, PiiKind.TaxNumber, PiiKind.PassportNumber, PiiKind.NationalId, PiiKind.BankAccount, PiiKind.LicenseNumber,
        PiiKind.Phone, PiiKind.Fax, PiiKind.CreditCard, PiiKind.RoutingNumber,
    }.ToFrozenSet();

    /// <summary>A last word that makes the name about the thing (how many, which type, whether checked), not the thing itself.</summary>
    private static readonly FrozenSet<string> Qualifiers = new[]
    {
        "count", "cnt", "counts", "total", "qty", "quantity", "type", "kind", "flag", "status", "verified", "valid", "validated",
        "enabled", "format", "len", "length", "changed", "updated", "source", "category", "optin", "consent", "confirmed",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PersonTables = new[]
    {
        "customer", "client", "employee", "person", "people", "user", "contact", "patient", "member", "staff", "author", "student",
        "teacher", "driver", "applicant", "holder", "subscriber", "passenger", "guest", "owner", "doctor", "nurse", "physician",
        "beneficiary", "recipient", "borrower", "tenant", "candidate", "worker", "volunteer", "participant", "visitor", "buyer", "seller",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrganisationTables = new[]
    {
        "supplier", "shipper", "vendor", "company", "companies", "organisation", "organization", "employer", "carrier", "manufacturer",
        "partner", "bank", "insurer", "agency", "firm", "merchant",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before "name" that make it a person's (or recipient's) name.</summary>
    private static readonly FrozenSet<string> PersonNameOwners = new[]
    {
        "full", "contact", "person", "customer", "client", "employee", "recipient", "ship", "shipping", "bill", "billing", "to",
        "consignee", "owner", "holder", "patient", "member", "display", "legal", "maiden", "student", "guest", "passenger",
        "author", "sender", "assignee", "reporter", "requester", "reviewer", "signer", "driver", "doctor", "teacher", "manager",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Last words that name the person who did or receives something (<c>comment_author</c>, <c>assignee</c>,
    /// <c>sales_rep</c>): as text such a column holds that person's name, repeated on every row they touch. Roles a
    /// public figure takes (composer, artist, director) are not among them: those names are the data, not its subjects.
    /// </summary>
    private static readonly FrozenSet<string> PersonRoles = new[]
    {
        "author", "sender", "recipient", "addressee", "assignee", "reporter", "requester", "requestor", "submitter", "commenter",
        "uploader", "signer", "signatory", "attendee", "organizer", "organiser", "approver", "reviewer", "salesperson", "salesman",
        "saleswoman", "rep", "representative", "cashier", "clerk", "teller", "technician", "inspector", "supervisor", "manager",
        "owner", "driver", "courier", "doctor", "physician", "nurse", "dentist", "therapist", "teacher", "tutor", "instructor",
        "caller", "callee", "sponsor", "guarantor", "beneficiary", "witness", "spouse", "parent", "guardian",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Roles of public figures: a column they name holds names that are the data (a composer's, an artist's), not its subjects.</summary>
    private static readonly FrozenSet<string> PublicRoles = new[]
    {
        "artist", "artists", "composer", "composers", "director", "directors", "actor", "actors", "actress", "cast", "performer",
        "singer", "conductor", "band", "painter", "lyricist", "narrator", "starring",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NumberWords = new[] { "number", "num", "no", "nr", "id", "code", "ref" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The pii kind a string column's name says, or null.</summary>
    public static PiiKind? Of(string column, string table)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(table);
        var words = NameWords.Of(column);
        if (words.Count == 0 || Qualifiers.Contains(words[^1]) || words[0] is "is" or "has") return null;
        return Contact(words) ?? Identity(words) ?? Finance(words) ?? Place(words) ?? Names(words, NameWords.Of(table));
    }

    /// <summary>True where the column's name is a role public figures take (<c>composer</c>, <c>lead_artist</c>).</summary>
    public static bool IsPublicRole(string column) => NameWords.Of(column).Any(PublicRoles.Contains);

    /// <summary>The pii kind a numeric column's name says (only kinds a number can hold), or null.</summary>
    public static PiiKind? OfNumber(string column, string table)
    {
        var words = NameWords.Of(column);
        if (words is ["lat" or "latitude"]) return PiiKind.Latitude;
        if (words is ["lng" or "lon" or "long" or "longitude"]) return PiiKind.Longitude;
        return Of(column, table) is { } kind && NumericKinds.Contains(kind) ? kind : null;
    }

    private static bool Has(IReadOnlyList<string> words, params string[] any) => words.Any(any.Contains);

    /// <summary>True where <paramref name="first"/> is directly followed by one of <paramref name="then"/>.</summary>
    private static bool Pair(IReadOnlyList<string> words, string first, params string[] then)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == first && then.Contains(words[i + 1])) return true;
        }
        return false;
    }

    private static bool NumberOf(IReadOnlyList<string> words, params string[] things)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (things.Contains(words[i]) && NumberWords.Contains(words[i + 1])) return true;
        }
        return false;
    }

    private static PiiKind? Contact(IReadOnlyList<string> words)
    {
        if (Has(words, "email", "mail") || Pair(words, "e", "mail")) return PiiKind.Email;
        if (Has(words, "fax")) return PiiKind.Fax;
        if (Has(words, "ipv6")) return PiiKind.Ipv6Address;
        if (Has(words, "ip", "ipv4", "ipaddress")) return PiiKind.IpAddress;
        if (Has(words, "phone", "mobile", "tel", "telephone", "cellphone", "msisdn") || words is ["cell"]) return PiiKind.Phone;
        if (Has(words, "url", "uri", "website", "homepage", "webpage") || Pair(words, "web", "site", "page") || Pair(words, "home", "page")) return PiiKind.Url;
        return null;
    }

    private static PiiKind? Identity(IReadOnlyList<string> words)
    {
        if (Has(words, "ssn", "nino") || Pair(words, "social", "security") || Pair(words, "national", "id", "identity", "number", "insurance")) return PiiKind.NationalId;
        if (Has(words, "passport")) return PiiKind.PassportNumber;
        if (NumberOf(words, "tax", "vat") || Has(words, "tin", "ein", "vatin", "taxid")) return PiiKind.TaxNumber;
        if (Has(words, "licence", "license"))
        {
            if (Has(words, "plate")) return PiiKind.LicensePlate;
            if (NumberOf(words, "licence", "license") || Has(words, "driver", "drivers", "driving")) return PiiKind.LicenseNumber;
        }
        if (Pair(words, "pass", "word") || Has(words, "password", "passwd", "pwd")) return PiiKind.Password;
        if (Pair(words, "user", "name") || Has(words, "username", "login", "handle", "nickname") || Pair(words, "nick", "name") || words is ["user"]) return PiiKind.Username;
        if (Has(words, "birth", "dob", "birthday", "birthdate")) return PiiKind.DateOfBirth;
        return null;
    }

    private static PiiKind? Finance(IReadOnlyList<string> words)
    {
        if (Has(words, "iban")) return PiiKind.Iban;
        if (Has(words, "swift", "bic")) return PiiKind.SwiftCode;
        if (Pair(words, "routing", "number", "num", "no") || Has(words, "aba") || Pair(words, "sort", "code")) return PiiKind.RoutingNumber;
        if (Pair(words, "credit", "card") || Pair(words, "card", "number", "num", "no", "nr") || Pair(words, "cc", "number", "num", "no") || Has(words, "creditcard")) return PiiKind.CreditCard;
        // Not account_id: that is a key more often than a bank account.
        if (Pair(words, "account", "number", "num", "no", "nr") || Pair(words, "acct", "number", "num", "no", "nr") || Pair(words, "bank", "account")) return PiiKind.BankAccount;
        return null;
    }

    private static PiiKind? Place(IReadOnlyList<string> words)
    {
        if (Has(words, "zip", "zipcode", "postcode", "postalcode", "plz", "postal") || Pair(words, "post", "code")) return PiiKind.Postcode;
        if (Has(words, "address", "addr", "street")) return PiiKind.StreetAddress;
        if (Has(words, "city", "town")) return PiiKind.City;
        return null;
    }

    private static PiiKind? Names(IReadOnlyList<string> words, IReadOnlyList<string> table)
    {
        if (Pair(words, "first", "name") || Pair(words, "given", "name") || Pair(words, "fore", "name") || Has(words, "firstname", "forename", "fname")) return PiiKind.FirstName;
        if (Pair(words, "last", "name") || Pair(words, "family", "name") || Pair(words, "sur", "name") || Has(words, "lastname", "surname", "lname")) return PiiKind.LastName;
        if (Has(words, "company", "employer", "organisation", "organization", "firm") || Pair(words, "org", "name") || Pair(words, "business", "name")
            || Pair(words, "vendor", "name") || Pair(words, "supplier", "name") || Pair(words, "shipper", "name"))
        {
            return PiiKind.Company;
        }

        if (PersonRoles.Contains(words[^1])) return PiiKind.PersonName;
        // created_by, modified_by, approved_by: as text, the login of whoever did it.
        if (words.Count >= 2 && words[^1] == "by") return PiiKind.Username;

        var nameAt = words.ToList().FindIndex(w => w is "name" or "names");
        if (nameAt > 0 && PersonNameOwners.Contains(words[nameAt - 1])) return PiiKind.PersonName;
        if (words is ["name" or "names"] or ["full", "name"])
        {
            var singular = table.Select(w => w.EndsWith('s') && w.Length > 3 ? w[..^1] : w).ToList();
            if (singular.Any(PersonTables.Contains) || table.Any(PersonTables.Contains)) return PiiKind.PersonName;
            if (singular.Any(OrganisationTables.Contains) || table.Any(OrganisationTables.Contains)) return PiiKind.Company;
        }
        return null;
    }
}
