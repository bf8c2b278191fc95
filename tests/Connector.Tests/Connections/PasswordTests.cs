using System.Data.Common;
using Sdv.Connector.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

public sealed class PasswordTests(TempFolder folder) : IClassFixture<TempFolder>
{
    private static string? PasswordIn(DatabaseEndpoint endpoint)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = endpoint.ConnectionString };
        return builder.TryGetValue("Password", out var value) ? (string)value : null;
    }

    [Fact]
    public void Takes_the_password_from_the_named_environment_variable()
    {
        var endpoint = EndpointParser.Parse(
            "postgresql://bob@db/sales", null, PasswordSource.FromEnvironment("SALES_PW"), "source", n => n == "SALES_PW" ? "from env" : null);

        Assert.Equal("from env", PasswordIn(endpoint));
        Assert.Equal("postgresql://bob:***@db:5432/sales", endpoint.Redacted);
    }

    [Theory]
    [InlineData("pa ss word\n", "pa ss word")]
    [InlineData("pa;ss\"w'rd\r\n", "pa;ss\"w'rd")]
    [InlineData(" lead and trail ", " lead and trail ")]
    [InlineData("no-newline", "no-newline")]
    public void Takes_the_password_from_a_file_less_its_trailing_newline(string content, string expected)
    {
        var path = Path.Combine(folder.Root, Guid.NewGuid().ToString("N") + ".pw");
        File.WriteAllText(path, content);

        var endpoint = EndpointParser.Parse(
            "Server=h;Database=shop;User ID=u", "mysql", PasswordSource.FromFile(path), "target", _ => null);

        Assert.Equal(expected, PasswordIn(endpoint));
        Assert.DoesNotContain(expected.Trim(), endpoint.Redacted, StringComparison.Ordinal);
        Assert.Equal("mysql://u:***@h:3306/shop", endpoint.Redacted);
    }

    [Fact]
    public void An_empty_password_file_is_refused()
    {
        var path = Path.Combine(folder.Root, "empty.pw");
        File.WriteAllText(path, "\n");

        var error = Assert.Throws<EndpointException>(() =>
            EndpointParser.Parse("postgresql://bob@db/x", null, PasswordSource.FromFile(path), "source", _ => null));

        Assert.Equal($"--source: password file {path} is empty", error.Message);
    }

    [Fact]
    public void Honours_PGPASSWORD_for_PostgreSQL_when_no_password_is_given()
    {
        var endpoint = EndpointParser.Parse("postgresql://bob@db/x", null, null, "source", n => n == "PGPASSWORD" ? "pgpw" : null);

        Assert.Equal("pgpw", PasswordIn(endpoint));
        Assert.Equal("postgresql://bob:***@db:5432/x", endpoint.Redacted);
    }

    [Fact]
    public void A_password_in_the_url_wins_over_PGPASSWORD()
    {
        var endpoint = EndpointParser.Parse("postgresql://bob:inline@db/x", null, null, "source", n => n == "PGPASSWORD" ? "pgpw" : null);

        Assert.Equal("inline", PasswordIn(endpoint));
    }

    [Fact]
    public void An_explicit_password_source_wins_over_PGPASSWORD()
    {
        var endpoint = EndpointParser.Parse(
            "postgresql://bob@db/x", null, PasswordSource.FromEnvironment("MINE"), "source", n => n switch { "PGPASSWORD" => "pgpw", "MINE" => "mine", _ => null });

        Assert.Equal("mine", PasswordIn(endpoint));
    }

    [Theory]
    [InlineData("mysql://u@h/shop")]
    [InlineData("mariadb://u@h/shop")]
    public void Honours_MYSQL_PWD_for_MySQL_and_MariaDB(string url)
    {
        var endpoint = EndpointParser.Parse(url, null, null, "source", n => n == "MYSQL_PWD" ? "mypw" : null);

        Assert.Equal("mypw", PasswordIn(endpoint));
    }

    [Fact]
    public void Each_engine_reads_only_its_own_conventional_variable()
    {
        Func<string, string?> environment = n => n switch { "PGPASSWORD" => "pgpw", "MYSQL_PWD" => "mypw", _ => null };

        Assert.Null(PasswordIn(EndpointParser.Parse("sqlserver://sa@h/db", null, null, "source", environment)));
        Assert.Equal("pgpw", PasswordIn(EndpointParser.Parse("postgresql://u@h/db", null, null, "source", environment)));
        Assert.Equal("mypw", PasswordIn(EndpointParser.Parse("mysql://u@h/db", null, null, "source", environment)));
    }

    [Fact]
    public void The_display_and_ToString_never_hold_the_password()
    {
        var endpoint = EndpointParser.Parse(
            "sqlserver://sa:S3cr3t!pw@h/db?trustServerCertificate=true", null, null, "source", _ => null);

        Assert.Contains("S3cr3t!pw", endpoint.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", endpoint.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", endpoint.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", $"{endpoint}", StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", endpoint.Identity.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://bob:S3cr3t!pw@db/x", "postgresql://bob:***@db/x")]
    [InlineData("postgresql://bob:S3c@r3t/pw@db/x", "postgresql://bob:***@db/x")]
    [InlineData("mysql://bob@db/x?user=a&password=S3cr3t!pw&ssl=1", "mysql://bob@db/x?user=a&password=***&ssl=1")]
    [InlineData("bob:S3cr3t!pw@db:5432/x", "bob:***@db:5432/x")]
    [InlineData("postgresql://db:5432/x", "postgresql://db:5432/x")]
    public void Redacts_echoed_input(string input, string expected)
    {
        Assert.Equal(expected, InputRedactor.Redact(input));
    }

    [Theory]
    [InlineData("Host=h;Password=S3cr3t!pw;Database=d", "S3cr3t!pw")]
    [InlineData("Host=h; pwd = \"S3;cr\"\"et\" ;Database=d", "S3;cr\"et")]
    [InlineData("Host=h;Password='it''s';Database=d", "it's")]
    public void Finds_passwords_in_connection_strings_for_scrubbing(string connectionString, string expected)
    {
        Assert.Equal([expected], InputRedactor.ConnectionStringPasswords(connectionString));
    }

    [Theory]
    [InlineData("p%40ss%3A%2F%3F%23%25", "p@ss:/?#%")]
    [InlineData("b%C3%B6b", "böb")]
    [InlineData("plain", "plain")]
    public void Decodes_percent_encoding(string encoded, string expected)
    {
        Assert.True(PercentEncoding.TryDecode(encoded, out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("50%")]
    [InlineData("%zz")]
    [InlineData("%C3")]
    public void Refuses_broken_percent_encoding(string encoded)
    {
        Assert.False(PercentEncoding.TryDecode(encoded, out _));
    }

    [Theory]
    [InlineData("50%", "holds a '%' that is not followed by two hex digits")]
    [InlineData("%zz", "holds a '%' that is not followed by two hex digits")]
    [InlineData("%C3%4", "holds a '%' that is not followed by two hex digits")]
    [InlineData("%C3", "holds %-escapes whose bytes are not UTF-8 text")]
    [InlineData("%FF%FE", "holds %-escapes whose bytes are not UTF-8 text")]
    public void Says_why_percent_encoding_is_refused(string encoded, string reason)
    {
        Assert.False(PercentEncoding.TryDecode(encoded, out _));
        Assert.Equal(reason, PercentEncoding.Fault(encoded));
    }
}
