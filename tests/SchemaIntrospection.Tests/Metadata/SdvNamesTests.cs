using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

public sealed class SdvNamesTests
{
    public static TheoryData<PiiKind> Kinds() => [.. Enum.GetValues<PiiKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_pii_kind_is_written_as_an_sdtype_sdv_accepts_and_read_back(PiiKind kind)
    {
        var name = SdvNames.Pii(kind);
        Assert.True(SdvNames.IsSdvSdType(name), $"{kind} is written as '{name}', which SDV refuses");
        var read = SdvNames.Read(name, pii: true)!;
        Assert.Equal(SdType.Pii, read.SdType);
        var expected = kind switch
        {
            PiiKind.Fax => PiiKind.Phone,
            PiiKind.SortName => PiiKind.PersonName,
            PiiKind.LicenseNumber => PiiKind.Code,
            _ => kind,
        };
        Assert.Equal(expected, read.Pii);
        Assert.Null(read.StandInNote);
    }

    [Theory]
    [InlineData("administrative_unit", PiiKind.State)]
    [InlineData("state", PiiKind.State)]
    [InlineData("state_abbr", PiiKind.StateAbbreviation)]
    [InlineData("image_url", PiiKind.ImageUrl)]
    [InlineData("country_code", PiiKind.CountryCode)]
    [InlineData("postcode", PiiKind.Postcode)]
    [InlineData("zipcode", PiiKind.Postcode)]
    [InlineData("street_address", PiiKind.StreetAddress)]
    [InlineData("address", PiiKind.StreetAddress)]
    [InlineData("license_plate", PiiKind.LicensePlate)]
    [InlineData("iban", PiiKind.Iban)]
    [InlineData("job", PiiKind.JobTitle)]
    [InlineData("company", PiiKind.Company)]
    [InlineData("url", PiiKind.Url)]
    [InlineData("ipv4_address", PiiKind.IpAddress)]
    [InlineData("ipv6_address", PiiKind.Ipv6Address)]
    [InlineData("mac_address", PiiKind.MacAddress)]
    [InlineData("user_agent_string", PiiKind.UserAgent)]
    [InlineData("ssn", PiiKind.NationalId)]
    [InlineData("name", PiiKind.PersonName)]
    [InlineData("first_name_female", PiiKind.FirstName)]
    [InlineData("free_email", PiiKind.Email)]
    [InlineData("bban", PiiKind.BankAccount)]
    [InlineData("passport_number", PiiKind.PassportNumber)]
    [InlineData("fax_number", PiiKind.Fax)]
    public void Sdtypes_sdv_writes_map_to_a_generator_of_their_own(string sdtype, PiiKind kind)
    {
        Assert.Equal(new SdTypeReading(SdType.Pii, kind), SdvNames.Read(sdtype, pii: null));
    }

    [Theory]
    [InlineData("military_ship", PiiKind.Word, "random words")]
    [InlineData("isbn13", PiiKind.Code, "random codes")]
    [InlineData("date_this_year", PiiKind.DateOfBirth, "random dates")]
    [InlineData("country_calling_code", PiiKind.Code, "random codes")]
    [InlineData("ascii_company_email", PiiKind.Email, null)]
    public void Other_faker_methods_are_accepted_with_a_stand_in_named(string sdtype, PiiKind kind, string? described)
    {
        var read = SdvNames.Read(sdtype, pii: true)!;
        Assert.Equal((SdType.Pii, kind), (read.SdType, read.Pii));
        if (described is null) Assert.Null(read.StandInNote);
        else Assert.Contains(described, read.StandInNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numerical", SdType.Numerical)]
    [InlineData("datetime", SdType.Datetime)]
    [InlineData("categorical", SdType.Categorical)]
    [InlineData("boolean", SdType.Boolean)]
    [InlineData("id", SdType.Id)]
    [InlineData("text", SdType.Text)]
    [InlineData("paragraph", SdType.Text)]
    public void Basic_sdtypes_read_as_themselves(string sdtype, SdType expected)
    {
        Assert.Equal(expected, SdvNames.Read(sdtype, pii: null)!.SdType);
    }

    [Fact]
    public void Pii_false_on_a_semantic_sdtype_is_a_category_and_unknown_follows_its_flag()
    {
        Assert.Equal(SdType.Categorical, SdvNames.Read("company", pii: false)!.SdType);
        Assert.Equal(SdType.Categorical, SdvNames.Read("text", pii: false)!.SdType);
        Assert.Equal(SdType.Unsupported, SdvNames.Read("unknown", pii: false)!.SdType);
        Assert.Equal(new SdTypeReading(SdType.Pii, PiiKind.Code), SdvNames.Read("unknown", pii: null));
        Assert.Equal(SdType.Numerical, SdvNames.Read("numerical", pii: false)!.SdType);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("Email")]
    [InlineData("fax")]
    [InlineData("")]
    public void Names_sdv_refuses_are_refused(string sdtype)
    {
        Assert.Null(SdvNames.Read(sdtype, pii: true));
    }
}
