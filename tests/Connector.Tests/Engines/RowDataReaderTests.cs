using Sdv.Connector.Engines;
using Xunit;

namespace Sdv.Connector.Tests.Engines;

public sealed class RowDataReaderTests
{
    private static readonly RowDataField[] Fields =
    [
        new("id", 0, typeof(long)),
        new("day", 2, typeof(DateTime)),
        new("at", 3, typeof(TimeSpan)),
        new("name", 4, typeof(string)),
    ];

    private static async IAsyncEnumerable<object?[]> Source(int count, Action<int>? onYield = null)
    {
        for (var i = 1; i <= count; i++)
        {
            onYield?.Invoke(i);
            yield return [(long)i, "skipped generated value", new DateOnly(2024, 1, i), new TimeOnly(10, i), i % 2 == 0 ? null : "n" + i];
            await Task.Yield();
        }
    }

    [Fact]
    public async Task Exposes_the_mapped_fields_with_dates_and_times_as_driver_types_and_nulls_as_DBNull()
    {
        await using var reader = new RowDataReader(Source(3), Fields, null, CancellationToken.None);
        Assert.Equal(4, reader.FieldCount);
        Assert.Equal(["id", "day", "at", "name"], Enumerable.Range(0, 4).Select(reader.GetName).ToArray());
        Assert.Equal(3, reader.GetOrdinal("NAME"));

        Assert.True(await reader.ReadAsync());
        var values = new object[4];
        Assert.Equal(4, reader.GetValues(values));
        Assert.Equal(new object[] { 1L, new DateTime(2024, 1, 1), new TimeSpan(10, 1, 0), "n1" }, values);
        Assert.Equal(DateTimeKind.Unspecified, reader.GetDateTime(1).Kind);

        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsDBNull(3));
        Assert.Same(DBNull.Value, reader.GetValue(3));
        Assert.Equal(2, reader.GetInt32(0));

        Assert.True(reader.Read());
        Assert.Equal(3L, reader.GetInt64(0));
        Assert.False(await reader.ReadAsync());
        Assert.False(await reader.ReadAsync());
        Assert.Equal(3, reader.RowsRead);
    }

    [Fact]
    public async Task Pulls_one_row_at_a_time_from_the_source()
    {
        var produced = 0;
        await using var reader = new RowDataReader(Source(1000, i => produced = i), Fields, null, CancellationToken.None);
        for (var expected = 1; expected <= 5; expected++)
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(expected, produced);
        }
    }

    [Fact]
    public async Task Applies_the_engine_converter_to_non_null_values_only()
    {
        var calls = 0;
        object Convert(object value)
        {
            calls++;
            return value is string s ? s.ToUpperInvariant() : RowDataReader.ToDriverValue(value);
        }
        await using var reader = new RowDataReader(Source(2), Fields, Convert, CancellationToken.None);
        Assert.True(await reader.ReadAsync());
        Assert.Equal("N1", reader.GetString(3));
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsDBNull(3));
        Assert.Equal(7, calls);
    }

    [Fact]
    public async Task Says_which_field_a_short_row_lacks()
    {
        await using var reader = new RowDataReader(new[] { new object?[] { 1L, "x" } }.ToAsyncEnumerable(), Fields, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadAsync());
        Assert.Contains("field day reads value 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await using var reader = new RowDataReader(Source(10), Fields, null, cancel.Token);
        Assert.True(await reader.ReadAsync());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAsync());
    }

    [Fact]
    public async Task Closing_disposes_the_source_enumerator()
    {
        var disposed = false;
        async IAsyncEnumerable<object?[]> Rows()
        {
            try
            {
                for (var i = 0; i < 100; i++)
                {
                    yield return [(long)i, null, null, null, null];
                    await Task.Yield();
                }
            }
            finally
            {
                disposed = true;
            }
        }
        var reader = new RowDataReader(Rows(), Fields, null, CancellationToken.None);
        Assert.True(await reader.ReadAsync());
        Assert.False(disposed);
        await reader.DisposeAsync();
        Assert.True(disposed);
        Assert.True(reader.IsClosed);
    }
}
