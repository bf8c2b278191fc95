using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Sqlite;

public sealed class SqliteTextColumnsTests
{
    [Theory]
    [InlineData("2025-03-21T07:30:43Z", "yyyy-MM-dd'T'HH:mm:ss'Z'", LogicalType.DateTime)]
    [InlineData("2025-03-21T07:30:43.123+02:00", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", LogicalType.DateTimeWithTimeZone)]
    [InlineData("2025-03-21 07:30:43.123", "yyyy-MM-dd HH:mm:ss.fff", LogicalType.DateTime)]
    [InlineData("2025-03-21T07:30:43.123456", "yyyy-MM-dd'T'HH:mm:ss.ffffff", LogicalType.DateTime)]
    [InlineData("2025-03-21T07:30", "yyyy-MM-dd'T'HH:mm", LogicalType.DateTime)]
    public void Reads_the_layout_of_an_iso_timestamp(string example, string format, LogicalType type)
    {
        var layout = SqliteTextColumns.LayoutOf(example);

        Assert.NotNull(layout);
        Assert.Equal(format, layout.Format);
        Assert.Equal(type, layout.Type);
    }

    [Theory]
    [InlineData("2025-03-21")]
    [InlineData("21/03/2025 07:30")]
    [InlineData("2459000.5")]
    [InlineData("2025-03-21T07:30:43 UTC")]
    [InlineData("now")]
    public void Other_text_has_no_timestamp_layout(string example) => Assert.Null(SqliteTextColumns.LayoutOf(example));

    [Fact]
    public void A_layout_matches_its_values_with_or_without_the_fraction_and_any_offset()
    {
        var layout = SqliteTextColumns.LayoutOf("2025-03-21T07:30:43.123+02:00")!;

        Assert.Equal("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][-+][0-9][0-9]:[0-9][0-9]", layout.Glob);
        Assert.Equal("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9][-+][0-9][0-9]:[0-9][0-9]", layout.WholeSecondGlob);
        Assert.Equal("+02:00", layout.Suffix);
        Assert.Equal("yyyy-MM-dd'T'HH:mm:ss.fff", layout.Body);
    }
}
