namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// Finds a node's best split from per-bin histograms: variance reduction for a number, Gini decrease
/// for a class. A continuous feature is scanned in bin order twice (missing bin left, and right); a
/// categorical one in the order of its bins' target mean (or share of the node's most common classes).
/// Gains are impurity decreases times rows, so they add up across a tree.
/// </summary>
internal sealed class SplitSearch
{
    private const int Slots = BinnedFeatures.MaxBins + 1;
    private readonly BinnedFeatures _x;
    private readonly TreeTarget _y;
    private readonly int _minLeaf;
    private readonly int _minClass;
    private readonly int _minClassRows;
    private readonly int[] _count = new int[Slots];
    private readonly double[] _sum = new double[Slots];
    private readonly int[] _classCount;
    private readonly int[] _total;
    private readonly double[] _left;
    private readonly int[] _present;
    private readonly int[] _order = new int[Slots];
    private readonly double[] _key = new double[Slots];
    private int _presentCount;

    /// <param name="minClass">A class whose rows each side must hold at least <paramref name="minClassRows"/>
    /// of (an adversarial forest's real rows), or -1.</param>
    public SplitSearch(BinnedFeatures x, TreeTarget y, int minLeaf, int minClass = -1, int minClassRows = 0)
    {
        _x = x;
        _y = y;
        _minLeaf = Math.Max(1, minLeaf);
        _minClass = y.IsRegression ? -1 : minClass;
        _minClassRows = minClassRows;
        var classes = Math.Max(1, y.Classes);
        _classCount = new int[Slots * classes];
        _total = new int[classes];
        _left = new double[classes];
        _present = new int[classes];
    }

    /// <summary>The node's impurity times its rows (variance or Gini); the root's scales the minimum decrease.</summary>
    public double Impurity(ReadOnlySpan<int> rows)
    {
        if (rows.Length == 0) return 0;
        if (_y.IsRegression)
        {
            double s = 0, ss = 0;
            foreach (var r in rows)
            {
                var v = _y.Values[r];
                s += v;
                ss += v * v;
            }

            return Math.Max(0, ss - (s * s / rows.Length));
        }

        Array.Clear(_total);
        foreach (var r in rows) _total[_y.Labels[r]]++;
        double sq = 0;
        foreach (var t in _total) sq += (double)t * t;
        return rows.Length - (sq / rows.Length);
    }

    /// <summary>The best split of <paramref name="rows"/> over <paramref name="features"/>, or <see cref="Split.None"/>.</summary>
    public Split Best(ReadOnlySpan<int> rows, ReadOnlySpan<int> features)
    {
        if (rows.Length < 2 * _minLeaf) return Split.None;
        var best = Split.None;
        if (_y.IsRegression)
        {
            double s = 0;
            foreach (var r in rows) s += _y.Values[r];
            foreach (var f in features)
            {
                var candidate = _x.IsCategorical(f) ? RegressionCategorical(rows, f, s) : RegressionOrdered(rows, f, s);
                if (candidate.Gain > best.Gain) best = candidate;
            }
        }
        else
        {
            Array.Clear(_total);
            foreach (var r in rows) _total[_y.Labels[r]]++;
            _presentCount = 0;
            for (var c = 0; c < _total.Length; c++)
            {
                if (_total[c] > 0) _present[_presentCount++] = c;
            }

            if (_presentCount < 2 || (_minClass >= 0 && _total[_minClass] < 2 * _minClassRows)) return Split.None;
            foreach (var f in features)
            {
                var candidate = _x.IsCategorical(f) ? ClassCategorical(rows, f) : ClassOrdered(rows, f);
                if (candidate.Gain > best.Gain) best = candidate;
            }
        }

        return best;
    }

    private int FillRegression(ReadOnlySpan<int> rows, int f)
    {
        var slots = _x.ValueBins[f] + 1;
        Array.Clear(_count, 0, slots);
        Array.Clear(_sum, 0, slots);
        var bins = _x.Bins[f];
        var values = _y.Values;
        foreach (var r in rows)
        {
            var b = bins[r];
            _count[b]++;
            _sum[b] += values[r];
        }

        return slots;
    }

    private Split RegressionOrdered(ReadOnlySpan<int> rows, int f, double s)
    {
        FillRegression(rows, f);
        var n = rows.Length;
        var missingBin = _x.ValueBins[f];
        var nm = _count[missingBin];
        var sm = _sum[missingBin];
        var parent = s * s / n;
        var best = Split.None;
        var nl = 0;
        double sl = 0;
        // t = -1: no value bin left (only the missing bin can be); t = last: every value bin left.
        for (var t = -1; t < missingBin; t++)
        {
            if (t >= 0)
            {
                if (_count[t] == 0) continue;
                nl += _count[t];
                sl += _sum[t];
            }

            Consider(ref best, f, t, false, nl, sl, n, s, parent);
            if (nm > 0) Consider(ref best, f, t, true, nl + nm, sl + sm, n, s, parent);
        }

        return best;
    }

    private void Consider(ref Split best, int f, int t, bool missingLeft, int nl, double sl, int n, double s, double parent)
    {
        var nr = n - nl;
        if (nl < _minLeaf || nr < _minLeaf) return;
        var sr = s - sl;
        var gain = (sl * sl / nl) + (sr * sr / nr) - parent;
        if (gain > best.Gain) best = new Split(f, gain, false, t, 0, missingLeft);
    }

    private Split RegressionCategorical(ReadOnlySpan<int> rows, int f, double s)
    {
        var slots = FillRegression(rows, f);
        var present = 0;
        for (var b = 0; b < slots; b++)
        {
            if (_count[b] == 0) continue;
            _order[present++] = b;
            _key[b] = _sum[b] / _count[b];
        }

        if (present < 2) return Split.None;
        SortByKey(present);
        var n = rows.Length;
        var missingBin = _x.ValueBins[f];
        var parent = s * s / n;
        var best = Split.None;
        var bestPrefix = -1;
        var nl = 0;
        double sl = 0;
        for (var j = 0; j < present - 1; j++)
        {
            nl += _count[_order[j]];
            sl += _sum[_order[j]];
            var nr = n - nl;
            if (nl < _minLeaf || nr < _minLeaf) continue;
            var sr = s - sl;
            var gain = (sl * sl / nl) + (sr * sr / nr) - parent;
            if (gain > best.Gain)
            {
                best = new Split(f, gain, true, 0, 0, false);
                bestPrefix = j;
            }
        }

        return bestPrefix < 0 ? Split.None : WithMask(best, bestPrefix, missingBin);
    }

    private Split WithMask(Split split, int lastPrefix, int missingBin)
    {
        ulong mask = 0;
        var missingLeft = false;
        for (var j = 0; j <= lastPrefix; j++)
        {
            if (_order[j] == missingBin) missingLeft = true;
            else mask |= 1UL << _order[j];
        }

        return split with { Mask = mask, MissingLeft = missingLeft };
    }

    private void SortByKey(int present)
    {
        // Insertion sort of at most 65 bins, ties by bin number: the same order on every run.
        for (var i = 1; i < present; i++)
        {
            var b = _order[i];
            var j = i - 1;
            while (j >= 0 && (_key[_order[j]] > _key[b] || (_key[_order[j]] == _key[b] && _order[j] > b)))
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = b;
        }
    }

    private int FillClasses(ReadOnlySpan<int> rows, int f)
    {
        var slots = _x.ValueBins[f] + 1;
        var classes = _total.Length;
        Array.Clear(_count, 0, slots);
        var bins = _x.Bins[f];
        var labels = _y.Labels;
        // Only the cells of classes present at this node are read below; clear those.
        for (var b = 0; b < slots; b++)
        {
            for (var p = 0; p < _presentCount; p++) _classCount[(b * classes) + _present[p]] = 0;
        }

        foreach (var r in rows)
        {
            var b = bins[r];
            _count[b]++;
            _classCount[(b * classes) + labels[r]]++;
        }

        return slots;
    }

    private double SquaredTotal()
    {
        double sq = 0;
        for (var p = 0; p < _presentCount; p++)
        {
            double t = _total[_present[p]];
            sq += t * t;
        }

        return sq;
    }

    private Split ClassOrdered(ReadOnlySpan<int> rows, int f)
    {
        FillClasses(rows, f);
        var classes = _total.Length;
        var n = rows.Length;
        var missingBin = _x.ValueBins[f];
        var nm = _count[missingBin];
        var totalSq = SquaredTotal();
        var parent = totalSq / n;
        // Running sums of squared class counts: left and right with the missing bin right (a), and left (b).
        double leftA = 0, rightA = totalSq, leftB = 0, rightB = 0;
        for (var p = 0; p < _presentCount; p++)
        {
            var c = _present[p];
            double m = _classCount[(missingBin * classes) + c];
            _left[c] = 0;
            leftB += m * m;
            rightB += (_total[c] - m) * (_total[c] - m);
        }

        var best = Split.None;
        var nl = 0;
        for (var t = -1; t < missingBin; t++)
        {
            if (t >= 0)
            {
                if (_count[t] == 0) continue;
                nl += _count[t];
                var row = t * classes;
                for (var p = 0; p < _presentCount; p++)
                {
                    var c = _present[p];
                    double h = _classCount[row + c];
                    if (h == 0) continue;
                    double m = _classCount[(missingBin * classes) + c];
                    var l = _left[c];
                    var r = _total[c] - l;
                    leftA += (2 * l * h) + (h * h);
                    rightA += (-2 * r * h) + (h * h);
                    leftB += (2 * (l + m) * h) + (h * h);
                    rightB += (-2 * (r - m) * h) + (h * h);
                    _left[c] = l + h;
                }
            }

            var leftOfClass = _minClass < 0 ? 0 : (int)_left[_minClass];
            ConsiderGini(ref best, f, t, false, nl, n, leftA, rightA, parent, leftOfClass);
            if (nm > 0) ConsiderGini(ref best, f, t, true, nl + nm, n, leftB, rightB, parent, _minClass < 0 ? 0 : leftOfClass + _classCount[(missingBin * classes) + _minClass]);
        }

        return best;
    }

    private void ConsiderGini(ref Split best, int f, int t, bool missingLeft, int nl, int n, double leftSq, double rightSq, double parent, int leftOfClass)
    {
        var nr = n - nl;
        if (nl < _minLeaf || nr < _minLeaf || !ClassRowsAllow(leftOfClass)) return;
        var gain = (leftSq / nl) + (rightSq / nr) - parent;
        if (gain > best.Gain + 1e-12) best = new Split(f, gain, false, t, 0, missingLeft);
    }

    /// <summary>Whether both sides keep enough rows of the class that must be on each side.</summary>
    private bool ClassRowsAllow(int leftOfClass) =>
        _minClass < 0 || (leftOfClass >= _minClassRows && _total[_minClass] - leftOfClass >= _minClassRows);

    private Split ClassCategorical(ReadOnlySpan<int> rows, int f)
    {
        var slots = FillClasses(rows, f);
        var classes = _total.Length;
        var n = rows.Length;
        var totalSq = SquaredTotal();
        var parent = totalSq / n;
        var best = Split.None;
        // Ordered by the share of the node's most common class, then of the second: exact for two
        // classes, a good heuristic beyond (the exact search is exponential in the bins).
        var first = -1;
        var second = -1;
        for (var p = 0; p < _presentCount; p++)
        {
            var c = _present[p];
            if (first < 0 || _total[c] > _total[first]) (second, first) = (first, c);
            else if (second < 0 || _total[c] > _total[second]) second = c;
        }

        foreach (var keyClass in new[] { first, second })
        {
            if (keyClass < 0 || (keyClass == second && _presentCount == 2)) continue;
            var present = 0;
            for (var b = 0; b < slots; b++)
            {
                if (_count[b] == 0) continue;
                _order[present++] = b;
                _key[b] = _classCount[(b * classes) + keyClass] / (double)_count[b];
            }

            if (present < 2) return Split.None;
            SortByKey(present);
            for (var p = 0; p < _presentCount; p++) _left[_present[p]] = 0;
            double leftSq = 0, rightSq = totalSq;
            var nl = 0;
            var bestPrefix = -1;
            var local = Split.None;
            for (var j = 0; j < present - 1; j++)
            {
                var row = _order[j] * classes;
                nl += _count[_order[j]];
                for (var p = 0; p < _presentCount; p++)
                {
                    var c = _present[p];
                    double h = _classCount[row + c];
                    if (h == 0) continue;
                    var l = _left[c];
                    leftSq += (2 * l * h) + (h * h);
                    rightSq += (-2 * (_total[c] - l) * h) + (h * h);
                    _left[c] = l + h;
                }

                var nr = n - nl;
                if (nl < _minLeaf || nr < _minLeaf || !ClassRowsAllow(_minClass < 0 ? 0 : (int)_left[_minClass])) continue;
                var gain = (leftSq / nl) + (rightSq / nr) - parent;
                if (gain > local.Gain + 1e-12)
                {
                    local = new Split(f, gain, true, 0, 0, false);
                    bestPrefix = j;
                }
            }

            if (bestPrefix >= 0 && local.Gain > best.Gain) best = WithMask(local, bestPrefix, _x.ValueBins[f]);
        }

        return best;
    }
}
