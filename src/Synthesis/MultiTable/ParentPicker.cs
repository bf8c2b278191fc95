using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Picks the parent of a row in a relationship that is not the row's owner (a secondary foreign key).
/// Each synthetic parent gets a weight drawn from the source's children-per-parent distribution
/// (popular parents stay popular) and a quota of that many children, scaled to the rows expected: picks
/// are made in proportion to the quota left, so the counts per parent follow the source's shape instead
/// of scattering around it as independent draws would. Where child columns equal parent columns in the
/// source, the pick is made among the parents whose values match the row's (a line priced 1.99 picks a
/// track at 1.99). Once every quota is spent (rounding, a shifted mix of values), picks fall back to the weights.
/// </summary>
internal sealed class ParentPicker
{
    private readonly WeightedPicker _weights = new();
    private readonly WeightedPicker _quota = new();
    private readonly Dictionary<string, (WeightedPicker Quota, WeightedPicker Weights, List<int> Rows)>? _groups;
    private readonly (string Group, int Local)[] _placeOf;

    /// <param name="weights">Popularity per parent row.</param>
    /// <param name="expectedChildren">How many children (with a key) this relationship will get.</param>
    /// <param name="signatures">Per parent row, its values of the columns children match on; null where none.</param>
    public ParentPicker(double[] weights, double expectedChildren, string[]? signatures)
    {
        var total = weights.Sum();
        if (total <= 0)
        {
            Array.Fill(weights, 1.0);
            total = weights.Length;
        }

        // Quotas rounded cumulatively, so they add up to the expected total.
        var quotas = new double[weights.Length];
        double running = 0;
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total * expectedChildren;
            var upTo = (long)Math.Round(running, MidpointRounding.AwayFromZero);
            quotas[i] = upTo - given;
            given = upTo;
        }

        foreach (var w in weights) _weights.Add(w);
        foreach (var q in quotas) _quota.Add(q);
        _placeOf = new (string, int)[weights.Length];
        if (signatures is null) return;
        _groups = new Dictionary<string, (WeightedPicker, WeightedPicker, List<int>)>(StringComparer.Ordinal);
        for (var i = 0; i < weights.Length; i++)
        {
            if (!_groups.TryGetValue(signatures[i], out var group)) _groups[signatures[i]] = group = (new WeightedPicker(), new WeightedPicker(), []);
            _placeOf[i] = (signatures[i], group.Rows.Count);
            group.Quota.Add(quotas[i]);
            group.Weights.Add(weights[i]);
            group.Rows.Add(i);
        }
    }

    /// <summary>A parent row index for a row whose matching values are <paramref name="signature"/> (null: none), or -1 when there is no parent.</summary>
    public int Pick(string? signature, Xoshiro256 random)
    {
        if (_groups is not null && signature is not null && _groups.TryGetValue(signature, out var group))
        {
            var local = group.Quota.Total >= 1 ? group.Quota.Pick(random.NextDouble()) : group.Weights.Pick(random.NextDouble());
            if (local >= 0) return Spend(group.Rows[local]);
        }

        var index = _quota.Total >= 1 ? _quota.Pick(random.NextDouble()) : _weights.Pick(random.NextDouble());
        return index < 0 ? -1 : Spend(index);
    }

    private int Spend(int index)
    {
        if (_quota.Count == 0 || QuotaOf(index) < 1) return index;
        _quota.Adjust(index, -1);
        if (_groups is not null)
        {
            var (groupKey, local) = _placeOf[index];
            _groups[groupKey].Quota.Adjust(local, -1);
        }

        return index;
    }

    private double QuotaOf(int index) => _quota.WeightOf(index);
}
