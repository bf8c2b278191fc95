using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Constraints;

/// <summary>CHECKs on text patterns as the engines print them: parsed, judged as the engine would, and drawn to match.</summary>
public sealed class TextPatternTests
{
    [Theory]
    // PostgreSQL: ~ (case-sensitive), ~* (not), !~ and !~* (negated); the pattern matches anywhere unless anchored.
    [InlineData("((code)::text ~ '^[A-Z]{3}$'::text)", "ABC", true)]
    [InlineData("((code)::text ~ '^[A-Z]{3}$'::text)", "AbC", false)]
    [InlineData("((code)::text ~* '^[A-Z]{3}$'::text)", "AbC", true)]
    [InlineData("(code ~ '[0-9]')", "ab7cd", true)]
    [InlineData("(code !~ '[0-9]')", "ab7cd", false)]
    [InlineData("(code !~* 'x')", "aXb", false)]
    [InlineData("(code ~ '^[[:upper:]][[:digit:]]+$')", "Q42", true)]
    // MySQL and MariaDB: REGEXP, RLIKE, NOT REGEXP.
    [InlineData("`code` regexp '^[0-9]+$'", "0042", true)]
    [InlineData("`code` rlike '^[0-9]+$'", "00x2", false)]
    [InlineData("`code` not regexp 'x'", "abc", true)]
    [InlineData("`email` regexp '^[a-z]+\\\\.x$'", "ab.x", true)] // MariaDB prints the pattern's one backslash as two
    [InlineData("`email` regexp '^[a-z]+\\\\.x$'", "abzx", false)]
    // LIKE everywhere: % any run, _ one character, anchored; NOT LIKE; ILIKE.
    [InlineData("((sku)::text ~~ 'AB-%'::text)", null, null)]
    [InlineData("(sku LIKE 'AB-%')", "AB-1234", true)]
    [InlineData("(sku LIKE 'AB-%')", "xAB-1234", false)]
    [InlineData("(sku LIKE 'AB-____')", "AB-12345", false)]
    [InlineData("(sku NOT LIKE '%test%')", "a test row", false)]
    [InlineData("(sku ILIKE 'ab-%')", "AB-1", true)]
    [InlineData("(sku LIKE '100\\%')", "100%", true)]
    [InlineData("(sku LIKE '100\\%')", "1000", false)]
    public void A_pattern_check_holds_where_the_engine_would_accept_the_row(string check, string? value, bool? holds)
    {
        if (holds is null)
        {
            // PostgreSQL prints LIKE as ~~ only inside rules; a CHECK shows LIKE. Anything else is refused, not misread.
            Assert.Throws<CheckParseException>(() => CheckParser.Parse(check));
            return;
        }

        var root = OnOneColumn(check);
        Assert.Equal(holds, CheckEvaluator.Holds(root, [value]));
        // NULL passes, as in the database.
        Assert.True(CheckEvaluator.Holds(root, [null]));
    }

    /// <summary>A CHECK on one column, parsed and bound to the first cell of a row.</summary>
    internal static CheckNode OnOneColumn(string check)
    {
        var root = CheckParser.Parse(check);
        foreach (var column in root.Descendants().Where(static n => n.Kind == CheckNodeKind.Column)) column.Index = 0;
        return root;
    }

    [Theory]
    [InlineData("^[A-Z]{2}-[0-9]{4}$")]
    [InlineData("^[a-z]+\\.[a-z]+@corp\\.example$")]
    [InlineData("^\\+1 [0-9]{3}-[0-9]{4}$")]
    [InlineData("^(ACTIVE|INACTIVE|PENDING)$")]
    [InlineData("^[^0-9]{2,5}x?$")]
    [InlineData("^\\d{3}(-\\d{2})?\\w*$")]
    [InlineData("[0-9]")]
    [InlineData("^(?:[A-F0-9]{2}:){5}[A-F0-9]{2}$")]
    [InlineData("^[[:alpha:]]+[[:space:]][[:alnum:]]*$")]
    public void Strings_drawn_from_a_pattern_match_it_and_vary(string posix)
    {
        var pattern = TextPatterns.FromPosix(posix, ignoreCase: false);
        var random = new Xoshiro256(7);
        var drawn = Enumerable.Range(0, 300).Select(_ => TextPatterns.Generate(pattern, random, 40)).ToList();
        Assert.All(drawn, d => Assert.True(d is not null && pattern.IsMatch(d), $"'{d}' from {posix}"));
        Assert.True(drawn.Distinct().Count() >= 3, $"{drawn.Distinct().Count()} distinct from {posix}");
    }

    [Fact]
    public void A_like_pattern_draws_matching_strings_and_what_is_not_drawn_gives_null()
    {
        var like = TextPatterns.FromLike("INV-____-%", ignoreCase: false);
        var random = new Xoshiro256(3);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Matches("^INV-.{4}-", TextPatterns.Generate(like, random, 20)!));
        // A back-reference or a look-ahead is not drawn; a length limit no match can meet gives nothing either.
        Assert.Null(TextPatterns.Generate(TextPatterns.FromPosix("^(a)\\1$", false), random, 10));
        Assert.Null(TextPatterns.Generate(TextPatterns.FromPosix("^(?=x)x$", false), random, 10));
        Assert.Null(TextPatterns.Generate(TextPatterns.FromPosix("^[a-z]{12}$", false), random, 5));
    }

    /// <summary>
    /// A table whose e-mails, codes and phones must match CHECK patterns (as PostgreSQL prints them): Bogus' e-mails and the
    /// model's codes do not, so without the patterns the target refused the first row and the clone failed.
    /// </summary>
    [Fact]
    public async Task Sampled_rows_meet_the_pattern_checks_and_unique_values_stay_unique()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName("public", "users"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int32, false),
                TestTable.Col("email", LogicalType.Text, false) with { SdType = SdType.Pii, PiiKind = PiiKind.Email },
                TestTable.Col("sku", LogicalType.Text, true),
                TestTable.Col("phone", LogicalType.Text, true) with { SdType = SdType.Pii, PiiKind = PiiKind.Phone },
            ],
            PrimaryKey = new KeySchema("users_pkey", ["id"]),
            UniqueKeys = [new KeySchema("users_email_key", ["email"])],
            CheckConstraints =
            [
                new CheckConstraintSchema("users_email_check", "((email ~ '^[a-z]+\\.[a-z]+@corp\\.example$'::text))"),
                new CheckConstraintSchema("users_sku_check", "(((sku)::text ~ '^[A-Z]{2}-[0-9]{4}$'::text) AND (sku IS NOT NULL))"),
                new CheckConstraintSchema("users_phone_check", "((phone ~* '^\\+1 [0-9]{3}-[0-9]{4}$'::text))"),
            ],
        };
        var random = new Xoshiro256(2);
        var rows = Enumerable.Range(1, 500).Select(i => new object?[]
        {
            i, $"user{(char)('a' + (i % 26))}.x{(char)('a' + (i / 26 % 26))}{i}@corp.example".Replace(i.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty, StringComparison.Ordinal),
            $"AB-{random.NextInt(10_000):D4}", i % 5 == 0 ? null : $"+1 555-{i:D4}",
        }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions(), CancellationToken.None);
        var sample = model.Sample(500, new SamplingContext(9)).ToList();
        Assert.All(sample, r => Assert.Matches("^[a-z]+\\.[a-z]+@corp\\.example$", (string)r[1]!));
        Assert.All(sample, r => Assert.Matches("^[A-Z]{2}-[0-9]{4}$", (string)r[2]!));
        Assert.All(sample.Where(static r => r[3] is not null), r => Assert.Matches("^\\+1 [0-9]{3}-[0-9]{4}$", (string)r[3]!));
        Assert.Equal(500, sample.Select(static r => (string)r[1]!).Distinct().Count());
        // Codes the model drew already matched, and keep their spread.
        Assert.True(sample.Select(static r => (string)r[2]!).Distinct().Count() > 300);
    }
}
