using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

/// <summary>Personal data by name: each common spelling, stored as text and as a number, and the false friends that are not.</summary>
public sealed class PiiNamesTests
{
    private static (SdType, PiiKind?) Infer(string table, string column, LogicalType type)
    {
        var schema = new SchemaBuilder().Table(table, Int("row_key"), Column(column, type)).Build();
        return SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column(column), null);
    }

    [Theory]
    [InlineData("company_name", PiiKind.Company)]
    [InlineData("CompanyName", PiiKind.Company)]
    [InlineData("organisation", PiiKind.Company)]
    [InlineData("organization_name", PiiKind.Company)]
    [InlineData("employer", PiiKind.Company)]
    [InlineData("business_name", PiiKind.Company)]
    [InlineData("ship_name", PiiKind.PersonName)]
    [InlineData("ShipName", PiiKind.PersonName)]
    [InlineData("bill_to_name", PiiKind.PersonName)]
    [InlineData("BillToName", PiiKind.PersonName)]
    [InlineData("contact_name", PiiKind.PersonName)]
    [InlineData("ContactName", PiiKind.PersonName)]
    [InlineData("recipient_name", PiiKind.PersonName)]
    [InlineData("street", PiiKind.StreetAddress)]
    [InlineData("address", PiiKind.StreetAddress)]
    [InlineData("ship_address", PiiKind.StreetAddress)]
    [InlineData("ShipAddress", PiiKind.StreetAddress)]
    [InlineData("shipaddress", PiiKind.StreetAddress)]
    [InlineData("billing_address_line1", PiiKind.StreetAddress)]
    [InlineData("mailing_address", PiiKind.StreetAddress)]
    [InlineData("zip", PiiKind.Postcode)]
    [InlineData("zip_code", PiiKind.Postcode)]
    [InlineData("ZipCode", PiiKind.Postcode)]
    [InlineData("postal_code", PiiKind.Postcode)]
    [InlineData("PostalCode", PiiKind.Postcode)]
    [InlineData("postcode", PiiKind.Postcode)]
    [InlineData("tax_id", PiiKind.TaxNumber)]
    [InlineData("tax_number", PiiKind.TaxNumber)]
    [InlineData("VATNo", PiiKind.TaxNumber)]
    [InlineData("vat_number", PiiKind.TaxNumber)]
    [InlineData("tin", PiiKind.TaxNumber)]
    [InlineData("passport", PiiKind.PassportNumber)]
    [InlineData("passport_no", PiiKind.PassportNumber)]
    [InlineData("licence_number", PiiKind.LicenseNumber)]
    [InlineData("driver_license", PiiKind.LicenseNumber)]
    [InlineData("DriversLicenseNo", PiiKind.LicenseNumber)]
    [InlineData("license_plate", PiiKind.LicensePlate)]
    [InlineData("iban", PiiKind.Iban)]
    [InlineData("IBAN", PiiKind.Iban)]
    [InlineData("swift_code", PiiKind.SwiftCode)]
    [InlineData("routing_number", PiiKind.RoutingNumber)]
    [InlineData("account_number", PiiKind.BankAccount)]
    [InlineData("AccountNo", PiiKind.BankAccount)]
    [InlineData("bank_account", PiiKind.BankAccount)]
    [InlineData("credit_card_number", PiiKind.CreditCard)]
    [InlineData("national_id", PiiKind.NationalId)]
    [InlineData("NationalIdNumber", PiiKind.NationalId)]
    [InlineData("ssn", PiiKind.NationalId)]
    [InlineData("social_security_number", PiiKind.NationalId)]
    [InlineData("ip_address", PiiKind.IpAddress)]
    [InlineData("client_ip", PiiKind.IpAddress)]
    [InlineData("email", PiiKind.Email)]
    [InlineData("e_mail", PiiKind.Email)]
    [InlineData("EmailAddress", PiiKind.Email)]
    [InlineData("fax", PiiKind.Fax)]
    [InlineData("phone_number", PiiKind.Phone)]
    [InlineData("mobile", PiiKind.Phone)]
    [InlineData("FirstName", PiiKind.FirstName)]
    [InlineData("forename", PiiKind.FirstName)]
    [InlineData("surname", PiiKind.LastName)]
    [InlineData("last_name", PiiKind.LastName)]
    [InlineData("user_name", PiiKind.Username)]
    [InlineData("password_hash", PiiKind.Password)]
    [InlineData("home_page", PiiKind.Url)]
    [InlineData("website", PiiKind.Url)]
    [InlineData("date_of_birth", PiiKind.DateOfBirth)]
    [InlineData("ShipCity", PiiKind.City)]
    [InlineData("comment_author", PiiKind.PersonName)]
    [InlineData("author", PiiKind.PersonName)]
    [InlineData("assignee", PiiKind.PersonName)]
    [InlineData("SalesRep", PiiKind.PersonName)]
    [InlineData("author_name", PiiKind.PersonName)]
    [InlineData("sender_name", PiiKind.PersonName)]
    [InlineData("created_by", PiiKind.Username)]
    [InlineData("LastModifiedBy", PiiKind.Username)]
    public void Spellings_stored_as_text_are_pii(string column, PiiKind kind)
    {
        Assert.Equal((SdType.Pii, kind), Infer("orders", column, LogicalType.String));
    }

    [Theory]
    [InlineData("zip", PiiKind.Postcode)]
    [InlineData("zip_code", PiiKind.Postcode)]
    [InlineData("PostalCode", PiiKind.Postcode)]
    [InlineData("tax_number", PiiKind.TaxNumber)]
    [InlineData("tax_id", PiiKind.TaxNumber)]
    [InlineData("passport_number", PiiKind.PassportNumber)]
    [InlineData("passport_no", PiiKind.PassportNumber)]
    [InlineData("account_number", PiiKind.BankAccount)]
    [InlineData("national_id", PiiKind.NationalId)]
    [InlineData("ssn", PiiKind.NationalId)]
    [InlineData("phone", PiiKind.Phone)]
    [InlineData("licence_number", PiiKind.LicenseNumber)]
    [InlineData("routing_number", PiiKind.RoutingNumber)]
    [InlineData("card_number", PiiKind.CreditCard)]
    [InlineData("lat", PiiKind.Latitude)]
    [InlineData("longitude", PiiKind.Longitude)]
    public void Spellings_stored_as_numbers_are_pii_not_numerical(string column, PiiKind kind)
    {
        Assert.Equal((SdType.Pii, kind), Infer("customers", column, LogicalType.Int64));
        Assert.Equal((SdType.Pii, kind), Infer("customers", column, LogicalType.Decimal));
    }

    [Theory]
    [InlineData("shipped_date", LogicalType.String)]
    [InlineData("ip_count", LogicalType.Int32)]
    [InlineData("ip_count", LogicalType.String)]
    [InlineData("address_count", LogicalType.Int32)]
    [InlineData("address_type", LogicalType.String)]
    [InlineData("zipped", LogicalType.String)]
    [InlineData("taxable", LogicalType.String)]
    [InlineData("taxable", LogicalType.Int16)]
    [InlineData("tax", LogicalType.Decimal)]
    [InlineData("tax_rate", LogicalType.Decimal)]
    [InlineData("email_verified", LogicalType.String)]
    [InlineData("is_phone", LogicalType.String)]
    [InlineData("tip", LogicalType.String)]
    [InlineData("shipper_via", LogicalType.String)]
    [InlineData("account_id", LogicalType.Int32)]
    [InlineData("license", LogicalType.String)]
    [InlineData("product_name", LogicalType.String)]
    [InlineData("zip_count", LogicalType.Int32)]
    [InlineData("street_number", LogicalType.Int32)]
    [InlineData("description", LogicalType.String)]
    [InlineData("author_count", LogicalType.String)]
    [InlineData("author_id", LogicalType.Int32)]
    [InlineData("created_by", LogicalType.Int32)]
    [InlineData("owner_type", LogicalType.String)]
    [InlineData("composer", LogicalType.String)]
    [InlineData("user_agent", LogicalType.String)]
    [InlineData("by", LogicalType.String)]
    public void False_friends_are_not_pii(string column, LogicalType type)
    {
        Assert.NotEqual(SdType.Pii, Infer("orders", column, type).Item1);
    }

    [Theory]
    [InlineData("customers", PiiKind.PersonName)]
    [InlineData("Employee", PiiKind.PersonName)]
    [InlineData("patients", PiiKind.PersonName)]
    [InlineData("suppliers", PiiKind.Company)]
    [InlineData("Shipper", PiiKind.Company)]
    public void A_bare_name_in_a_person_or_organisation_table_is_pii(string table, PiiKind kind)
    {
        Assert.Equal((SdType.Pii, kind), Infer(table, "name", LogicalType.String));
    }

    [Theory]
    [InlineData("genre")]
    [InlineData("product")]
    [InlineData("playlist")]
    public void A_bare_name_elsewhere_is_not(string table)
    {
        Assert.NotEqual(SdType.Pii, Infer(table, "name", LogicalType.String).Item1);
    }

    [Theory]
    [InlineData("ShipAddress", new[] { "ship", "address" })]
    [InlineData("shipaddress", new[] { "ship", "address" })]
    [InlineData("BillToName", new[] { "bill", "to", "name" })]
    [InlineData("VATNo", new[] { "vat", "no" })]
    [InlineData("address_line1", new[] { "address", "line", "1" })]
    [InlineData("zipped", new[] { "zipped" })]
    [InlineData("shipped_date", new[] { "shipped", "date" })]
    public void Names_split_into_whole_words(string name, string[] words)
    {
        Assert.Equal(words, NameWords.Of(name));
    }

    [Fact]
    public void Value_shapes_find_personal_data_where_the_name_says_nothing()
    {
        var schema = new SchemaBuilder().Table("t", Int("row_key"), Column("v1", LogicalType.String)).Build();
        SdType Kind(IEnumerable<string> values, out PiiKind? pii)
        {
            var profile = new ColumnProfile();
            foreach (var v in values) profile.Observe(v);
            (var sd, pii) = SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column("v1"), profile);
            return sd;
        }
        var range = Enumerable.Range(100, 50).ToList();
        Kind(range.Select(i => $"{i}-{i % 90 + 10}-{1000 + i}"), out var ssn);
        Assert.Equal(PiiKind.NationalId, ssn);
        Kind(range.Select(i => $"DE89 3704 0044 0532 0{i} 00"), out var iban);
        Assert.Equal(PiiKind.Iban, iban);
        Kind(["4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "4012888888881881", "6011000000000004"], out var card);
        Assert.Equal(PiiKind.CreditCard, card);
        // Sixteen digits that mostly fail the Luhn check are no card numbers.
        Kind(range.Select(i => $"4111 1111 1111 1{i:000}"), out var notCard);
        Assert.NotEqual(PiiKind.CreditCard, notCard);
        // IPv4 addresses have the digits and dots of a phone number (a probe's Drupal hostnames came out as "301-239-0258").
        Kind(range.Select(i => $"192.168.{i % 7}.{i}"), out var ip);
        Assert.Equal(PiiKind.IpAddress, ip);
        Kind(range.Select(i => $"01.23.45.{i % 90 + 10}.{i % 80 + 10}"), out var dottedPhone);
        Assert.Equal(PiiKind.Phone, dottedPhone);
    }
}
