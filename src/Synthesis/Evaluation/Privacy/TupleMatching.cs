using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Counts exact matches of one tuple from both sides' <see cref="HashSpool"/>s: the real hashes are sorted and made
/// unique (summing the chance of each distinct real tuple once: the chance baseline), then every synthetic row's hash
/// is looked up. With rows held out of the fit, also the synthetic rows equal to a fitted row, beside the held-out
/// real rows equal to one (the rate for data the model never saw). Memory: the real side's hashes (12 bytes a row).
/// </summary>
internal static class TupleMatching
{
    public static ExactMatchDetail Count(string table, TupleSpec tuple, HashSpool real, HashSpool synthetic, bool holdout)
    {
        var (hashes, chances) = real.Read();
        real.Release();
        Array.Sort(hashes, chances);

        // One pass over runs of equal hashes: the chance once per distinct tuple, and which tuples a fitted row has.
        var unique = new ulong[hashes.Length];
        var fitted = new List<ulong>();
        var distinct = 0;
        var chance = 0.0;
        long heldOutRows = 0, heldOutMatches = 0, singletons = 0;
        for (var start = 0; start < hashes.Length;)
        {
            var end = start;
            long heldOut = 0;
            while (end < hashes.Length && hashes[end] == hashes[start])
            {
                heldOut += float.IsNegative(chances[end]) ? 1 : 0;
                end++;
            }

            chance += Math.Abs(chances[start]);
            singletons += end - start == 1 ? 1 : 0;
            unique[distinct++] = hashes[start];
            var anyFitted = heldOut < end - start;
            if (anyFitted)
            {
                fitted.Add(hashes[start]);
            }

            heldOutRows += heldOut;
            heldOutMatches += anyFitted ? heldOut : 0;
            start = end;
        }

        var all = unique.AsSpan(0, distinct);
        var fittedSpan = fitted.ToArray().AsSpan();
        var (syntheticHashes, _) = synthetic.Read();
        synthetic.Release();
        long rows = 0, matches = 0, fittedMatches = 0;
        for (var i = 0; i < syntheticHashes.Length; i++)
        {
            var weight = synthetic.Weight(i);
            rows += weight;
            if (all.BinarySearch(syntheticHashes[i]) >= 0)
            {
                matches += weight;
                fittedMatches += fittedSpan.BinarySearch(syntheticHashes[i]) >= 0 ? weight : 0;
            }
        }

        double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;
        // Good–Turing: tuples seen once estimate the share of new rows from the source whose tuple the real data lacks.
        double? newRows = hashes.Length == 0 ? null : 1.0 - ((double)singletons / hashes.Length);
        return new ExactMatchDetail(
            table, tuple.Kind, tuple.Columns, rows, matches, Share(matches, rows), real.Count == 0 ? null : Math.Min(1.0, chance), newRows, null,
            holdout ? Share(fittedMatches, rows) : null, holdout ? Share(heldOutMatches, heldOutRows) : null);
    }
}
