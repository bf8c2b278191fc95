namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>Seeded sampling without replacement.</summary>
internal static class Sampling
{
    /// <summary><paramref name="count"/> distinct indices of 0..n−1, ascending (all of them when count ≥ n).</summary>
    public static int[] Indices(int n, int count, Random random)
    {
        if (count >= n)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        // Partial Fisher–Yates: the first `count` slots end up a uniform sample.
        var all = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>A random source for one purpose on one table, independent of the order tables are visited in.</summary>
    public static Random For(int seed, string purpose, string table)
    {
        // A stable (not per-process randomised) hash of the names, so a seed means the same sample every run.
        var h = 17u;
        foreach (var c in purpose + "\u0001" + table)
        {
            h = unchecked((h * 31u) + c);
        }

        return new Random(unchecked(seed ^ (int)h));
    }

    public static T[] Pick<T>(IReadOnlyList<T> items, int[] indices)
    {
        var picked = new T[indices.Length];
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = items[indices[i]];
        }

        return picked;
    }
}
