using System.Collections.Frozen;
using System.Text;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// A column or table name as its words, so that name rules match whole words, never a word inside
/// another (<c>ship_address</c> holds "address", not "ipaddress"; <c>zipped</c> is no zip code).
/// Words are split at separators, case changes and digits (<c>BillToName</c> → bill, to, name), and a
/// glued lowercase word is split into known words where it can be wholly (<c>shipaddress</c> → ship,
/// address; <c>postalcode</c> → postal, code); one that cannot stays whole.
/// </summary>
public static class NameWords
{
    /// <summary>Words the splitter knows: what the pii rules look for, and the words commonly glued to them.</summary>
    private static readonly FrozenSet<string> Vocabulary = new[]
    {
        "e", "mail", "email", "address", "addr", "street", "ship", "shipping", "bill", "billing", "to", "from", "home", "work", "office",
        "mailing", "postal", "post", "code", "zip", "city", "town", "state", "country", "region", "province", "phone", "mobile", "cell",
        "fax", "tel", "telephone", "first", "last", "middle", "given", "family", "full", "sur", "name", "names", "fore", "user", "login",
        "contact", "person", "customer", "client", "employee", "company", "organisation", "organization", "org", "business", "firm",
        "vendor", "supplier", "shipper", "recipient", "consignee", "owner", "holder", "pass", "word", "passport", "licence", "license",
        "driver", "drivers", "driving", "plate", "number", "num", "no", "nr", "id", "tax", "vat", "national", "social", "security", "ssn",
        "iban", "bic", "swift", "routing", "sort", "bank", "account", "acct", "card", "credit", "cc", "ip", "web", "site", "page", "url",
        "birth", "date", "day", "of", "dob", "count", "total", "type", "flag", "status", "verified", "is", "has", "line", "lat", "lng",
        "long", "lon", "latitude", "longitude", "identity", "nick", "handle", "job", "title", "primary", "secondary", "alt", "other",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The lowercase words of a name, in order.</summary>
    public static IReadOnlyList<string> Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        foreach (var part in SplitAtBoundaries(name))
        {
            words.AddRange(Segment(part) ?? [part]);
        }
        return words;
    }

    /// <summary>Splits at anything but letters and digits, at a lower→upper change, before the last capital of a run (XMLFile → xml, file), and between letters and digits.</summary>
    private static IEnumerable<string> SplitAtBoundaries(string name)
    {
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
                continue;
            }
            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var boundary = (char.IsLower(previous) && char.IsUpper(c))
                    || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    || (char.IsAsciiDigit(previous) != char.IsAsciiDigit(c));
                if (boundary)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            current.Append(char.ToLowerInvariant(c));
        }
        if (current.Length > 0) yield return current.ToString();
    }

    /// <summary>The word as known words, fewest first (a known word stays whole), or null where it cannot be split wholly.</summary>
    private static List<string>? Segment(string word)
    {
        if (Vocabulary.Contains(word) || word.Length > 40 || char.IsAsciiDigit(word[0])) return null;
        // best[i]: the fewest known words that spell word[..i].
        var best = new List<string>?[word.Length + 1];
        best[0] = [];
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] is not { } head || !Vocabulary.Contains(word[start..end])) continue;
                if (best[end] is null || best[end]!.Count > head.Count + 1) best[end] = [.. head, word[start..end]];
            }
        }
        return best[word.Length];
    }
}
