using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Engines;

/// <summary>CHECK constraints written again in another engine's SQL, or left behind when they cannot be.</summary>
public sealed class PortableChecksTests
{
    private static readonly TableSchema Account = new()
    {
        Name = new QualifiedName("public", "account"),
        Columns =
        [
            new ColumnSchema { Name = "balance", Ordinal = 1, NativeType = "money", LogicalType = LogicalType.Money, IsNullable = true },
            new ColumnSchema { Name = "code", Ordinal = 2, NativeType = "text", LogicalType = LogicalType.Text, IsNullable = true },
        ],
    };

    [Theory]
    [InlineData("((balance IS NULL) OR (balance >= '$0.00'::money))", DatabaseEngine.MySql, "((`balance` IS NULL) OR (`balance` >= 0.00))")]
    [InlineData("(balance <= '$1,250.50'::money)", DatabaseEngine.Sqlite, "(\"balance\" <= 1250.50)")]
    [InlineData("(balance BETWEEN '$0.00'::money AND '$10.00'::money)", DatabaseEngine.MySql, "(`balance` BETWEEN 0.00 AND 10.00)")]
    // Text compared with text stays text.
    [InlineData("(code <> '$0.00'::text)", DatabaseEngine.Sqlite, "(\"code\" <> '$0.00')")]
    public void A_money_literal_compared_with_a_number_column_is_written_as_a_number(string check, DatabaseEngine target, string expected) =>
        Assert.Equal(expected, PortableChecks.Translate(check, Account, target));

    [Fact]
    public void A_text_that_is_no_number_compared_with_a_number_column_is_not_portable() =>
        Assert.Null(PortableChecks.Translate("(balance > 'lots'::money)", Account, DatabaseEngine.MySql));

    /// <summary>LIKE reads the same on every engine; a regular expression is each engine's own dialect, so it stays behind.</summary>
    [Fact]
    public void A_like_pattern_is_carried_and_a_regular_expression_is_not()
    {
        Assert.Equal("(`code` LIKE 'INV-%')", PortableChecks.Translate("((code)::text LIKE 'INV-%'::text)", Account, DatabaseEngine.MySql));
        Assert.Equal("(\"code\" NOT LIKE '%test%')", PortableChecks.Translate("(code NOT LIKE '%test%')", Account, DatabaseEngine.Sqlite));
        Assert.Null(PortableChecks.Translate("((code)::text ~ '^[A-Z]{3}$'::text)", Account, DatabaseEngine.MySql));
        Assert.Null(PortableChecks.Translate("`code` regexp '^[A-Z]{3}$'", Account, DatabaseEngine.PostgreSql));
    }

    /// <summary>A text's length and case carry, each engine naming them its way; arithmetic on numbers does not.</summary>
    [Theory]
    [InlineData("(length(code) = 3)", DatabaseEngine.Sqlite, "(length(\"code\") = 3)")]
    [InlineData("(char_length((code)::text) = 3)", DatabaseEngine.MySql, "(char_length(`code`) = 3)")]
    [InlineData("(lcase(`code`) = `code`)", DatabaseEngine.PostgreSql, "(lower(\"code\") = \"code\")")]
    [InlineData("(len([code]) > 0)", DatabaseEngine.PostgreSql, "(char_length(\"code\") > 0)")]
    [InlineData("(round(balance, 2) = balance)", DatabaseEngine.Sqlite, null)]
    public void Functions_of_a_text_are_carried_in_the_targets_names(string check, DatabaseEngine target, string? expected) =>
        Assert.Equal(expected, PortableChecks.Translate(check, Account, target));
}
