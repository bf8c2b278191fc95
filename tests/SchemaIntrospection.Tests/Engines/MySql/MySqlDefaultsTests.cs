using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.MySql;

public sealed class MySqlDefaultsTests
{
    [Theory]
    [InlineData(null, "varchar", null)]
    [InlineData("NULL", "varchar", null)]
    [InlineData("'NULL'", "varchar", "'NULL'")]
    [InlineData("'it''s'", "varchar", "'it''s'")]
    [InlineData("1.500", "decimal", "1.500")]
    [InlineData("current_timestamp(6)", "datetime", "current_timestamp(6)")]
    public void MariaDb_defaults_are_already_sql_except_the_null_keyword(string? raw, string dataType, string? expected) =>
        Assert.Equal(expected, MySqlDefaults.Normalize(raw, "", dataType, isMariaDb: true));

    [Theory]
    [InlineData(null, "", "varchar", null)]
    [InlineData("NULL", "", "varchar", "'NULL'")]
    [InlineData("it's", "", "varchar", "'it''s'")]
    [InlineData("", "", "char", "''")]
    [InlineData("2024-02-29", "", "date", "'2024-02-29'")]
    [InlineData("-7", "", "int", "-7")]
    [InlineData("b'101'", "", "bit", "b'101'")]
    [InlineData("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", "timestamp", "CURRENT_TIMESTAMP")]
    [InlineData("CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)", "datetime", "CURRENT_TIMESTAMP(3)")]
    [InlineData("uuid()", "DEFAULT_GENERATED", "char", "(uuid())")]
    public void MySql_defaults_are_quoted_by_type_and_expressions_parenthesised(string? raw, string extra, string dataType, string? expected) =>
        Assert.Equal(expected, MySqlDefaults.Normalize(raw, extra, dataType, isMariaDb: false));
}
