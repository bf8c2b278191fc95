using System.Runtime.CompilerServices;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Sources;
using Sdv.Connector.Synthesis.Evaluation.Streaming;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Evaluation.Streaming;

public sealed class ColumnMergeTests
{
    [Fact]
    public async Task Merges_two_sorted_sides_into_one_ascending_stream_with_nulls_apart()
    {
        var merge = new ColumnMerge(CellValues.Key);
        var merged = new List<(object Value, long Real, long Synthetic)>();
        await foreach (var m in merge.StreamAsync(Values((null, 2), ("a", 1), ("c", 3)), Values(("a", 2), ("b", 1), (null, 4)), CancellationToken.None))
            merged.Add((m.Value, m.Real, m.Synthetic));
        Assert.Equal([("a", 1L, 2L), ("b", 0L, 1L), ("c", 3L, 0L)], merged);
        Assert.Equal((2L, 4L), (merge.RealNulls, merge.SyntheticNulls));
    }

    [Fact]
    public async Task A_side_failing_at_once_is_the_error_and_the_other_side_still_reading_is_ended_after_its_read()
    {
        // The real side fails on its first read while the synthetic side's first read is still running. Disposing a
        // side mid-read threw NotSupportedException, which hid the failure (an OutOfOrderException falls back to
        // sorting in memory; this one did not) and left that side's query and read transaction open on its server.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new SlowSide(release.Task);
        var merge = new ColumnMerge(CellValues.Key);
        var stream = merge.StreamAsync(Failing(), slow.ReadAsync(), CancellationToken.None);
        var run = Task.Run(async () =>
        {
            await foreach (var _ in stream) { }
        });
        await Task.Delay(50);
        release.SetResult();
        var e = await Assert.ThrowsAsync<OutOfOrderException>(() => run);
        Assert.Equal("planted", e.Message);
        Assert.True(slow.Ended);
    }

    private static async IAsyncEnumerable<ValueCount> Values(params (object? Value, long Count)[] values)
    {
        foreach (var (value, count) in values)
        {
            await Task.Yield();
            yield return new ValueCount(value, count);
        }
    }

    private static async IAsyncEnumerable<ValueCount> Failing()
    {
        await Task.Yield();
        throw new OutOfOrderException("planted");
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }

    private sealed class SlowSide(Task release)
    {
        public bool Ended { get; private set; }

        public async IAsyncEnumerable<ValueCount> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                await release.WaitAsync(cancellationToken);
                yield return new ValueCount("a", 1);
            }
            finally
            {
                Ended = true;
            }
        }
    }
}
