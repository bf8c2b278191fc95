using System.Text;
using Sdv.Connector.Synthesis.Models;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class ConstraintAndPrivacyTests(FittedTableFixture fixture) : IClassFixture<FittedTableFixture>
{
    private static int I(string column) => FittedTableFixture.Index(column);

    [Fact]
    public void Every_row_satisfies_not_null_checks_lengths_and_scale()
    {
        var schema = TestTable.Schema();
        foreach (var row in fixture.Synthetic)
        {
            for (var c = 0; c < schema.Columns.Count; c++)
            {
                var column = schema.Columns[c];
                if (!column.IsNullable)
                {
                    Assert.NotNull(row[c]);
                }

                if (column.MaxLength is { } max && row[c] is string s)
                {
                    Assert.True(s.Length <= max, $"{column.Name} '{s}' longer than {max}");
                }
            }

            var skewed = Assert.IsType<decimal>(row[I("skewed")]);
            Assert.True(skewed > 0m);
            Assert.True(skewed.Scale <= 2);
            Assert.True(row[I("status")] is "a" or "b" or "c");
            Assert.True((long)row[I("lo")]! < (long)row[I("hi")]!);
            Assert.True(row[I("alt_a")] is not null || row[I("alt_b")] is not null);
            Assert.InRange((long)row[I("counts")]!, 0, 500);
            Assert.IsType<double>(row[I("normal")]);
            Assert.IsType<DateOnly>(row[I("day")]);
        }
    }

    [Fact]
    public void Keys_are_unique_generated_and_keep_their_format()
    {
        var ids = fixture.Synthetic.Select(r => (long)r[I("id")]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(static i => (long)i), ids);
        var invoices = fixture.Synthetic.Select(r => (string)r[I("invoice")]!).ToList();
        Assert.Equal(invoices.Count, invoices.Distinct().Count());
        Assert.All(invoices, static s => Assert.Matches("^INV-[0-9]{6}$", s));
    }

    [Fact]
    public void Foreign_key_columns_are_left_to_the_caller()
    {
        Assert.All(fixture.Synthetic, r => Assert.Null(r[I("customer_id")]));
    }

    [Fact]
    public void No_rare_category_pii_or_text_value_of_the_input_appears_in_the_output()
    {
        var rare = fixture.Real.Select(r => (string)r[I("rare_cat")]!).Where(static s => s.StartsWith("RARE_", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(rare);
        var realEmails = fixture.Real.Select(r => r[I("email")] as string).OfType<string>().ToHashSet();
        var realNotes = fixture.Real.Select(r => r[I("notes")] as string).OfType<string>().ToHashSet();
        var allReal = rare.Concat(realEmails).Concat(realNotes).ToHashSet();
        foreach (var row in fixture.Synthetic)
        {
            foreach (var cell in row)
            {
                if (cell is string s)
                {
                    Assert.DoesNotContain(s, allReal);
                }
            }
        }

        // Rare categories give their share to the kept ones: every value is a real, non-rare category.
        Assert.All(fixture.Synthetic, r => Assert.Contains((string)r[I("rare_cat")]!, new[] { "common_one", "common_two" }));
        var emails = fixture.Synthetic.Select(r => r[I("email")] as string).OfType<string>().ToList();
        Assert.All(emails, static e => Assert.Contains('@', e));
        Assert.InRange(emails.Count / (double)fixture.Synthetic.Count, 0.87, 0.93);
    }

    [Fact]
    public void Model_file_holds_statistics_only()
    {
        using var stream = new MemoryStream();
        ModelFile.Save(fixture.Model, stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("RARE_", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        // An address's domain is kept only where k rows share it (as a category is): it names a company of many, not a person.
        var realDomains = fixture.Real.Select(r => r[I("email")] as string).OfType<string>().GroupBy(e => e[(e.IndexOf('@') + 1)..]).ToDictionary(g => g.Key, g => g.Count());
        foreach (System.Text.RegularExpressions.Match kept in System.Text.RegularExpressions.Regex.Matches(json, @"realcorp-\d+\.example"))
        {
            Assert.True(realDomains[kept.Value] >= 5, $"{kept.Value} is kept but {realDomains[kept.Value]} real rows have it");
        }
        // Words used in every note are the column's vocabulary; the numbers that make each note unique are not kept.
        Assert.DoesNotContain("Confidential note 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"12:\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("INV-0", json, StringComparison.Ordinal);
        Assert.Contains($"\"formatVersion\":{ModelFile.CurrentVersion}", json, StringComparison.Ordinal);
        Assert.True(stream.Length < 512 * 1024, $"model file is {stream.Length} bytes");
    }
}
