using Sdv.Connector.SchemaIntrospection.Engines.SqlServer;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Engines.SqlServer;

public sealed class SqlServerDefaultsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("((0))", "0")]
    [InlineData("((-1.5))", "-1.5")]
    [InlineData("(getdate())", "getdate()")]
    [InlineData("(N'abc')", "N'abc'")]
    [InlineData("('it''s (not) closed)')", "'it''s (not) closed)'")]
    [InlineData("((1)+(2))", "(1)+(2)")]
    [InlineData("(NULL)", null)]
    [InlineData("(newsequentialid())", "newsequentialid()")]
    public void Takes_off_the_wrapping_parentheses_and_reads_null_as_no_default(string? definition, string? expected) =>
        Assert.Equal(expected, SqlServerDefaults.Normalize(definition));
}
