namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Builds a <see cref="ContinuousMarginal"/> that reproduces no value seen fewer than k times:
/// a value seen at least k times keeps its exact probability (an atom: a price of 0.99, a quantity
/// of 1); every other value is only seen through knots that are means of at least k distinct values
/// in rank order, with the CDF linear between knots, so draws fall between them. The tails end at the
/// mean of the k smallest and of the k largest values, never at the real minimum or maximum.
/// </summary>
internal static class PrivateMarginal
{
    /// <summary>
    /// The marginal of weighted observations, ascending by value: exact (value, count) pairs, or a
    /// sketch's retained items (a value then appears once per retained item).
    /// </summary>
    /// <param name="items">Observations ascending by value; equal values may repeat.</param>
    /// <param name="k">Least number of times a value must be seen to be kept exactly; least number of distinct values a knot averages.</param>
    /// <param name="gridSize">Most knots the continuous part gets.</param>
    /// <param name="exact">True when each item is a distinct value with its exact count; false for a sketch's items,
    /// where a value is an atom only when several retained items hold it.</param>
    public static ContinuousMarginal? From(IReadOnlyList<(double Value, long Weight)> items, int k, int gridSize, bool exact)
    {
        ArgumentNullException.ThrowIfNull(items);
        k = Math.Max(1, k);
        var values = Aggregate(items);
        if (values.Count == 0) return null;
        double total = 0;
        foreach (var v in values) total += v.Weight;
        if (total <= 0) return null;

        var isAtom = values.Select(v => v.Weight >= k && (exact || v.Items >= 2)).ToArray();
        var nonAtoms = values.Where((_, i) => !isAtom[i]).ToList();
        if (isAtom.Any(static a => a))
        {
            // A run of rare values before the first atom or past the last, too short to average without
            // singling one out (a fee of 4242.42 above every common fee): its mass joins that atom. (A short
            // run between two atoms is spread evenly between them, see Knots.)
            FoldShortEnds(values, isAtom, k);
        }
        else if (Groups(nonAtoms.Count, k, gridSize) < 2)
        {
            return Spread(values, total);
        }

        return Knots(values, isAtom, k, gridSize, total);
    }

    /// <summary>Equal values merged: weight summed, the number of items that held it kept.</summary>
    private static List<(double Value, double Weight, int Items)> Aggregate(IReadOnlyList<(double Value, long Weight)> items)
    {
        var result = new List<(double Value, double Weight, int Items)>(items.Count);
        foreach (var (value, weight) in items)
        {
            if (weight <= 0 || double.IsNaN(value)) continue;
            if (result.Count > 0 && result[^1].Value == value)
            {
                var last = result[^1];
                result[^1] = (value, last.Weight + weight, last.Items + 1);
            }
            else
            {
                result.Add((value, weight, 1));
            }
        }

        return result;
    }

    private static int Groups(int items, int k, int gridSize) => items / Math.Max(k, (int)Math.Ceiling(items / (double)Math.Max(2, gridSize)));

    /// <summary>Moves the weight of a run of fewer than <paramref name="k"/> rare values before the first atom or after the last onto that atom.</summary>
    private static void FoldShortEnds(List<(double Value, double Weight, int Items)> values, bool[] isAtom, int k)
    {
        var first = Array.IndexOf(isAtom, true);
        var last = Array.LastIndexOf(isAtom, true);
        if (first > 0 && first < k) FoldIntoAtoms(values, isAtom, 0, first);
        if (last >= 0 && values.Count - 1 - last > 0 && values.Count - 1 - last < k) FoldIntoAtoms(values, isAtom, last + 1, values.Count);
    }

    /// <summary>Moves each rare value's weight in [<paramref name="from"/>, <paramref name="to"/>) onto the atom nearest to it in rank order.</summary>
    private static void FoldIntoAtoms(List<(double Value, double Weight, int Items)> values, bool[] isAtom, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (isAtom[i]) continue;
            var target = -1;
            for (var d = 1; target < 0 && d < values.Count; d++)
            {
                if (i + d < values.Count && isAtom[i + d]) target = i + d;
                else if (i - d >= 0 && isAtom[i - d]) target = i - d;
            }

            var t = values[target];
            values[target] = (t.Value, t.Weight + values[i].Weight, t.Items);
            values[i] = (values[i].Value, 0, values[i].Items);
        }
    }

    /// <summary>
    /// Too few distinct values to shape (a handful of departments' budgets): values spread evenly between
    /// the mean of the lower half and the mean of the upper half, so the clone stays inside the source's
    /// range without the real minimum or maximum. One value is the column's constant; two, their mean.
    /// </summary>
    private static ContinuousMarginal Spread(List<(double Value, double Weight, int Items)> values, double total)
    {
        var distinct = values.Where(static v => v.Weight > 0).ToList();
        if (distinct.Count == 1) return ContinuousMarginal.Point(distinct[0].Value);
        var mean = distinct.Sum(static v => v.Value * v.Weight) / total;
        if (distinct.Count == 2) return ContinuousMarginal.Point(mean);
        var half = (distinct.Count + 1) / 2;
        if (half % 2 == 1 && half > 1) half--;
        var low = distinct.Take(half).Average(static v => v.Value);
        var high = distinct.Skip(distinct.Count - half).Average(static v => v.Value);
        return high > low ? new ContinuousMarginal { X = [low, high], P = [0, 1] } : ContinuousMarginal.Point(mean);
    }

    private static ContinuousMarginal Knots(List<(double Value, double Weight, int Items)> values, bool[] isAtom, int k, int gridSize, double total)
    {
        var nonAtomCount = values.Where((v, i) => !isAtom[i] && v.Weight > 0).Count();
        var groupSize = Math.Max(k, (int)Math.Ceiling(nonAtomCount / (double)Math.Max(2, gridSize)));
        // An even number of values: the mean of an odd number of evenly spaced values (consecutive days)
        // is the middle one, a real value; of an even number, a point between two.
        if (groupSize % 2 == 1) groupSize++;
        var x = new List<double>();
        var p = new List<double>();
        double cumulative = 0;
        var i = 0;
        while (i < values.Count)
        {
            if (values[i].Weight <= 0)
            {
                i++;
                continue;
            }

            if (isAtom[i])
            {
                x.Add(values[i].Value);
                p.Add(cumulative);
                cumulative += values[i].Weight;
                x.Add(values[i].Value);
                p.Add(cumulative);
                i++;
                continue;
            }

            // A run of rare values up to the next atom, cut into groups of groupSize (the last takes the rest).
            var run = new List<int>();
            while (i < values.Count && !isAtom[i])
            {
                if (values[i].Weight > 0) run.Add(i);
                i++;
            }

            if (run.Count > 0 && run.Count < k && x.Count > 0 && i < values.Count)
            {
                // Too few to average, between two atoms: their mass lies evenly between the atoms, no knot of their own.
                cumulative += run.Sum(j => values[j].Weight);
                continue;
            }

            var groups = Math.Max(1, run.Count / groupSize);
            for (var g = 0; g < groups; g++)
            {
                var from = g * groupSize;
                var to = g == groups - 1 ? run.Count : from + groupSize;
                double weight = 0, distinctSum = 0;
                for (var j = from; j < to; j++)
                {
                    var v = values[run[j]];
                    weight += v.Weight;
                    distinctSum += v.Value;
                }

                // The mean of the group's distinct values: each value counts once, so no heavy one stands out.
                x.Add(distinctSum / (to - from));
                p.Add(cumulative + (weight / 2));
                cumulative += weight;
            }
        }

        // The ends take the whole of the first and last mass, so no tail is a point of probability.
        if (x.Count > 0)
        {
            if (!(x.Count > 1 && x[0] == x[1])) p[0] = 0;
            if (!(x.Count > 1 && x[^1] == x[^2])) p[^1] = cumulative;
        }

        var px = new double[p.Count];
        for (var j = 0; j < px.Length; j++) px[j] = Math.Clamp(p[j] / cumulative, 0, 1);
        px[^1] = 1;
        return new ContinuousMarginal { X = [.. x], P = px };
    }
}
