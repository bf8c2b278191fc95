using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Generators;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The words of a string column, in one streaming pass with bounded memory: how often each word is
/// used, which word follows which, which words start a value, how many words a value has and how
/// long it is. Only words (and pairs of words) seen at least k times reach the model
/// (<see cref="ToModel"/>). Numbers are kept as a class (their digit count), never as values.
/// Beyond twice the caps, the least frequent entries are pruned (lossy counting).
/// </summary>
internal sealed class WordAccumulator
{
    private const int MaxWords = 20_000;
    private const int MaxPairs = 60_000;
    private const int MaxTokensPerValue = 64;
    private readonly Dictionary<string, long> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), long> _pairs = [];
    private readonly Dictionary<string, long> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _tokenCounts = [];
    private readonly Dictionary<int, long> _digitCounts = [];
    private long _singleTokenCodes;
    private readonly Dictionary<int, long> _singleTokenLengths = [];

    /// <summary>Values seen.</summary>
    public long Values { get; private set; }

    /// <summary>Each word seen (numbers as one token) and how often, over every value.</summary>
    public IEnumerable<KeyValuePair<string, long>> WordCounts => _words;

    /// <summary>Every distinct value seen, for the sampler to avoid writing one of them (in memory only).</summary>
    public RealValueFilter RealValues { get; } = new();

    public void Observe(string text) => Observe(text, 1);

    /// <summary>Observes a value seen <paramref name="weight"/> times.</summary>
    public void Observe(string text, long weight)
    {
        Values += weight;
        RealValues.Add(text);
        var tokens = WordModel.Tokenize(text);
        if (tokens.Count == 1)
        {
            if (LooksLikeCode(tokens[0])) _singleTokenCodes += weight;
            Add(_singleTokenLengths, tokens[0].Length, weight);
        }

        var count = Math.Min(tokens.Count, MaxTokensPerValue);
        Add(_tokenCounts, count, weight);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (WordModel.IsNumber(token))
            {
                Add(_digitCounts, Math.Min(token.Length, 18), weight);
                token = WordModel.NumberToken;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, token, out _);
            slot += weight;
            if (previous is null)
            {
                ref var start = ref CollectionsMarshal.GetValueRefOrAddDefault(_starts, token, out _);
                start += weight;
            }
            else
            {
                ref var pair = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, (previous, token), out _);
                pair += weight;
            }

            previous = token;
        }

        // A value read only in part (past MaxTokensPerValue words) does not end where the reading stopped: an end
        // there made every free text of the clone stop at 64 words (about 400 characters, of sources of 3,000).
        if (previous is not null && count == tokens.Count)
        {
            ref var end = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, (previous, WordModel.EndToken), out _);
            end += weight;
        }

        if (_words.Count > 2 * MaxWords) Prune(_words, MaxWords);
        if (_starts.Count > 2 * MaxWords) Prune(_starts, MaxWords);
        if (_pairs.Count > 2 * MaxPairs) Prune(_pairs, MaxPairs);
    }

    /// <summary>
    /// True when most values are one code-like token (letters and digits without spaces, such as ALFKI, A-1234 or a
    /// 32-character hex key), or one token of one length (lower-case codes, xkqzptmw): such a column is better stood
    /// in for by its shape than by words, which made city or product names of them.
    /// </summary>
    public bool MostlyCodes => Values > 0
        && (_singleTokenCodes >= 0.8 * Values || (_singleTokenLengths.Count > 0 && _singleTokenLengths.Values.Max() >= 0.8 * Values));

    /// <summary>
    /// The word model: words seen at least <paramref name="k"/> times stay as they are; every other word
    /// becomes its class (capitalised, upper-case, lower-case word, with its trailing punctuation), so the
    /// chain keeps the column's structure ("&lt;word&gt; General") without the rare word itself. Starts
    /// and pairs are counted over the mapped words and kept when seen at least k times.
    /// </summary>
    public WordModel ToModel(int k)
    {
        // Rare words of a case and length fewer than k times in all stand for their case alone: five clinics "Eastham
        // General", "Lakeside General", "Northbridge General" ... have no length class seen 5 times, and without a class
        // for their first word the model had no way to start a name ("General", "General-20").
        var classes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (token, count) in _words)
        {
            if (count < k) Add(classes, WordModel.ClassOf(token), count);
        }

        string Map(string token)
        {
            if (token == WordModel.EndToken || (_words.TryGetValue(token, out var n) && n >= k)) return token;
            var fine = WordModel.ClassOf(token);
            return classes.GetValueOrDefault(fine) >= k ? fine : WordModel.CoarseClassOf(fine);
        }

        var starts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (token, count) in _starts) Add(starts, Map(token), count);
        var pairs = new Dictionary<(string, string), long>();
        foreach (var ((a, b), count) in _pairs)
        {
            var key = (Map(a), Map(b));
            pairs[key] = pairs.GetValueOrDefault(key) + count;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (token, count) in _words) Add(counts, Map(token), count);
        var kept = counts.Where(p => p.Value >= k).OrderBy(static p => p.Key, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [WordModel.EndToken] = -1 };
        for (var i = 0; i < kept.Count; i++) index[kept[i].Key] = i;
        return new WordModel
        {
            Words = kept.Select(static p => p.Key).ToArray(),
            Counts = kept.Select(static p => p.Value).ToArray(),
            Starts = starts.Where(p => p.Value >= k && index.ContainsKey(p.Key) && p.Key != WordModel.EndToken).OrderBy(static p => p.Key, StringComparer.Ordinal)
                .Select(p => new[] { index[p.Key], p.Value }).ToArray(),
            Pairs = pairs.Where(p => p.Value >= k && index.ContainsKey(p.Key.Item1) && p.Key.Item1 != WordModel.EndToken && index.ContainsKey(p.Key.Item2))
                .OrderBy(static p => p.Key.Item1, StringComparer.Ordinal).ThenBy(static p => p.Key.Item2, StringComparer.Ordinal)
                .Select(p => new[] { index[p.Key.Item1], index[p.Key.Item2], p.Value }).ToArray(),
            TokenCounts = Histogram(_tokenCounts, k),
            DigitCounts = Histogram(_digitCounts, k),
        };
    }

    private static void Add(Dictionary<string, long> counts, string key, long weight)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot += weight;
    }

    /// <summary>A histogram as [value, count] rows, ascending; values seen fewer than k times fold into their nearest kept neighbour.</summary>
    private static long[][] Histogram(Dictionary<int, long> counts, int k)
    {
        var sorted = counts.OrderBy(static p => p.Key).Select(static p => (Value: p.Key, Count: p.Value)).ToList();
        var kept = sorted.Where(p => p.Count >= k).ToList();
        if (kept.Count == 0)
        {
            // Too few of any one: the typical value (the median), with all the mass.
            if (sorted.Count == 0) return [];
            long total = sorted.Sum(static p => p.Count), running = 0;
            foreach (var (value, count) in sorted)
            {
                running += count;
                if (running * 2 >= total) return [[value, total]];
            }
        }

        var result = kept.Select(static p => new[] { (long)p.Value, p.Count }).ToList();
        foreach (var (value, count) in sorted.Where(p => p.Count < k))
        {
            var nearest = result.MinBy(r => Math.Abs(r[0] - value))!;
            nearest[1] += count;
        }

        return [.. result];
    }

    private static bool LooksLikeCode(string token) =>
        token.Length <= ShapeProfile.MaxLength && token.Any(char.IsLetterOrDigit) && (token.Any(char.IsDigit) || token.All(c => !char.IsLetter(c) || char.IsUpper(c)));

    private static void Add(Dictionary<int, long> counts, int key, long weight)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot += weight;
    }

    /// <summary>Lossy counting: keeps the entries counted more often than the <paramref name="keep"/>-th most counted.</summary>
    internal static void Prune<TKey>(Dictionary<TKey, long> counts, int keep)
        where TKey : notnull
    {
        var threshold = counts.Values.OrderByDescending(static v => v).ElementAt(keep);
        foreach (var key in counts.Where(p => p.Value <= threshold).Select(static p => p.Key).ToList()) counts.Remove(key);
    }
}
