using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

public sealed class ValueOffsetsTests
{
    /// <summary>Children 0-1,999 days after parents spread over five years: too far apart to follow, never before.</summary>
    private static List<(double Child, double Parent, long Rows)> Wide(int rows) =>
        Enumerable.Range(0, rows).Select(i => (Child: (i * 37 % 1_800) + (i * 53 % 2_000) + 0.0, Parent: (i * 37 % 1_800) + 0.0, Rows: 1L)).ToList();

    [Fact]
    public void A_date_never_before_its_parents_but_far_after_it_is_a_floor_not_a_follow()
    {
        var pairs = Wide(500);

        Assert.Null(ValueOffsets.Learn(pairs, 5, dayUnits: true));
        var floor = ValueOffsets.LearnFloor(pairs, 5, dayUnits: true);

        Assert.NotNull(floor);
        Assert.Equal(ValueOffsets.Quantiles, floor.Value.Quantiles.Length);
        // The ends are the k-th smallest and largest offsets, not the one row's 0 or 1,999.
        Assert.InRange(floor.Value.Quantiles[0], 1, 60);
        Assert.InRange(floor.Value.Quantiles[^1], 1_940, 1_998);
        Assert.Equal(1, floor.Value.Step);
    }

    [Fact]
    public void One_row_before_its_parent_or_too_few_rows_make_no_floor()
    {
        var pairs = Wide(500);
        pairs.Add((Child: 10, Parent: 11, Rows: 1));

        Assert.Null(ValueOffsets.LearnFloor(pairs, 5, dayUnits: true));
        Assert.Null(ValueOffsets.LearnFloor(Wide(15), 5, dayUnits: true));
    }

    [Fact]
    public void A_date_precedes_a_date_of_its_kind_or_the_day_of_a_timestamp()
    {
        Assert.True(ValueOffsets.Precedes(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)));
        Assert.False(ValueOffsets.Precedes(new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 2)));
        Assert.True(ValueOffsets.Precedes(new DateOnly(2020, 1, 1), new DateTime(2020, 1, 2, 10, 45, 0)));
        // A visit on the day of a registration at 10:45 does not come before it.
        Assert.False(ValueOffsets.Precedes(new DateOnly(2020, 1, 2), new DateTime(2020, 1, 2, 10, 45, 0)));
        Assert.False(ValueOffsets.Precedes(new DateTime(2020, 1, 1), new DateOnly(2020, 1, 2)));
        Assert.False(ValueOffsets.Precedes(null, new DateOnly(2020, 1, 2)));
    }

    [Fact]
    public void A_date_moved_after_its_parents_stays_at_or_below_the_ceiling()
    {
        // Offsets 0-100 days in even steps; a parent on day 1,000 and a ceiling of day 1,030 leave offsets 0-30.
        var quantiles = Enumerable.Range(0, ValueOffsets.Quantiles).Select(i => i * 5.0).ToArray();
        var parent = DateOnly.FromDayNumber(1_000);
        var drawn = DateOnly.FromDayNumber(900);

        var derived = Enumerable.Range(0, 101).Select(i => (DateOnly)ValueOffsets.Derive(parent, quantiles, 1, drawn, i / 100.0, ceiling: 1_030)!).ToList();

        Assert.All(derived, d => Assert.InRange(d.DayNumber, 1_000, 1_030));
        Assert.Equal(1_030, derived[^1].DayNumber);
        // Without a ceiling the whole range is drawn, as before.
        Assert.Equal(1_100, ((DateOnly)ValueOffsets.Derive(parent, quantiles, 1, drawn, 1.0)!).DayNumber);
        // A parent past the ceiling takes the smallest offset: on or after the parent comes first.
        Assert.Equal(2_000, ((DateOnly)ValueOffsets.Derive(DateOnly.FromDayNumber(2_000), quantiles, 1, drawn, 0.7, ceiling: 1_030)!).DayNumber);
    }
}
