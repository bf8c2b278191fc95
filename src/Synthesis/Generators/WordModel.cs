using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// A model of the words of a string column (names of things, titles, free text): which words it uses,
/// which start a value and which follow which, and how many words a value has. It writes new values
/// in the column's own vocabulary (a first-order Markov chain over words seen at least k times, pairs
/// seen at least k times), so a synthetic track is called "Love The Night" rather than "Lorem ipsum".
/// Numbers are a class: a new number with a digit count the column uses. Serialized into the model
/// file; holds no word or pair seen fewer than k times.
/// </summary>
internal sealed class WordModel
{
    /// <summary>The token that stands for any number.</summary>
    public const string NumberToken = "\u0001#";

    /// <summary>The token after a value's last word.</summary>
    public const string EndToken = "\u0001$";

    /// <summary>The prefix of a class token: a rare word stood in for by a new word of its case and trailing punctuation.</summary>
    public const char ClassMark = '\u0002';

    /// <summary>
    /// The class a rare word stands for: its case (C capitalised, U upper, L lower; D a number, O anything
    /// else), its length (short, medium, long) and its trailing punctuation. Nothing else of the word.
    /// </summary>
    public static string ClassOf(string token)
    {
        var end = token.Length;
        while (end > 1 && char.IsPunctuation(token[end - 1]) && token[end - 1] is not ('\'' or '-' or '&')) end--;
        var word = token[..end];
        var letters = word.Where(char.IsLetter).ToArray();
        var kind = letters.Length == 0 ? (word.Any(char.IsAsciiDigit) ? 'D' : 'O')
            : letters.Length > 1 && letters.All(char.IsUpper) ? 'U'
            : char.IsUpper(letters[0]) ? 'C'
            : 'L';
        var size = word.Length <= 3 ? 's' : word.Length <= 8 ? 'm' : 'l';
        return string.Concat(ClassMark.ToString(), kind.ToString(), size.ToString(), token[end..]);
    }

    /// <summary>The size that stands for any length, in a class whose words are too few at each length.</summary>
    public const char AnySize = '*';

    /// <summary>A class with its length left out (<see cref="AnySize"/>): its case and trailing punctuation only.</summary>
    public static string CoarseClassOf(string classToken) =>
        classToken.Length > 2 ? string.Concat(classToken[..2], AnySize.ToString(), classToken[3..]) : classToken;

    /// <summary>Words seen at least k times, ascending (ordinal).</summary>
    public string[] Words { get; set; } = [];

    /// <summary>Occurrences of each word.</summary>
    public long[] Counts { get; set; } = [];

    /// <summary>[word index, count] of words that start a value.</summary>
    public long[][] Starts { get; set; } = [];

    /// <summary>[word index, next word index (-1: the value ends), count] of word pairs.</summary>
    public long[][] Pairs { get; set; } = [];

    /// <summary>[words in a value, values] histogram.</summary>
    public long[][] TokenCounts { get; set; } = [];

    /// <summary>[digits, numbers] histogram of the numbers in values.</summary>
    public long[][] DigitCounts { get; set; } = [];

    /// <summary>
    /// True when the column has too few words of its own to write values with (under a fifth of its words, or fewer
    /// than three words seen k times where rare words outnumber them): values made only of stand-ins would be noise, so
    /// the column's kind (its name) decides instead. A template of one or two words and a number ("Customer 17",
    /// "bio of 7") is written by its own words with new numbers, and a column of bare numbers by new numbers.
    /// </summary>
    [JsonIgnore]
    public bool IsEmpty
    {
        get
        {
            long own = 0, total = 0, rare = 0;
            var distinct = 0;
            for (var i = 0; i < Words.Length; i++)
            {
                total += Counts[i];
                if (Words[i] == NumberToken) continue;
                if (Words[i][0] is ClassMark)
                {
                    rare += Counts[i];
                    continue;
                }
                own += Counts[i];
                distinct++;
            }

            // A column of numbers kept as text (EAN codes, account numbers): new numbers of its digit counts are its values,
            // where the column's kind would write product or place names that neither read like it nor fit its width.
            if (total > 0 && Words.All(static w => w == NumberToken)) return false;
            return distinct == 0 || own * 5 < total || (distinct < 3 && rare > own);
        }
    }

    /// <summary>
    /// Distinct words of its own (seen k times, numbers and stand-ins aside) a free-text column needs for its text to be
    /// written from them. Below it the words left are the ones every text shares ("the", "in", "from", "and"): nine
    /// employees' notes gave "Sales and a sales the from and a from from in From", which no one reads as a note.
    /// </summary>
    public const int MinProseVocabulary = 25;

    /// <summary>
    /// True when free text can be written from the column's own words: enough of them (<see cref="MinProseVocabulary"/>),
    /// or a template whose pairs of its own words, each seen k times, make half the text ("Confidential note 17: customer said ...").
    /// </summary>
    [JsonIgnore]
    public bool CanWriteProse
    {
        get
        {
            if (IsEmpty) return false;
            if (Words.Count(static w => w != NumberToken && w[0] is not ClassMark) >= MinProseVocabulary) return true;
            // Pairs through a stand-in ("<word> the <word> in") do not make prose; pairs of the column's own words do.
            bool Own(long index) => index < 0 || Words[index][0] is not ClassMark;
            var tokens = Counts.Sum();
            return tokens > 0 && Pairs.Where(p => Own(p[0]) && Own(p[1])).Sum(static p => p[2]) * 2 >= tokens;
        }
    }

    private double[] _unigram = [];
    private double[] _endShare = [];
    private double[] _startsEnding = [];
    private Dictionary<string, int>? _wordIndex;
    private long[][] _nextCounts = [];
    private Dictionary<string, (string[] Words, double[] Cumulative, double[] Ending, int ContentWords)> _byCase = [];
    private double[] _starts = [];
    private int[][] _next = [];
    private double[][] _nextCumulative = [];
    private bool _hasEnds;
    private int[][] _sameWord = [];

    /// <summary>Splits a value into tokens at white space.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var space = i == text.Length || char.IsWhiteSpace(text[i]);
            if (space && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>True for a token that is a number (digits, with separators inside).</summary>
    public static bool IsNumber(string token) =>
        token.Length > 0 && char.IsAsciiDigit(token[0]) && char.IsAsciiDigit(token[^1]) && token.All(static c => char.IsAsciiDigit(c) || c is '.' or ',');

    /// <summary>A copy sharing the fitted counts (never changed after the fit), with lookups of its own for <see cref="Prepare"/> to build.</summary>
    public WordModel Copy()
    {
        var copy = (WordModel)MemberwiseClone();
        copy._wordIndex = null;
        copy._byCase = [];
        return copy;
    }

    public void Prepare()
    {
        _unigram = Cumulative(Counts.Select(static c => (double)c));
        var starts = new double[Words.Length];
        foreach (var s in Starts) starts[s[0]] += s[1];
        _starts = starts.Sum() > 0 ? Cumulative(starts) : _unigram;
        var next = new List<(int Word, long Count)>[Words.Length];
        foreach (var p in Pairs) (next[p[0]] ??= []).Add(((int)p[1], p[2]));
        _hasEnds = Pairs.Any(static p => p[1] < 0);
        // How often each word ends a value: "Night" often does, "The" and "Of" never, so a name does not end on them.
        _endShare = new double[Words.Length];
        foreach (var p in Pairs)
        {
            if (p[1] < 0 && Counts[p[0]] > 0) _endShare[p[0]] = p[2] / (double)Counts[p[0]];
        }

        // The column's own words by case and length class (a short "The" never stands in for a long rare word), to
        // stand in for rare ones; by case alone where a length class has too few words.
        var own = Words.Select((w, i) => (Word: w, Count: Counts[i]))
            .Where(static p => p.Word[0] != ClassMark && p.Word != NumberToken && p.Word.All(char.IsLetter))
            .ToList();
        _byCase = own.GroupBy(static p => CaseOf(p.Word).ToString() + SizeOf(p.Word))
            .Concat(own.GroupBy(static p => CaseOf(p.Word).ToString()))
            .Where(static g => g.Count() >= 10)
            .ToDictionary(static g => g.Key, g => (g.Select(static p => p.Word).ToArray(), Cumulative(g.Select(static p => (double)p.Count)), EndingWeights(g.Select(static p => p.Word)),
                g.Count(p => _endShare[WordIndex(p.Word)] > 0)));
        _next = next.Select(static n => n?.Select(static x => x.Word).ToArray() ?? []).ToArray();
        _nextCumulative = next.Select(static n => n is null ? [] : Cumulative(n.Select(static x => (double)x.Count))).ToArray();
        _nextCounts = next.Select(static n => n?.Select(static x => x.Count).ToArray() ?? []).ToArray();
        var startsEnding = new double[Words.Length];
        foreach (var s in Starts) startsEnding[s[0]] += s[1] * _endShare[s[0]];
        _startsEnding = startsEnding.Sum() > 0 ? Cumulative(startsEnding) : [];
        // The words written alike but for their case ("The" and "THE", "and" and "And"): one of them per value.
        _sameWord = Words.Select((w, i) => (Key: w[0] == ClassMark || w == NumberToken ? "\u0000" + i : w.ToLowerInvariant(), Index: i))
            .GroupBy(static p => p.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select(p => (p.Index, Same: g.Select(static q => q.Index).ToArray())))
            .OrderBy(static p => p.Index)
            .Select(static p => p.Same)
            .ToArray();
    }

    /// <summary>
    /// Whether rare words can stand in from the column's own words (ten or more of a case); else stand-ins are made-up
    /// words ("Gorgeous Representative"), and a generator of the column's kind reads better.
    /// </summary>
    public bool HasOwnStandIns => _byCase.Count > 0;

    /// <summary>A new value of about the column's usual number of words, at most <paramref name="maxLength"/> characters.</summary>
    public string Generate(Xoshiro256 random, Bogus.Faker? faker, int? maxLength) => Generate(random, faker, maxLength, targetLength: null);

    /// <summary>
    /// A new value; with <paramref name="targetLength"/> (free text) the chain is run a few times and the
    /// value whose length is nearest is kept. <paramref name="faker"/> gives the new words that stand in for rare ones.
    /// </summary>
    public string Generate(Xoshiro256 random, Bogus.Faker? faker, int? maxLength, int? targetLength)
    {
        if (IsEmpty) return string.Empty;
        // Free text: a few candidates, the one whose length is nearest the length drawn for it.
        if (targetLength is { } wanted)
        {
            string best = string.Empty;
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var candidate = Chain(random, faker, maxLength, wanted);
                if (attempt == 0 || Math.Abs(candidate.Length - wanted) < Math.Abs(best.Length - wanted)) best = candidate;
                if (Math.Abs(best.Length - wanted) <= Math.Max(2, wanted / 20)) break;
            }

            return best;
        }

        return _hasEnds ? Name(random, faker, maxLength) : Chain(random, faker, maxLength, null);
    }

    /// <summary>
    /// A name or title: as many words as the column's values have (drawn from their histogram), the first a word
    /// that starts values, each next one a word seen after the previous one, no word twice, and the last a word
    /// that ends values ("The Night Of Fire", not "A The" or "In My Of The My").
    /// </summary>
    private string Name(Xoshiro256 random, Bogus.Faker? faker, int? maxLength)
    {
        var target = Math.Max(1, (int)Draw(TokenCounts, random));
        var builder = new StringBuilder();
        var used = new HashSet<int>();
        var written = new List<(int Word, int Start)>();
        var writtenText = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var previous = -1;
        for (var i = 0; i < target; i++)
        {
            var last = i == target - 1;
            var word = previous < 0 ? PickStart(last, random) : PickNext(previous, last, used, random);
            if (word < 0) break;
            var token = Words[word];
            var text = Written(token, faker, random, new NamePosition(last, builder.ToString()));
            // A stand-in may write a word the value already has in another case ("of the THE"): another stand-in, or none.
            for (var retry = 0; retry < 3 && writtenText.Contains(WordKey(text)) && token[0] == ClassMark; retry++) text = Written(token, faker, random, new NamePosition(last, builder.ToString()));
            used.UnionWith(_sameWord[word]);
            if (writtenText.Contains(WordKey(text))) continue;
            if (builder.Length > 0 && maxLength is { } l && builder.Length + 1 + text.Length > l) break;
            if (builder.Length > 0) builder.Append(' ');
            writtenText.Add(WordKey(text));
            written.Add((word, builder.Length));
            builder.Append(text);
            previous = word;
        }

        // A chain cut short (no word could follow) may stop on a word that never ends a value ("The Greatest - & And"):
        // such words come off the end, the first word always stays.
        while (written.Count > 1 && _hasEnds && _endShare[written[^1].Word] == 0)
        {
            builder.Length = Math.Max(0, written[^1].Start - 1);
            written.RemoveAt(written.Count - 1);
        }

        var name = Balanced(builder.ToString());
        return (maxLength is { } max && name.Length > max ? name[..max] : name).TrimEnd();
    }

    /// <summary>A token as written: a new number for the number class, a stand-in for a rare word's class, else the word itself.</summary>
    /// <param name="name">Where the token goes in a name or title; null in free text.</param>
    private string Written(string token, Bogus.Faker? faker, Xoshiro256 random, NamePosition? name = null) =>
        token == NumberToken ? Number(random) : token[0] == ClassMark ? StandIn(token, faker, random, _byCase, name) : token;

    /// <summary>Where a stand-in goes in a name: whether it is the last word, and the name written so far.</summary>
    private readonly record struct NamePosition(bool Last, string SoFar);

    /// <summary>A first word; for a one-word value, one that also ends values.</summary>
    private int PickStart(bool alsoLast, Xoshiro256 random) => Pick(alsoLast && _startsEnding.Length > 0 ? _startsEnding : _starts, random);

    /// <summary>
    /// A word seen after <paramref name="previous"/>, not yet in the value; the last one a word that ends values.
    /// -1 where the name should end here (nothing new can follow a word that ends names).
    /// </summary>
    private int PickNext(int previous, bool last, HashSet<int> used, Xoshiro256 random)
    {
        var next = _next[previous];
        var weights = new double[next.Length];
        for (var i = 0; i < next.Length; i++)
        {
            var word = next[i];
            if (word < 0 || used.Contains(word)) continue;
            // Before the last word, one that can go on (has followers) keeps the chain from dead ends.
            weights[i] = _nextCounts[previous][i] * (last ? _endShare[word] : _next[word].Length > 0 ? 1 : 0.2);
        }

        if (PickWeighted(weights, random) is var chosen and >= 0) return next[chosen];
        // Nothing follows this word but it ends values ("(Live)"): the name ends here, a word early.
        if (_endShare[previous] > 0) return -1;
        // No such pair: any word of the column not yet used, the last one weighted by how often it ends values.
        var any = new double[Words.Length];
        for (var w = 0; w < any.Length; w++) any[w] = used.Contains(w) ? 0 : Counts[w] * (last ? _endShare[w] : 1);
        return PickWeighted(any, random) is var fallback and >= 0 ? fallback : -1;
    }

    /// <summary>An index drawn in proportion to <paramref name="weights"/>, or -1 when they are all zero.</summary>
    private static int PickWeighted(double[] weights, Xoshiro256 random)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        if (!(total > 0)) return -1;
        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0) return i;
        }

        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0) return i;
        }

        return -1;
    }

    private string Chain(Xoshiro256 random, Bogus.Faker? faker, int? maxLength, int? targetLength)
    {
        var hasEnds = _hasEnds;
        // Free text runs to the length drawn for it (3,000 characters are 500 words; no more words than characters), a
        // label to its own end or 64 words.
        var words = targetLength is { } length ? Math.Max(1, length) : hasEnds ? 64 : Math.Max(1, (int)Draw(TokenCounts, random));
        var builder = new StringBuilder();
        var previous = -1;
        for (var i = 0; i < words; i++)
        {
            var word = previous < 0 ? Pick(_starts, random) : NextAfter(previous, random);
            if (word < 0)
            {
                // Free text shorter than its length goes on with a new sentence rather than end at a fraction of it.
                if (targetLength is null || builder.Length >= targetLength) break;
                word = Pick(_starts, random);
            }

            var token = Words[word];
            var text = Written(token, faker, random);
            if (targetLength is null && builder.Length > 0 && maxLength is { } l && builder.Length + 1 + text.Length > l)
            {
                break;
            }

            if (builder.Length > 0) builder.Append(' ');
            builder.Append(text);
            previous = word;
            if (targetLength is { } target && builder.Length >= target) break;
        }

        // Free text keeps its length to the character: the last word is cut where the length says.
        if (targetLength is { } exact && builder.Length > exact) builder.Length = exact;
        if (maxLength is { } max && builder.Length > max) builder.Length = max;
        if (targetLength is not null && builder.Length > 0 && builder[^1] == ' ') builder[^1] = '.';
        return builder.ToString().TrimEnd();
    }

    /// <summary>The next word's index, or -1 where the value ends.</summary>
    private int NextAfter(int previous, Xoshiro256 random)
    {
        var next = _next[previous];
        if (next.Length == 0) return _hasEnds ? -1 : Pick(_unigram, random);
        return next[Pick(_nextCumulative[previous], random)];
    }

    /// <summary>A new word of the case, length class and trailing punctuation of the rare word it stands for.</summary>
    private static string StandIn(string classToken, Bogus.Faker? faker, Xoshiro256 random, Dictionary<string, (string[] Words, double[] Cumulative, double[] Ending, int ContentWords)> byCase,
        NamePosition? name)
    {
        var kind = classToken.Length > 1 ? classToken[1] : 'L';
        var size = classToken.Length > 2 ? classToken[2] : 'm';
        var punctuation = classToken.Length > 3 ? classToken[3..] : string.Empty;
        var (shortest, longest) = size switch { 's' => (1, 3), 'm' => (4, 8), AnySize => (3, 12), _ => (9, 40) };
        if (kind is 'D' or 'O')
        {
            // A number of the same length class, never the real one's digits.
            var digits = shortest + random.NextInt(Math.Min(longest, 12) - shortest + 1);
            var number = new StringBuilder().Append((char)('1' + random.NextInt(9)));
            for (var i = 1; i < digits; i++) number.Append((char)('0' + random.NextInt(10)));
            return number + punctuation;
        }

        // A stand-in is another of the column's own words of that case where it has enough of them: a made-up
        // word ("Paradigm", "Buckinghamshire" in a song title) reads as noise in a column of names.
        // Brackets and quotes are left out: alone, without their other half, they read as a broken value.
        punctuation = new string(punctuation.Where(static c => c is '.' or ',' or '!' or '?' or ':' or ';').ToArray());
        if (byCase.TryGetValue(string.Concat(kind.ToString(), size.ToString()), out var own) || byCase.TryGetValue(kind.ToString(), out own))
        {
            // In a name, a rare word is a word of content ("Moon", "Trooper"): words that common are the column's "The", "Of"
            // and "A" as often as not, and "Season The" or "And Of Season" is what they make. The column's words that end
            // values are its words of content ("Night", "Hits"; never "The"), so a stand-in is one of them wherever it
            // stands; where the column has few of them, English ones from a public list stand in as well, in the share its
            // own lack, for capitalised words only: a lower-case word of a name is a unit or a particle ("24 - 12 oz
            // bottles"), and "99 g avenue" is what a title word makes of it. Free text keeps the column's words as they come.
            var pool = name is not null && own.Ending.Length > 0 ? own.Ending : own.Cumulative;
            var fromList = name is not null && kind is 'C' or 'U' && TitleWords.Serves(faker?.Locale) ? Math.Max(0, 1 - (own.ContentWords / (double)MinContentWords)) : 0;
            string Draw() => random.NextDouble() < fromList ? InCase(TitleWords.Next(size, random), kind) : own.Words[Pick(pool, random)];
            var word0 = Draw();
            for (var attempt = 0; attempt < 4 && name is { } n && Tokenize(n.SoFar).Any(w => SameWord(w, word0)); attempt++) word0 = Draw();
            return word0 + punctuation;
        }

        var word = "item";
        // No own word of that case: one of the column's words of another case, written in this one ("and", not
        // Bogus' "sleek" or "cotton" in an album title), before a made-up word.
        var others = byCase.Where(p => p.Key.Length > 1 && p.Key[1] == size).Select(static p => p.Value).Concat(byCase.Values).Take(1).ToList();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            // A capitalised word with none of the column's own to stand in is most often a proper name ("Eastham General",
            // "Lakeside Clinic"): a surname reads as one ("Keeling General"); Bogus' random words read as "Bypassing General".
            word = others.Count > 0 ? others[0].Words[Pick(others[0].Cumulative, random)]
                : kind == 'C' && faker is not null ? faker.Name.LastName()
                : faker?.Random.Word() ?? "item";
            var space = word.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0) word = word[..space];
            if (word.Length >= shortest && word.Length <= longest && word.All(char.IsLetter)) break;
        }

        return InCase(word, kind) + punctuation;
    }

    /// <summary>Content words (words that end values) a case needs before stand-ins come from its own words alone.</summary>
    private const int MinContentWords = 20;

    /// <summary><paramref name="word"/> in case <paramref name="kind"/> (U upper, C capitalised, L lower; else as it is).</summary>
    private static string InCase(string word, char kind) => kind switch
    {
        'U' => word.ToUpperInvariant(),
        'C' => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant(),
        'L' => word.ToLowerInvariant(),
        _ => word,
    };

    /// <summary>Whether two written tokens are one word but for case and the punctuation around it ("Hits:" and "hits").</summary>
    private static bool SameWord(string a, string b) => string.Equals(WordKey(a), WordKey(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A token without the punctuation around it, by which a value holds each word once.</summary>
    private static string WordKey(string token) => token.Trim(TokenPunctuation) is { Length: > 0 } word ? word : token;

    private static readonly char[] TokenPunctuation = ['.', ',', '!', '?', ':', ';', '(', ')', '[', ']', '"', '\''];

    private string Number(Xoshiro256 random)
    {
        var digits = (int)Math.Clamp(Draw(DigitCounts, random), 1, 18);
        var first = 1 + random.NextInt(9);
        var builder = new StringBuilder(first.ToString(CultureInfo.InvariantCulture));
        for (var i = 1; i < digits; i++) builder.Append((char)('0' + random.NextInt(10)));
        return builder.ToString();
    }

    private static long Draw(long[][] histogram, Xoshiro256 random)
    {
        if (histogram.Length == 0) return 1;
        long total = 0;
        foreach (var row in histogram) total += row[1];
        var target = random.NextDouble() * total;
        foreach (var row in histogram)
        {
            target -= row[1];
            if (target < 0) return row[0];
        }

        return histogram[^1][0];
    }

    /// <summary>Cumulative weights of the words by how often they end a value (empty when none does).</summary>
    private double[] EndingWeights(IEnumerable<string> words)
    {
        var weights = words.Select(w => Counts[WordIndex(w)] * _endShare[WordIndex(w)]).ToArray();
        return weights.Sum() > 0 ? Cumulative(weights) : [];
    }

    private int WordIndex(string word) => (_wordIndex ??= Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal))[word];

    private static char SizeOf(string word) => word.Length <= 3 ? 's' : word.Length <= 8 ? 'm' : 'l';

    /// <summary>
    /// The value with brackets, parentheses and quotes that the chain left without their other half removed
    /// ("Best Of 2)" becomes "Best Of 2"); the ones that pair up stay.
    /// </summary>
    internal static string Balanced(string text)
    {
        if (text.IndexOfAny(['(', ')', '[', ']', '"']) < 0) return text;
        var keep = new bool[text.Length];
        Array.Fill(keep, true);
        foreach (var (open, close) in new[] { ('(', ')'), ('[', ']') })
        {
            var opened = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == open) opened.Push(i);
                else if (text[i] == close && !opened.TryPop(out _)) keep[i] = false;
            }

            foreach (var i in opened) keep[i] = false;
        }

        var quotes = Enumerable.Range(0, text.Length).Where(i => text[i] == '"').ToList();
        if (quotes.Count % 2 == 1) keep[quotes[^1]] = false;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (keep[i]) builder.Append(text[i]);
        }

        return string.Join(' ', Tokenize(builder.ToString()));
    }

    private static char CaseOf(string word) => word.Length > 1 && word.All(char.IsUpper) ? 'U' : char.IsUpper(word[0]) ? 'C' : 'L';

    private static int Pick(double[] cumulative, Xoshiro256 random)
    {
        var u = random.NextDouble();
        var lo = 0;
        var hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= u) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var values = weights.ToArray();
        var total = values.Sum();
        var cumulative = new double[values.Length];
        double running = 0;
        for (var i = 0; i < values.Length; i++)
        {
            running += values[i];
            cumulative[i] = total > 0 ? running / total : (i + 1.0) / values.Length;
        }

        if (cumulative.Length > 0) cumulative[^1] = 1.0;
        return cumulative;
    }
}
