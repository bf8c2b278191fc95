using Sdv.Connector.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

/// <summary>
/// The URL's own parts, decoded: what <see cref="EndpointParserGoodInputTests"/> and <see cref="EndpointParserBadInputTests"/>
/// do not reach through a driver's connection string (empty parts, '@' and ':' left in a password, IPv6 zones, query
/// options the driver would refuse, each malformed part's message, and secrets seen before an error).
/// </summary>
public sealed class ConnectionUrlTests
{
    private const string Planted = "S3cr3tpw";

    private static ParseContext Context() => new("source", null, static _ => null);

    private static ConnectionUrl Parse(string text) => ConnectionUrl.Parse(text, text[..text.IndexOf("://", StringComparison.Ordinal)], Context());

    /// <summary>url, user, password, host, port, database, options as name=value joined by '|'.</summary>
    [Theory]
    [InlineData("postgresql://db/x", null, null, "db", null, "x", "")]
    [InlineData("postgresql://bob@db", "bob", null, "db", null, null, "")]
    [InlineData("postgresql://bob@db/", "bob", null, "db", null, null, "")]
    [InlineData("postgresql://bob:@db/x", "bob", null, "db", null, "x", "")]
    [InlineData("postgresql://:pw@db/x", null, "pw", "db", null, "x", "")]
    [InlineData("postgresql://@db/x", null, null, "db", null, "x", "")]
    [InlineData("postgresql://b%40b:p%3Aw@db/x", "b@b", "p:w", "db", null, "x", "")]
    [InlineData("postgresql://u:p@ss@db/x", "u", "p@ss", "db", null, "x", "")]
    [InlineData("postgresql://u:a:b@db/x", "u", "a:b", "db", null, "x", "")]
    [InlineData("postgresql://u:%E2%82%AC%20%25@db/x", "u", "€ %", "db", null, "x", "")]
    [InlineData("mysql://db:1/x", null, null, "db", 1, "x", "")]
    [InlineData("mysql://db:65535/x", null, null, "db", 65535, "x", "")]
    [InlineData("mysql://db:007/x", null, null, "db", 7, "x", "")]
    [InlineData("postgresql://[::1]/x", null, null, "::1", null, "x", "")]
    [InlineData("postgresql://u@[2001:db8::7]:6543/x", "u", null, "2001:db8::7", 6543, "x", "")]
    [InlineData("postgresql://[fe80::1%25eth0]:5433/x", null, null, "fe80::1%eth0", 5433, "x", "")]
    [InlineData("sqlserver://My%20Host/x", null, null, "My Host", null, "x", "")]
    [InlineData("postgresql://db/My%2FDb", null, null, "db", null, "My/Db", "")]
    [InlineData("postgresql://db/caf%C3%A9", null, null, "db", null, "café", "")]
    [InlineData("postgresql://db/x?a=1&b=two%20words&c=", null, null, "db", null, "x", "a=1|b=two words|c=")]
    [InlineData("postgresql://db/x?a=1&&b=2&", null, null, "db", null, "x", "a=1|b=2")]
    [InlineData("postgresql://db/x?a=b=c", null, null, "db", null, "x", "a=b=c")]
    [InlineData("postgresql://db/x?k%20ey=v%26w", null, null, "db", null, "x", "k ey=v&w")]
    [InlineData("postgresql://db/x?email=a@b", null, null, "db", null, "x", "email=a@b")]
    [InlineData("postgresql://db?sslmode=require", null, null, "db", null, null, "sslmode=require")]
    [InlineData("postgresql://db:5432?x=1", null, null, "db", 5432, null, "x=1")]
    [InlineData("postgresql://db/x?", null, null, "db", null, "x", "")]
    [InlineData("postgresql://db/x?z=1&a=2", null, null, "db", null, "x", "z=1|a=2")]
    public void Splits_and_decodes_each_part(string text, string? user, string? password, string host, int? port, string? database, string options)
    {
        var url = Parse(text);

        Assert.Equal((user, password, host, port, database), (url.User, url.Password, url.Host, url.Port, url.Database));
        Assert.Equal(options, string.Join("|", url.Options.Select(static o => $"{o.Key}={o.Value}")));
        Assert.Equal(text[..text.IndexOf("://", StringComparison.Ordinal)], url.Scheme);
    }

    [Theory]
    [InlineData("postgresql://bob:pw@db:5433/sales?sslmode=require", "postgresql://bob:***@db:5433/sales")]
    [InlineData("postgres://bob@db/sales", "postgres://bob@db/sales")]
    [InlineData("postgresql://:pw@db/x", "postgresql://:***@db/x")]
    [InlineData("postgresql://db", "postgresql://db/")]
    [InlineData("postgresql://u@[::1]:6543/x", "postgresql://u@[::1]:6543/x")]
    [InlineData("postgresql://b%40b:p%40ss@db/My%20Db", "postgresql://b@b:***@db/My Db")]
    public void Shows_itself_decoded_without_the_password_or_options(string text, string expected)
    {
        var url = Parse(text);

        Assert.Equal(expected, url.ToString());
        Assert.True(url.Password is null || !url.ToString().Contains(url.Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgresql://bob@[::1/x", "--source: the IPv6 host in 'postgresql://bob@[::1/x' has no closing ']'")]
    [InlineData("postgresql://[::1]x/db", "--source: 'x' after the IPv6 host [::1] is not ':PORT'")]
    [InlineData("postgresql://::1/x", "--source: host '::1' has several ':'; write an IPv6 address in brackets, e.g. [::1]:5432")]
    [InlineData("postgresql://db:/x", "--source: the port after 'db:' is empty; write a number or drop the ':'")]
    [InlineData("postgresql://db:0/x", "--source: port '0' is out of range; a port is 1 to 65535")]
    [InlineData("postgresql://db:65536/x", "--source: port '65536' is out of range; a port is 1 to 65535")]
    [InlineData("postgresql://db:99999999999/x", "--source: port '99999999999' is out of range; a port is 1 to 65535")]
    [InlineData("postgresql://db:-1/x", "--source: port '-1' is not a number")]
    [InlineData("postgresql://db: 5/x", "--source: port ' 5' is not a number")]
    [InlineData("postgresql://bob@/x", "--source: the URL names no host in 'postgresql://bob@/x'; write postgresql://user@HOST:PORT/database")]
    [InlineData("mysql://[]:3306/x", "--source: the URL names no host in 'mysql://[]:3306/x'; write mysql://user@HOST:PORT/database")]
    [InlineData("postgresql://b%zzob@db/x", "--source: the user name 'b%zzob' holds a '%' that is not followed by two hex digits; percent-encode it (@ as %40, : as %3A, / as %2F, ? as %3F, # as %23, % as %25)")]
    [InlineData("postgresql://d%b/x", "--source: host 'd%b' holds a '%' that is not followed by two hex digits")]
    [InlineData("postgresql://db/x%2", "--source: the database name 'x%2' holds a '%' that is not followed by two hex digits; write % as %25")]
    [InlineData("postgresql://db/%FF", "--source: the database name '%FF' holds %-escapes whose bytes are not UTF-8 text; write % as %25")]
    [InlineData("postgresql://u:%C3%28@db/x", "--source: the password in 'postgresql://u:***@db/x' holds %-escapes whose bytes are not UTF-8 text; percent-encode it")]
    [InlineData("postgresql://db/x?=1", "--source: a query option has no name before '='; write ?name=value")]
    [InlineData("postgresql://db/x?a=1&A=2", "--source: query option 'A' is given twice")]
    [InlineData("postgresql://db/x?a%zz=1", "--source: query option name 'a%zz' holds a '%' that is not followed by two hex digits")]
    [InlineData("postgresql://db/x?a=%zz", "--source: the value of query option 'a' holds a '%' that is not followed by two hex digits; write % as %25")]
    [InlineData("postgresql://db/x?a=%C3", "--source: the value of query option 'a' holds %-escapes whose bytes are not UTF-8 text; write % as %25")]
    [InlineData("postgresql://db/x?a=%C3%zz", "--source: the value of query option 'a' holds a '%' that is not followed by two hex digits; write % as %25")]
    [InlineData("postgresql://bob:pw?d@db/x", "--source: the user or password in 'postgresql://bob:***@db/x' seems to hold a '/', '?' or '#'; percent-encode it (@ as %40, : as %3A, / as %2F, ? as %3F, # as %23, % as %25)")]
    [InlineData("postgresql://bob:pw#d@db/x", "--source: the user or password in 'postgresql://bob:***@db/x' seems to hold a '/', '?' or '#'")]
    [InlineData("postgresql://db/x#frag", "--source: 'postgresql://db/x#frag' holds a '#'; a URL here has no fragment, so percent-encode it")]
    public void Says_which_part_is_malformed_and_how_to_write_it(string text, string expected)
    {
        var error = Assert.Throws<EndpointException>(() => Parse(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://bob:S3cr3tpw@db/S3cr3tpw%zz")]
    [InlineData("postgresql://bob:S3cr3t%70w@db/S3cr3tpw%zz")]
    [InlineData("postgresql://bob:S3cr3tpw@db:S3cr3tpw/x")]
    [InlineData("postgresql://bob:S3cr3tpw@S3cr3tpw,h2/x")]
    public void A_password_seen_before_the_error_is_masked_in_its_message(string text)
    {
        var error = Assert.Throws<EndpointException>(() => Parse(text));

        Assert.DoesNotContain(Planted, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_masked_database_part_still_names_the_bad_escape()
    {
        var error = Assert.Throws<EndpointException>(() => Parse("postgresql://bob:S3cr3tpw@db/S3cr3tpw%zz"));

        Assert.Equal("--source: the database name '***%zz' holds a '%' that is not followed by two hex digits; write % as %25", error.Message);
    }

    [Fact]
    public void A_password_given_as_a_query_option_is_a_secret_too()
    {
        var context = Context();

        var url = ConnectionUrl.Parse("postgresql://bob@db/x?Password=S3cr3t%70w", "postgresql", context);

        Assert.Equal("S3cr3tpw", url.Options.Single().Value);
        Assert.Null(url.Password);
        // Both spellings, as typed and decoded, are scrubbed from any later message (a driver's, say).
        Assert.Equal("--source: the driver said *** and ***", context.Error("the driver said S3cr3t%70w and S3cr3tpw").Message);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("PWD", true)]
    [InlineData(" Passwd ", true)]
    [InlineData("pass", true)]
    [InlineData("passphrase", false)]
    [InlineData("sslpassword", false)]
    [InlineData("user", false)]
    public void Names_the_query_options_that_hold_a_password(string key, bool secret) =>
        Assert.Equal(secret, ConnectionUrl.IsPasswordKey(key));
}
