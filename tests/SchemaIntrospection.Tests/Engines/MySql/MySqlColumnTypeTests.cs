using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.MySql;

public sealed class MySqlColumnTypeTests
{
    [Theory]
    [InlineData("int(10) unsigned zerofill", "int", "10", true, true)]
    [InlineData("bigint(20) unsigned", "bigint", "20", true, false)]
    [InlineData("bigint", "bigint", null, false, false)]
    [InlineData("decimal(12,3)", "decimal", "12,3", false, false)]
    [InlineData("DOUBLE UNSIGNED", "double", null, true, false)]
    [InlineData("longtext", "longtext", null, false, false)]
    public void Splits_name_arguments_and_modifiers(string columnType, string name, string? arguments, bool unsigned, bool zerofill)
    {
        var parsed = MySqlColumnType.Parse(columnType);
        Assert.Equal(new MySqlColumnType(name, arguments, unsigned, zerofill), parsed);
    }

    [Fact]
    public void Numeric_arguments_are_read_as_numbers()
    {
        Assert.Equal([12, 3], MySqlColumnType.Parse("decimal(12,3)").NumericArguments);
        Assert.Equal([1], MySqlColumnType.Parse("tinyint(1)").NumericArguments);
        Assert.Empty(MySqlColumnType.Parse("enum('1','2')").NumericArguments);
        Assert.Empty(MySqlColumnType.Parse("date").NumericArguments);
    }

    [Fact]
    public void Enum_values_that_look_like_modifiers_or_hold_parentheses_are_not_modifiers()
    {
        var parsed = MySqlColumnType.Parse("enum('unsigned',') zerofill','it''s')");
        Assert.Equal("enum", parsed.Name);
        Assert.False(parsed.IsUnsigned);
        Assert.False(parsed.IsZerofill);
        Assert.Equal(["unsigned", ") zerofill", "it's"], MySqlEnumValues.Parse(parsed.Arguments));
    }
}
