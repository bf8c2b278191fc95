using System.Globalization;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>Reads a column of a database (source or clone) and asserts on values kept as text: dates in one layout, JSON, text kept as bytes.</summary>
internal static class CloneValues
{
    /// <summary>The non-null values of the query's first column, as the engine gives them.</summary>
    public static async Task<List<object>> ReadAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object>();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0)) values.Add(reader.GetValue(0));
        }
        return values;
    }

    /// <summary>The values as text: a string as it is, bytes as UTF-8 (asserted valid).</summary>
    public static List<string> AsText(IEnumerable<object> values) => values.Select(v => v switch
    {
        string s => s,
        byte[] bytes => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    }).ToList();

    /// <summary>
    /// Every clone value a date in <paramref name="format"/> within the source's range, about as many distinct as the
    /// source's, and their mean within a tenth of the range of the source's mean: the distribution, not digits of its shape.
    /// </summary>
    public static void AssertDates(IReadOnlyList<string> source, IReadOnlyList<string> clone, string format)
    {
        static DateTime Parse(string text, string format) =>
            DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new Xunit.Sdk.XunitException($"'{text}' is no date written as {format}");
        var real = source.Select(s => Parse(s, format)).ToList();
        var made = clone.Select(s => Parse(s, format)).ToList();
        Assert.True(made.Count >= source.Count * 0.9, $"{made.Count} values of {source.Count}");
        var (min, max) = (real.Min(), real.Max());
        Assert.All(made, d => Assert.InRange(d, min, max));
        var distinct = made.Distinct().Count();
        Assert.True(distinct >= real.Distinct().Count() / 3, $"{distinct} distinct of {made.Count}");
        var range = (max - min).TotalSeconds;
        var drift = Math.Abs(made.Average(d => (d - min).TotalSeconds) - real.Average(d => (d - min).TotalSeconds));
        Assert.True(drift < range / 10, $"mean moved by {drift / range:P0} of the range");
    }
}
