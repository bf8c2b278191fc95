using Sdv.Connector.SchemaIntrospection.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.SqlServer;

public sealed class SqlServerTypeMappingTests
{
    [Theory]
    [InlineData("nvarchar", 80, 0, 0, LogicalType.String, "nvarchar(40)", 40)]
    [InlineData("varchar", 40, 0, 0, LogicalType.String, "varchar(40)", 40)]
    [InlineData("nchar", 6, 0, 0, LogicalType.FixedString, "nchar(3)", 3)]
    [InlineData("char", 3, 0, 0, LogicalType.FixedString, "char(3)", 3)]
    [InlineData("nvarchar", -1, 0, 0, LogicalType.Text, "nvarchar(max)", null)]
    [InlineData("varbinary", -1, 0, 0, LogicalType.Binary, "varbinary(max)", null)]
    [InlineData("varbinary", 16, 0, 0, LogicalType.Binary, "varbinary(16)", 16)]
    [InlineData("ntext", 16, 0, 0, LogicalType.Text, "ntext", null)]
    public void Maps_strings_and_binaries_with_lengths_in_characters(
        string type, int maxLength, int precision, int scale, LogicalType logical, string native, int? length)
    {
        var mapped = SqlServerTypeMapping.Map(type, maxLength, precision, scale);
        Assert.Equal((logical, native, length), (mapped.LogicalType, mapped.NativeType, mapped.MaxLength));
    }

    [Theory]
    [InlineData("bit", LogicalType.Boolean)]
    [InlineData("tinyint", LogicalType.Int16)]
    [InlineData("smallint", LogicalType.Int16)]
    [InlineData("int", LogicalType.Int32)]
    [InlineData("bigint", LogicalType.Int64)]
    [InlineData("money", LogicalType.Money)]
    [InlineData("real", LogicalType.Float32)]
    [InlineData("uniqueidentifier", LogicalType.Uuid)]
    [InlineData("xml", LogicalType.Xml)]
    [InlineData("geography", LogicalType.Spatial)]
    [InlineData("date", LogicalType.Date)]
    [InlineData("datetime", LogicalType.DateTime)]
    [InlineData("smalldatetime", LogicalType.DateTime)]
    [InlineData("hierarchyid", LogicalType.Other)]
    public void Maps_fixed_types(string type, LogicalType expected) =>
        Assert.Equal(expected, SqlServerTypeMapping.Map(type, 8, 0, 0).LogicalType);

    [Fact]
    public void Carries_precision_scale_and_fractional_seconds()
    {
        var dec = SqlServerTypeMapping.Map("decimal", 9, 10, 2);
        Assert.Equal(("decimal(10,2)", 10, 2), (dec.NativeType, dec.Precision, dec.Scale));
        var dt2 = SqlServerTypeMapping.Map("datetime2", 7, 26, 3);
        Assert.Equal((LogicalType.DateTime, "datetime2(3)", 3), (dt2.LogicalType, dt2.NativeType, dt2.Precision));
        var dto = SqlServerTypeMapping.Map("datetimeoffset", 10, 34, 7);
        Assert.Equal((LogicalType.DateTimeWithTimeZone, "datetimeoffset(7)"), (dto.LogicalType, dto.NativeType));
        Assert.Equal((LogicalType.Float64, "float"), (SqlServerTypeMapping.Map("float", 8, 53, 0).LogicalType, SqlServerTypeMapping.Map("float", 8, 53, 0).NativeType));
        Assert.Equal("rowversion", SqlServerTypeMapping.Map("timestamp", 8, 0, 0).NativeType);
    }

    [Fact]
    public void Unknown_types_are_other_with_a_warning() =>
        Assert.Contains("vector", SqlServerTypeMapping.Map("vector", 8, 0, 0).Warning, StringComparison.Ordinal);
}
