using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Sampling;

/// <summary>Reference codes get the source's share of the rows, whatever few parents the model drew them with.</summary>
public sealed class KeptCodesTests
{
    [Fact]
    public void With_a_quota_each_code_gets_its_share_and_a_code_drawn_past_it_goes_to_one_still_short()
    {
        // The source: codes 1, 2, 3 on 60%, 30% and 10% of 1,000 rows; the model draws code 1 nine times in ten and never 3.
        var codes = new KeptCodes([1L, 2L, 3L], [600, 300, 100]).WithQuota(1000);
        var random = new Xoshiro256(11);
        var taken = Enumerable.Range(0, 1000).Select(_ => (long)codes.Take(random.NextDouble() < 0.9 ? 1L : 2L, random)).ToList();

        Assert.Equal(600, taken.Count(c => c == 1));
        Assert.Equal(300, taken.Count(c => c == 2));
        Assert.Equal(100, taken.Count(c => c == 3));
        // Rows keep the code they drew until it has its share: the first rows are the model's.
        Assert.DoesNotContain(3L, taken.Take(300));
    }

    [Fact]
    public void Without_a_quota_a_kept_code_stays_and_a_dropped_one_is_drawn_among_the_kept()
    {
        var codes = new KeptCodes([1L, 2L], [0, 0]);
        var random = new Xoshiro256(3);
        Assert.Equal(2L, codes.Take(2L, random));
        Assert.Contains(Enumerable.Range(0, 50).Select(_ => codes.Take(9L, random)), c => (long)c == 1L);
        Assert.All(Enumerable.Range(0, 50).Select(_ => codes.Take(9L, random)), c => Assert.True((long)c is 1L or 2L));
        // No quota: a code is never moved, however often it comes.
        Assert.All(Enumerable.Range(0, 50).Select(_ => codes.Take(1L, random)), c => Assert.Equal(1L, c));
    }
}
