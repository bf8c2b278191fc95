using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>Lorem-ipsum words cut to an exact length: text that looks like text and carries nothing.</summary>
internal static class TextGenerator
{
    private static readonly string[] Words =
    [
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
        "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim", "veniam",
        "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex", "ea", "commodo",
        "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate", "velit", "esse", "cillum",
        "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat", "cupidatat", "non", "proident", "sunt",
        "culpa", "qui", "officia", "deserunt", "mollit", "anim", "id", "est", "laborum",
    ];

    public static string Generate(int length, Xoshiro256 random)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(length + 16);
        var sentenceStart = true;
        while (builder.Length < length)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            var word = Words[random.NextInt(Words.Length)];
            if (sentenceStart)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                sentenceStart = false;
            }
            else
            {
                builder.Append(word);
            }

            if (random.NextInt(10) == 0)
            {
                builder.Append('.');
                sentenceStart = true;
            }
        }

        builder.Length = length;
        if (builder[^1] == ' ')
        {
            builder[^1] = '.';
        }

        return builder.ToString();
    }
}
