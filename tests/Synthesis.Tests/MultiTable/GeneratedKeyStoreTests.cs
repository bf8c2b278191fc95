using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>What the sampler keeps of parent rows: every value read back by index, across chunk edges and every change of representation.</summary>
public sealed class GeneratedKeyStoreTests
{
    [Fact]
    public void A_chunked_list_reads_back_every_value_across_chunk_edges()
    {
        var list = new ChunkedList<double>();
        const int n = 3 * 8192 + 17;
        for (var i = 0; i < n; i++) list.Add(i * 0.5);
        Assert.Equal(n, list.Count);
        foreach (var i in new long[] { 0, 8191, 8192, 8193, 2 * 8192, n - 1 }) Assert.Equal(i * 0.5, list[i]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[n]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public async Task A_chunked_list_over_its_budget_spills_to_an_unlinked_file_and_reads_back_from_several_threads()
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "sdv-sampler-*").Length;
        using var list = new ChunkedList<long>(memoryBudgetBytes: 2 * 65536);
        const int n = 10 * 8192 + 5;
        for (var i = 0; i < n; i++) list.Add(i * 7L);
        // Two chunks' budget: the first chunk stays, the current one is in memory, the eight full ones between went to disk.
        Assert.Equal(9, list.SpilledChunks);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "sdv-sampler-*").Length);

        var readers = Enumerable.Range(0, 3).Select(t => Task.Run(() =>
        {
            // Each reader walks the list in its own order: forward, backward, striding across chunks.
            for (long k = 0; k < n; k++)
            {
                var i = t switch { 0 => k, 1 => n - 1 - k, _ => (k * 8191) % n };
                if (list[i] != i * 7L) return i;
            }
            return -1L;
        })).ToArray();
        Assert.All(await Task.WhenAll(readers), r => Assert.Equal(-1L, r));
    }

    [Fact]
    public void A_sequential_integer_key_is_read_back_without_being_stored_row_by_row()
    {
        var store = new GeneratedTable.KeyColumnStore([0]);
        for (long v = 1001; v <= 1000 + 20_000; v++) store.Add([v, "x"]);
        Assert.Equal(1001L, store.Get(0)[0]);
        Assert.Equal(11_001L, store.Get(10_000)[0]);
        Assert.Equal(21_000L, store.Get(19_999)[0]);
    }

    [Fact]
    public void A_key_that_leaves_the_sequence_then_stops_being_an_integer_keeps_every_value()
    {
        var values = new List<object?>();
        for (long v = 1; v <= 9000; v++) values.Add(v);          // the run: stored as its start
        values.Add(42L);                                           // breaks it: integers, run copied
        for (long v = 0; v < 9000; v++) values.Add(v * 3);
        values.Add("k-1");                                         // not an integer: tuples
        values.Add(null);
        values.Add(7L);
        var store = new GeneratedTable.KeyColumnStore([0]);
        var stores = new[] { store, new GeneratedTable.KeyColumnStore([0]) };
        for (var i = 0; i < values.Count; i++)
        {
            store.Add([values[i]]);
            if (i < 9001) stores[1].Add([values[i]]);
        }
        for (var i = 0; i < values.Count; i++) Assert.Equal(values[i], store.Get(i)[0]);
        for (var i = 0; i < 9001; i++) Assert.Equal(values[i], stores[1].Get(i)[0]);
    }

    [Fact]
    public void A_composite_key_is_kept_as_tuples()
    {
        var store = new GeneratedTable.KeyColumnStore([0, 2]);
        store.Add([1L, "a", "x"]);
        store.Add([1L, "b", "y"]);
        Assert.Equal(new object?[] { 1L, "y" }, store.Get(1));
    }
}
