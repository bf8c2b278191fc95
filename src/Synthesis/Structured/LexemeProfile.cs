using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// tsvector values: how many lexemes a value has, which lexemes (only those seen at least k times
/// are written back; the others are replaced by generated words of their shape), and whether
/// positions are kept. A generated tsvector is a valid one: distinct lexemes, positions in order.
/// </summary>
internal sealed class LexemeProfile
{
    private NumberSketch? _counts;

    public StringPool Lexemes { get; set; } = new();

    public NumberDistribution? Counts { get; set; }

    public long WithPositions { get; set; }

    public long WithoutPositions { get; set; }

    public void Add(string text, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\'')
            {
                i++;
                continue;
            }
            var lexeme = new StringBuilder();
            i++;
            while (i < text.Length)
            {
                if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { lexeme.Append('\''); i += 2; continue; }
                if (text[i] == '\'') { i++; break; }
                lexeme.Append(text[i++]);
            }
            Lexemes.Add(lexeme.ToString(), random);
            count++;
            if (i < text.Length && text[i] == ':') WithPositions++;
            else WithoutPositions++;
            while (i < text.Length && text[i] != ' ') i++;
        }
        (_counts ??= new NumberSketch(random)).Add(count);
    }

    public void Finish(int k)
    {
        Lexemes.Finish(k);
        Counts = _counts?.Finish();
        _counts = null;
    }

    public string Sample(Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = Math.Max(0, (int)(Counts?.Sample(random) ?? 3));
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; chosen.Count < count && attempt < count * 4; attempt++)
        {
            var lexeme = Lexemes.Sample(random, 64).Trim();
            if (lexeme.Length > 0) chosen.Add(lexeme);
        }
        var positions = Draw.Chance(WithPositions, WithPositions + WithoutPositions, random);
        var text = new StringBuilder();
        var position = 1;
        foreach (var lexeme in chosen)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append('\'').Append(lexeme.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)).Append('\'');
            if (positions) text.Append(':').Append((position++).ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
