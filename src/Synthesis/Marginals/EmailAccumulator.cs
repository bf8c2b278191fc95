using Sdv.Connector.Synthesis.Generators;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// What an e-mail column's addresses are made of, never an address: the templates of their local parts in terms of the
/// row's names (<see cref="EmailTemplate"/>) and their domains. A template or a domain fewer than k rows share is not
/// kept: a company's own domain that one customer writes points at that customer; "gmail.com" or the domain every
/// employee shares points at no one.
/// </summary>
internal sealed class EmailAccumulator : ValueAccumulator
{
    /// <summary>Most domains or templates counted; values met after that count as not kept.</summary>
    private const int MaxKinds = 512;

    private readonly Dictionary<string, long> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _domains = new(StringComparer.Ordinal);

    /// <summary>The row's first-name column, or -1.</summary>
    public int FirstNameColumn { get; init; } = -1;

    /// <summary>The row's last-name column, or -1.</summary>
    public int LastNameColumn { get; init; } = -1;

    /// <summary>The row's full-name column (read where the first or the last name has no column of its own), or -1.</summary>
    public int FullNameColumn { get; init; } = -1;

    /// <summary>The real addresses (in lower case), in memory only, so that a generated one equal to one is drawn again.</summary>
    public RealValueFilter RealValues { get; } = new();

    protected override void Add(object value)
    {
        if (value is not string email) return;
        RealValues.Add(email.Trim().ToLowerInvariant());
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1) return;
        Tally(_domains, email[(at + 1)..].Trim().ToLowerInvariant());
        var (first, last) = FullNameColumn >= 0 ? EmailTemplate.Split(Cell(FullNameColumn)) : (null, null);
        if (EmailTemplate.Of(email, FirstNameColumn >= 0 ? Cell(FirstNameColumn) : first, LastNameColumn >= 0 ? Cell(LastNameColumn) : last) is { } template)
        {
            Tally(_templates, template);
        }
    }

    private string? Cell(int column) => column < Row.Length ? Row[column] as string : null;

    private static void Tally(Dictionary<string, long> counts, string key)
    {
        if (counts.Count < MaxKinds || counts.ContainsKey(key)) counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>
    /// The templates and the domains at least <paramref name="k"/> rows share, most common first, with their counts; no
    /// templates where they make under half of the addresses (addresses that are not made of names keep Bogus').
    /// </summary>
    public (string[] Templates, long[] TemplateCounts, string[] Domains, long[] DomainCounts) Finish(int k)
    {
        var templates = Kept(_templates, k);
        if (templates.Sum(static t => t.Value) * 2 < Count) templates = [];
        var domains = Kept(_domains, k);
        return ([.. templates.Select(static t => t.Key)], [.. templates.Select(static t => t.Value)], [.. domains.Select(static d => d.Key)], [.. domains.Select(static d => d.Value)]);
    }

    private static List<KeyValuePair<string, long>> Kept(Dictionary<string, long> counts, int k) =>
        [.. counts.Where(p => p.Value >= Math.Max(k, 2)).OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal)];
}
