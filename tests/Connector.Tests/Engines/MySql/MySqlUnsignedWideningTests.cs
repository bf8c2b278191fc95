using Sdv.Connector.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Engines.MySql;

public sealed class MySqlUnsignedWideningTests
{
    private static ColumnSchema Column(string nativeType, LogicalType type, int? precision = null) =>
        new() { Name = "c", Ordinal = 1, NativeType = nativeType, LogicalType = type, IsNullable = true, Precision = precision };

    [Theory]
    // Metadata that did not widen (by hand, older, edited): widened once, to what the introspector gives.
    [InlineData("int(10) unsigned", LogicalType.Int32, LogicalType.Int64)]
    [InlineData("smallint(5) unsigned", LogicalType.Int16, LogicalType.Int32)]
    [InlineData("tinyint(3) unsigned", LogicalType.Int8, LogicalType.Int16)]
    [InlineData("mediumint(8) unsigned", LogicalType.Int32, LogicalType.Int32)]
    // Already widened by the introspector: not widened again.
    [InlineData("int(10) unsigned", LogicalType.Int64, LogicalType.Int64)]
    [InlineData("smallint unsigned", LogicalType.Int32, LogicalType.Int32)]
    // Signed, or not an integer: as it is.
    [InlineData("int(11)", LogicalType.Int32, LogicalType.Int32)]
    [InlineData("tinyint(1)", LogicalType.Boolean, LogicalType.Boolean)]
    [InlineData("double unsigned", LogicalType.Float64, LogicalType.Float64)]
    [InlineData("enum('unsigned','b')", LogicalType.Enum, LogicalType.Enum)]
    public void An_unsigned_integer_gets_the_logical_type_that_holds_its_range(string nativeType, LogicalType given, LogicalType expected) =>
        Assert.Equal(expected, MySqlUnsignedWidening.Widen(Column(nativeType, given)).LogicalType);

    [Fact]
    public void A_bigint_unsigned_given_as_int64_becomes_decimal_20_0()
    {
        var widened = MySqlUnsignedWidening.Widen(Column("bigint(20) unsigned", LogicalType.Int64));
        Assert.Equal((LogicalType.Decimal, 20, 0), (widened.LogicalType, widened.Precision, widened.Scale));
    }

    [Fact]
    public void A_decimal_unsigned_keeps_its_precision() =>
        Assert.Equal(12, MySqlUnsignedWidening.Widen(Column("decimal(12,2) unsigned", LogicalType.Decimal, 12)).Precision);
}
