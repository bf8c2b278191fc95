using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>Stand-ins for the rare values of status, kind and mode columns: status words in the column's case, never one of its values.</summary>
public sealed class StatusLabelsTests
{
    [Theory]
    [InlineData("ssl_required", "external:2", null, "^[a-z]+$")]
    [InlineData("ssl_required", "external:2,none:1", null, "^[a-z]+$")]
    [InlineData("access_mode", "READ_ONLY:2,READ_WRITE:1", null, "^[A-Z]+_[A-Z]+$")]
    [InlineData("kind", "Internal:2,External:1", null, "^[A-Z][a-z]+$")]
    [InlineData("policy", "log-only:1,deny-all:1", null, "^[a-z]+-[a-z]+$")]
    [InlineData("flavour", "sweet:3", null, "^[a-z]+$")]
    [InlineData("status", "open:1,closed:1", 4, "^[a-z]{1,4}$")]
    public void Labels_follow_the_columns_case_and_separator_and_hold_none_of_its_values(string column, string rare, int? maxLength, string shape)
    {
        var values = rare.Split(',').Select(static p => p.Split(':')).Select(static p => (p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var labels = StatusLabels.For(column, values, values.Select(static v => v.Item1), maxLength);

        Assert.NotNull(labels);
        Assert.InRange(labels.Length, 1, StatusLabels.Kept);
        Assert.All(labels, l => Assert.Matches(shape, l));
        Assert.All(labels, l => Assert.True(StatusLabels.IsStatusWord(l), l));
        Assert.All(labels, l => Assert.DoesNotContain(values, v => string.Equals(v.Item1, l, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(labels, StatusLabels.For(column, values, values.Select(static v => v.Item1), maxLength));
    }

    /// <summary>Names seen once each (realms 'master', 'acme'), codes with digits and free words are no labels: other stand-ins serve them.</summary>
    [Theory]
    [InlineData("name", "master:1,acme:1")]
    [InlineData("status", "AB12:3")]
    [InlineData("kind", "one two three four:2")]
    [InlineData("status", "")]
    public void Values_that_are_no_labels_get_none(string column, string rare)
    {
        var values = rare.Length == 0 ? [] : rare.Split(',').Select(static p => p.Split(':')).Select(static p => (p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Null(StatusLabels.For(column, values, values.Select(static v => v.Item1), null));
    }

    [Fact]
    public void The_first_labels_are_drawn_most()
    {
        var random = new Xoshiro256(7);
        string[] labels = ["a", "b", "c", "d"];
        var counts = Enumerable.Range(0, 4000).Select(_ => StatusLabels.Pick(labels, random)).GroupBy(static l => l).ToDictionary(static g => g.Key, static g => g.Count());

        // Weights 1, 1/2, 1/3, 1/4 of 25/12: 48%, 24%, 16%, 12%.
        Assert.InRange(counts["a"], 1750, 2100);
        Assert.InRange(counts["d"], 380, 580);
    }
}
