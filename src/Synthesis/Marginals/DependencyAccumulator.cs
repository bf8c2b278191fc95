using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Finds columns that are functions of another column while the rows stream by: for each candidate
/// pair (determinant: a categorical or integer column; dependent: a categorical column) it keeps
/// the value each determinant value maps to, and drops the pair at the first contradiction or when
/// the determinant has too many distinct values to be a code. Memory is bounded by the caps.
/// </summary>
internal sealed class DependencyAccumulator
{
    private const int MaxDeterminantValues = 1000;
    private const int MaxPairs = 400;
    private readonly List<Pair> _pairs = [];
    private readonly FormattedColumns _text = new();

    public DependencyAccumulator(IReadOnlyList<int> determinants, IReadOnlyList<int> dependents)
    {
        foreach (var a in determinants)
        {
            foreach (var b in dependents)
            {
                if (a != b && _pairs.Count < MaxPairs) _pairs.Add(new Pair(a, b));
            }
        }
    }

    public void Observe(object?[][] batch, int count)
    {
        // Each column's cells formatted once per batch, however many pairs it is part of.
        foreach (var pair in _pairs)
        {
            if (pair.Dead) continue;
            _text.Want(pair.A);
            _text.Want(pair.B);
        }
        if (!_text.Fill(batch, count)) return;
        foreach (var pair in _pairs)
        {
            if (pair.Dead) continue;
            var keys = _text[pair.A];
            var values = _text[pair.B];
            for (var r = 0; r < count && !pair.Dead; r++)
            {
                if (keys[r] is not { } key) continue;
                var b = values[r];
                if (pair.Map.TryGetValue(key, out var seen))
                {
                    if (!string.Equals(seen.B, b, StringComparison.Ordinal)) pair.Dead = true;
                    else pair.Map[key] = (b, seen.Count + 1);
                }
                else if (pair.Map.Count >= MaxDeterminantValues)
                {
                    pair.Dead = true;
                }
                else
                {
                    pair.Map[key] = (b, 1);
                }
            }
        }
    }

    /// <summary>
    /// The dependencies that held on every row, where the determinant repeats (on average at least k
    /// rows per value) and the dependent is not constant. Map entries keep only determinant values
    /// seen at least k times whose dependent value the dependent's model keeps (<paramref name="kept"/>).
    /// </summary>
    public List<DependencyModel> Finish(IReadOnlyList<ColumnModel> columns, long rows, int k, Func<int, string?, bool> kept)
    {
        var result = new List<DependencyModel>();
        // Per dependent, the determinant that decides the most rows (a code that is never NULL beats
        // one that is often NULL); ties go to the earlier column, table columns before context.
        foreach (var byDependent in _pairs.Where(p => !p.Dead && p.Map.Count > 0).GroupBy(p => p.B))
        {
            foreach (var pair in byDependent.OrderByDescending(p => p.Map.Values.Sum(v => v.Count)))
            {
                if (pair.Map.Count * (long)k > rows) continue;
                if (pair.Map.Values.Select(v => v.B).Distinct().Count() < 2) continue;
                var map = pair.Map.Where(p => p.Value.Count >= k && kept(pair.B, p.Value.B)).ToDictionary(p => p.Key, p => p.Value.B, StringComparer.Ordinal);
                if (map.Count < 2) continue;
                result.Add(new DependencyModel { Determinant = columns[pair.A].Name, Dependent = columns[pair.B].Name, Map = map });
                break;
            }
        }
        return result;
    }

    private sealed class Pair(int a, int b)
    {
        public int A { get; } = a;

        public int B { get; } = b;

        public bool Dead { get; set; }

        public Dictionary<string, (string? B, long Count)> Map { get; } = new(StringComparer.Ordinal);
    }
}
