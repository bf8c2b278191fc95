using Sdv.Connector.Synthesis.MultiTable;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>
/// A code column of a unique key picks among the codes not taken what a weighted picker over those codes, in their
/// order, picks for the same draw: the clone of a table whose rows repeat a key is the same as before the look-up.
/// </summary>
public sealed class CodeColumnTests
{
    [Fact]
    public void Picks_what_a_weighted_picker_over_the_codes_left_picks_for_the_same_draw()
    {
        var setup = new Xoshiro256(11);
        for (var trial = 0; trial < 500; trial++)
        {
            var count = 1 + (int)(setup.NextDouble() * 40);
            var values = Enumerable.Range(0, count).Select(static i => (object)(long)(100 + i)).ToArray();
            var weights = Enumerable.Range(0, count).Select(_ => Math.Floor(1 + (setup.NextDouble() * 1000))).ToArray();
            var column = new CodeColumn((values, weights));
            // Taken codes with repeats, as several keys and rows report them; sometimes every code.
            var taken = Enumerable.Range(0, (int)(setup.NextDouble() * count * 1.5)).Select(_ => (int)(setup.NextDouble() * count)).ToList();
            var left = Enumerable.Range(0, count).Where(i => !taken.Contains(i)).ToList();
            var seed = (ulong)trial + 1;

            var picked = column.Pick([.. taken], new Xoshiro256(seed));

            if (left.Count == 0)
            {
                Assert.Null(picked);
                continue;
            }

            var picker = new WeightedPicker();
            foreach (var i in left) picker.Add(weights[i]);
            var expected = values[left[Math.Max(0, picker.Pick(new Xoshiro256(seed).NextDouble()))]];
            Assert.Equal(expected, picked);
        }
    }

    [Fact]
    public void Picks_the_last_code_left_for_a_draw_at_the_top_of_the_range()
    {
        var column = new CodeColumn(([1L, 2L, 3L, 4L], [1.0, 1.0, 1.0, 1.0]));
        var random = new Xoshiro256(3);
        for (var i = 0; i < 200; i++)
        {
            var picked = column.Pick([3, 0], random);
            Assert.Contains(picked, new object[] { 2L, 3L });
        }
    }
}
