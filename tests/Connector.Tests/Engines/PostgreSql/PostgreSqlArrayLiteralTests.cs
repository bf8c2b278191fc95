using Sdv.Connector.Engines.PostgreSql;
using Xunit;

namespace Sdv.Connector.Tests.Engines.PostgreSql;

public sealed class PostgreSqlArrayLiteralTests
{
    [Theory]
    [InlineData("[1,null,2.5]", "{1,NULL,2.5}")]
    [InlineData("[\"x\",\"y z\",\"\"]", "{\"x\",\"y z\",\"\"}")]
    [InlineData("[\"say \\\"hi\\\"\",\"back\\\\slash\"]", "{\"say \\\"hi\\\"\",\"back\\\\slash\"}")]
    [InlineData("[[1,2],[3,null]]", "{{1,2},{3,NULL}}")]
    [InlineData("[]", "{}")]
    [InlineData("[true,false]", "{true,false}")]
    public void A_json_array_becomes_an_array_literal(string json, string literal) =>
        Assert.Equal(literal, PostgreSqlArrayLiteral.FromJson(json));

    [Theory]
    [InlineData("{x,\"y z\"}")]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    public void What_is_not_a_json_array_passes_unchanged(string value) =>
        Assert.Equal(value, PostgreSqlArrayLiteral.FromJson(value));

    [Fact]
    public void Objects_of_a_json_array_without_a_composite_type_stay_json_text() =>
        Assert.Equal("{\"{\\\"a\\\":1}\"}", PostgreSqlArrayLiteral.FromJson("[{\"a\":1}]"));

    [Fact]
    public void Objects_of_a_composite_array_become_records_of_the_attributes_in_the_types_order()
    {
        // Keys in another order than the type's, one missing (NULL), one empty string (not NULL).
        var json = "[{\"b\":\"x\",\"a\":28},{\"a\":3},null,{\"a\":null,\"b\":\"\"}]";
        Assert.Equal("{\"(\\\"28\\\",\\\"x\\\")\",\"(\\\"3\\\",)\",NULL,\"(,\\\"\\\")\"}", PostgreSqlArrayLiteral.FromJson(json, ["a", "b"]));
    }

    [Fact]
    public void A_record_attribute_with_quotes_backslashes_commas_and_parentheses_is_escaped_twice()
    {
        // The record literal ("1","a \"q\", (p) \\ z") is itself quoted as an array element.
        var json = "[{\"a\":1,\"b\":\"a \\\"q\\\", (p) \\\\ z\"}]";
        Assert.Equal("{\"(\\\"1\\\",\\\"a \\\\\\\"q\\\\\\\", (p) \\\\\\\\ z\\\")\"}", PostgreSqlArrayLiteral.FromJson(json, ["a", "b"]));
    }

    [Fact]
    public void An_array_attribute_of_a_record_is_its_array_literal() =>
        Assert.Equal("{\"(\\\"1\\\",\\\"{\\\\\\\"x\\\\\\\",NULL}\\\")\"}", PostgreSqlArrayLiteral.FromJson("[{\"a\":1,\"tags\":[\"x\",null]}]", ["a", "tags"]));
}
