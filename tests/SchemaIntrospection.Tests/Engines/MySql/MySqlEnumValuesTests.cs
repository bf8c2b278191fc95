using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.MySql;

public sealed class MySqlEnumValuesTests
{
    [Fact]
    public void Parses_plain_values_in_declared_order() =>
        Assert.Equal(["small", "medium", "large"], MySqlEnumValues.Parse("'small','medium','large'"));

    [Fact]
    public void Keeps_commas_parentheses_and_spaces_inside_values() =>
        Assert.Equal(["x,y", "(p)", " a b ", "),('"], MySqlEnumValues.Parse("'x,y','(p)',' a b ','),('''"));

    [Fact]
    public void Undoubles_quotes_and_unescapes_backslashes() =>
        Assert.Equal(["it's", "''", "a\\b", "tab\there"], MySqlEnumValues.Parse(@"'it''s','''''','a\\b','tab\there'"));

    [Fact]
    public void Reads_empty_string_values_and_unicode() =>
        Assert.Equal(["", "ü ñ", ""], MySqlEnumValues.Parse("'','ü ñ',''"));

    [Fact]
    public void Empty_list_gives_no_values()
    {
        Assert.Empty(MySqlEnumValues.Parse(null));
        Assert.Empty(MySqlEnumValues.Parse(""));
    }

    [Theory]
    [InlineData("'a','b")]
    [InlineData("a,'b'")]
    public void Malformed_lists_are_a_format_error(string list) =>
        Assert.Throws<FormatException>(() => MySqlEnumValues.Parse(list));
}
