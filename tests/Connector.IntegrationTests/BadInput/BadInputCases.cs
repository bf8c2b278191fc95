namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>The corpus, by name; each concern's cases live in a file of their own.</summary>
internal static partial class BadInputCases
{
    public static readonly IReadOnlyDictionary<string, BadInputCase> All =
        Connections().Concat(OddData()).Concat(Files()).Concat(Options())
            .ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static BadInputCase Case(string name, Func<BadInputSources, Task> run) => new(name, run);
}
