using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Sqlite;

public sealed class SqliteTypeMapperTests
{
    [Theory]
    [InlineData("NVARCHAR(120)", LogicalType.String, "TEXT", 120, null, null)]
    [InlineData("varchar( 40 )", LogicalType.String, "TEXT", 40, null, null)]
    [InlineData("CHARACTER(20)", LogicalType.FixedString, "TEXT", 20, null, null)]
    [InlineData("NUMERIC(10,2)", LogicalType.Decimal, "NUMERIC", null, 10, 2)]
    [InlineData("DECIMAL(7)", LogicalType.Decimal, "NUMERIC", null, 7, 0)]
    [InlineData("NUMERIC", LogicalType.Decimal, "NUMERIC", null, null, null)]
    [InlineData("INTEGER", LogicalType.Int64, "INTEGER", null, null, null)]
    [InlineData("INT", LogicalType.Int32, "INTEGER", null, null, null)]
    [InlineData("UNSIGNED BIG INT", LogicalType.Int64, "INTEGER", null, null, null)]
    [InlineData("INT UNSIGNED", LogicalType.Int32, "INTEGER", null, null, null)]
    [InlineData("DOUBLE PRECISION", LogicalType.Float64, "REAL", null, null, null)]
    [InlineData("BLOB", LogicalType.Binary, "BLOB", null, null, null)]
    [InlineData("", LogicalType.Other, "BLOB", null, null, null)]
    [InlineData("DATETIME", LogicalType.DateTime, "NUMERIC", null, null, null)]
    [InlineData("BOOLEAN", LogicalType.Boolean, "NUMERIC", null, null, null)]
    // Unknown names fall back to SQLite's affinity rules, INT before CHAR (SQLite's own CHARINT example).
    [InlineData("CHARINT", LogicalType.Int64, "INTEGER", null, null, null)]
    [InlineData("MYTEXT(30)", LogicalType.String, "TEXT", 30, null, null)]
    [InlineData("FLOATY", LogicalType.Float64, "REAL", null, null, null)]
    // "FLOATING POINT" holds "INT": SQLite's documentation gives it INTEGER affinity, and so do we.
    [InlineData("FLOATING POINT", LogicalType.Int64, "INTEGER", null, null, null)]
    [InlineData("STRANGE", LogicalType.Other, "NUMERIC", null, null, null)]
    public void Maps_declared_types(string declared, LogicalType type, string affinity, int? length, int? precision, int? scale)
    {
        var info = SqliteTypeMapper.Map(declared);
        Assert.Equal((type, affinity, length, precision, scale), (info.LogicalType, info.Affinity, info.MaxLength, info.Precision, info.Scale));
    }

    [Fact]
    public void Unknown_names_are_marked_unrecognised()
    {
        Assert.False(SqliteTypeMapper.Map("STRANGE").IsRecognised);
        Assert.True(SqliteTypeMapper.Map("CHARINT").IsRecognised);
    }
}
