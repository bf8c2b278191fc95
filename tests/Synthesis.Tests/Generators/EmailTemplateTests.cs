using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

public sealed class EmailTemplateTests
{
    [Theory]
    [InlineData("olga.jansen1@example.net", "Olga", "Jansen", "F.L|1|l")]
    [InlineData("luisg@embraer.com.br", "Luís", "Gonçalves", "Fl|0|l")]
    [InlineData("MARY.SMITH@sakilacustomer.org", "MARY", "SMITH", "F.L|0|u")]
    [InlineData("andrew@chinookcorp.com", "Andrew", "Adams", "F|0|l")]
    [InlineData("jsmith2024@x.org", "John", "Smith", "fL|4|l")]
    [InlineData("Tim.OBrien@x.org", "Tim", "O'Brien", "F.L|0|m")]
    [InlineData("ken0@adventure-works.com", "Ken", "Sánchez", "F|1|l")]
    [InlineData("hugh@x.org", "Olga", "Jansen", null)]
    [InlineData("not an address", "Olga", "Jansen", null)]
    public void A_template_says_how_the_address_is_made_of_the_rows_names_and_holds_none_of_them(string email, string first, string last, string? template) =>
        Assert.Equal(template, EmailTemplate.Of(email, first, last));

    [Fact]
    public void Filling_a_template_writes_the_new_names_with_new_digits_in_the_templates_case()
    {
        var random = new Xoshiro256(3);
        Assert.Matches(@"^dixie\.davis\d$", EmailTemplate.Fill("F.L|1|l", "Dixie", "Davis", random));
        Assert.Equal("JOSE_GARCIA", EmailTemplate.Fill("F_L|0|u", "José", "García", random));
        Assert.Equal("Anna.Weber", EmailTemplate.Fill("F.L|0|m", "anna", "weber", random));
        Assert.Equal("aweber", EmailTemplate.Fill("fL|0|l", "Anna", "Weber", random));
        // A part the row lacks: no address from the template.
        Assert.Null(EmailTemplate.Fill("F.L|0|l", "Anna", null, random));
    }

    /// <summary>
    /// Nine in ten of the source's addresses are the person's names and a number at the company's domain, the others a
    /// nickname at a domain of their own. The clone's addresses are its own people's names by the same template, at the
    /// common domain; no one-off domain and no real address comes back.
    /// </summary>
    [Fact]
    public async Task Synthetic_addresses_are_made_of_the_rows_new_names_at_the_sources_common_domains()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "people"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("first_name", LogicalType.String, false) with { Ordinal = 2, MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.FirstName },
                TestTable.Col("last_name", LogicalType.String, false) with { Ordinal = 3, MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.LastName },
                TestTable.Col("email", LogicalType.String, true) with { Ordinal = 4, MaxLength = 80, SdType = SdType.Pii, PiiKind = PiiKind.Email },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        string[] firsts = ["Olga", "Emma", "Anna", "Lars", "Jonas", "Mia"];
        string[] lasts = ["Jansen", "Hansen", "Weber", "Berg", "Vik"];
        var random = new Random(2);
        var real = Enumerable.Range(1, 500).Select(i =>
        {
            var (first, last) = (firsts[random.Next(firsts.Length)], lasts[random.Next(lasts.Length)]);
            var email = i % 10 == 0 ? $"nick{i}@own{i}.org" : $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@example.net";
            return new object?[] { (long)i, first, last, email };
        }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(real), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(500, new SamplingContext(4)).ToList();

        // first.last and one to four digits at example.net, the names the row's own.
        var byTemplate = rows.Count(r => System.Text.RegularExpressions.Regex.IsMatch((string)r[3]!,
            $@"^{EmailTemplate.Fold((string)r[1]!)}\.{EmailTemplate.Fold((string)r[2]!)}\d{{1,4}}@example\.net$"));
        Assert.InRange(byTemplate, 400, 490);
        var domains = rows.Select(r => ((string)r[3]!).Split('@')[1]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(domains, d => d.StartsWith("own", StringComparison.Ordinal));
        var realAddresses = real.Select(r => (string)r[3]!).ToHashSet(StringComparer.Ordinal);
        Assert.True(rows.Count(r => realAddresses.Contains((string)r[3]!)) < 10, "real addresses came back beyond chance");
    }
    /// <summary>
    /// An address made of a synthetic person's names by a real template can be a real address ("dixie.davis@example.net"
    /// where a real Dixie Davis is there): while the fit's real addresses are in memory, it is drawn again, with digits of its own.
    /// </summary>
    [Fact]
    public void An_address_equal_to_a_real_one_is_drawn_again()
    {
        var real = new RealValueFilter();
        real.Add("dixie.davis@example.net");
        var model = new PiiColumnModel
        {
            Name = "email", LogicalType = LogicalType.String, PiiKind = PiiKind.Email,
            EmailTemplates = ["F.L|0|l"], EmailTemplateCounts = [10, 0], EmailDomains = ["example.net"], EmailDomainCounts = [10, 0],
        };
        model.Prepare();
        var runtime = new ColumnRuntime(new Xoshiro256(1)) { RowFirstName = "Dixie", RowLastName = "Davis" };
        Assert.Equal("dixie.davis@example.net", model.Generate([], runtime));

        model.RealValues = real;
        for (var i = 0; i < 20; i++)
        {
            var address = (string)model.Generate([], runtime)!;
            Assert.Matches(@"^dixie\.davis\d\d@example\.net$", address);
        }
    }
}
