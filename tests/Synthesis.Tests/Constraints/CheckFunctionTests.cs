using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Constraints;

/// <summary>CHECKs that call the common scalar functions, as the engines print them: read, judged as the engine would, and met.</summary>
public sealed class CheckFunctionTests
{
    [Theory]
    [InlineData("(length(code) = 3)", "ABC", true)]
    [InlineData("(length((code)::text) = 3)", "ABCD", false)]
    [InlineData("(char_length(code) > 0)", "", false)]
    [InlineData("(character_length(code) BETWEEN 2 AND 4)", "ABC", true)]
    [InlineData("(len([code])<=(2))", "AB   ", true)] // SQL Server's LEN leaves trailing spaces out
    [InlineData("(lower(code) = code)", "abc", true)]
    [InlineData("(lower(code) = code)", "aBc", false)]
    [InlineData("(lcase(`code`) = `code`)", "abc", true)] // MariaDB's spelling
    [InlineData("(code = upper(code))", "ABC", true)]
    [InlineData("(ucase(code) = code)", "AbC", false)]
    [InlineData("(rtrim(code) = code)", "abc ", false)]
    [InlineData("(btrim(code) <> '')", "   ", false)]
    [InlineData("(trim(code) <> ''::text)", " a ", true)]
    [InlineData("((char_length(name) > 0) AND (TRIM(BOTH FROM code) <> ''::text))", "  ", false)] // as PostgreSQL prints trim()
    [InlineData("(TRIM(LEADING FROM code) = code)", " a", false)]
    [InlineData("(TRIM(TRAILING FROM code) = code)", " a", true)]
    [InlineData("(round(code, 2) = code)", "1.25", true)]
    [InlineData("(round(code, 1) = code)", "1.25", false)]
    [InlineData("(abs(code) < 5)", "-4", true)]
    [InlineData("((code IS NULL) OR (length(code) < 20))", "short", true)]
    public void A_function_check_holds_where_the_engine_would_accept_the_row(string check, string value, bool holds)
    {
        var root = TextPatternTests.OnOneColumn(check);
        object typed = decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && check.Contains("round") | check.Contains("abs")
            ? number : value;
        Assert.Equal(holds, CheckEvaluator.Holds(root, [typed]));
        Assert.True(CheckEvaluator.Holds(root, [null]));
    }

    [Theory]
    [InlineData("(date_part('year'::text, d) >= (2000)::double precision)", "Function date_part(...) is not understood.")]
    [InlineData("(array_length(tags, 1) <= 3)", "Function array_length(...) is not understood.")]
    [InlineData("(btrim(code, 'x') <> '')", "btrim(...) of 2 arguments is not understood.")]
    public void Other_functions_are_still_refused(string check, string message) =>
        Assert.Equal(message, Assert.Throws<CheckParseException>(() => CheckParser.Parse(check)).Message);

    /// <summary>Bogus writes e-mails with capitals ("Benton28@x.org"); a CHECK that keeps them in lower case held no row.</summary>
    [Fact]
    public async Task Text_a_check_keeps_in_one_case_is_written_in_it()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName("public", "users"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int32, false),
                TestTable.Col("email", LogicalType.Text, false) with { SdType = SdType.Pii, PiiKind = PiiKind.Email },
                TestTable.Col("code", LogicalType.Text, false),
            ],
            PrimaryKey = new KeySchema("users_pkey", ["id"]),
            CheckConstraints =
            [
                new CheckConstraintSchema("users_email_check", "((lower(email) = email))"),
                new CheckConstraintSchema("users_code_check", "((upper(code) = code) AND (length(code) = 3))"),
            ],
        };
        var rows = Enumerable.Range(1, 400).Select(i => new object?[] { i, $"u{i}@x.org", $"{(char)('A' + (i % 26))}{(char)('A' + (i % 7))}Q" }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions(), CancellationToken.None);
        var sample = model.Sample(400, new SamplingContext(4)).ToList();
        Assert.All(sample, static r => Assert.Equal(((string)r[1]!).ToLowerInvariant(), (string)r[1]!));
        // Met as the CHECK says: in upper case, three long ("RE-" is one).
        Assert.All(sample, static r => Assert.Equal((((string)r[2]!).ToUpperInvariant(), 3), ((string)r[2]!, ((string)r[2]!).Length)));
    }
}
