using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.MySql;

public sealed class MySqlTypeMappingTests
{
    private static MySqlMappedType Map(string dataType, string columnType, long? length = null, int? precision = null, int? scale = null,
        int? datetimePrecision = null, bool json = false) =>
        MySqlTypeMapping.Map(dataType, MySqlColumnType.Parse(columnType), length, precision, scale, datetimePrecision, json);

    [Theory]
    [InlineData("tinyint", "tinyint(1)", LogicalType.Boolean)]
    [InlineData("tinyint", "tinyint(1) unsigned", LogicalType.Int16)]
    [InlineData("tinyint", "tinyint(4)", LogicalType.Int8)]
    [InlineData("smallint", "smallint(5) unsigned", LogicalType.Int32)]
    [InlineData("mediumint", "mediumint(8) unsigned", LogicalType.Int32)]
    [InlineData("int", "int(11)", LogicalType.Int32)]
    [InlineData("int", "int(10) unsigned", LogicalType.Int64)]
    [InlineData("bigint", "bigint(20)", LogicalType.Int64)]
    [InlineData("bigint", "bigint(20) unsigned", LogicalType.Decimal)]
    [InlineData("float", "float", LogicalType.Float32)]
    [InlineData("double", "double", LogicalType.Float64)]
    [InlineData("bit", "bit(1)", LogicalType.Boolean)]
    [InlineData("bit", "bit(7)", LogicalType.Bit)]
    [InlineData("year", "year(4)", LogicalType.Int16)]
    [InlineData("json", "json", LogicalType.Json)]
    [InlineData("geometrycollection", "geometrycollection", LogicalType.Spatial)]
    [InlineData("point", "point", LogicalType.Spatial)]
    [InlineData("uuid", "uuid", LogicalType.Uuid)]
    [InlineData("inet6", "inet6", LogicalType.Network)]
    [InlineData("timestamp", "timestamp(3)", LogicalType.DateTime)]
    [InlineData("mediumblob", "mediumblob", LogicalType.Binary)]
    public void Maps_native_types_to_logical_types(string dataType, string columnType, LogicalType expected) =>
        Assert.Equal(expected, Map(dataType, columnType).LogicalType);

    [Fact]
    public void Bigint_unsigned_is_decimal_20_0_because_it_overflows_int64()
    {
        var mapped = Map("bigint", "bigint(20) unsigned");
        Assert.Equal((20, 0), (mapped.Precision, mapped.Scale));
    }

    [Fact]
    public void Lengths_precisions_and_enum_values_are_carried()
    {
        Assert.Equal(40, Map("varchar", "varchar(40)", length: 40).MaxLength);
        Assert.Null(Map("longtext", "longtext", length: 4294967295).MaxLength);
        Assert.Equal((10, 2), (Map("decimal", "decimal(10,2)", precision: 10, scale: 2).Precision, Map("decimal", "decimal(10,2)", precision: 10, scale: 2).Scale));
        Assert.Equal(6, Map("datetime", "datetime(6)", datetimePrecision: 6).Precision);
        Assert.Equal(9, Map("bit", "bit(9)").MaxLength);
        Assert.Equal(["a", "b,c"], Map("set", "set('a','b,c')").EnumValues);
    }

    [Fact]
    public void Text_with_a_json_check_is_json()
    {
        Assert.Equal(LogicalType.Json, Map("longtext", "longtext", json: true).LogicalType);
        Assert.Equal(LogicalType.Text, Map("longtext", "longtext").LogicalType);
    }

    [Fact]
    public void Unknown_types_are_other_with_a_warning()
    {
        var mapped = Map("vector", "vector(3)");
        Assert.Equal(LogicalType.Other, mapped.LogicalType);
        Assert.Contains("vector", mapped.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json_valid(`doc`)", "doc")]
    [InlineData("JSON_VALID(`we``ird`)", "we`ird")]
    [InlineData("json_valid(`a`) and `a` <> ''", null)]
    [InlineData("json_valid(`a`) or json_valid(`b`)", null)]
    [InlineData("`price` > 0", null)]
    public void Recognises_the_automatic_json_valid_check(string clause, string? column) =>
        Assert.Equal(column, MySqlSchemaIntrospector.JsonValidColumn(clause));
}
