using Xunit;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>
/// The bad-input corpus: every case runs the real command line in process against real servers and
/// asserts the exit code, a message that names what was wrong, no stack trace, no password, and no
/// partial damage (target untouched, or a valid clone where the input is odd but legitimate).
/// </summary>
public sealed class BadInputTests(BadInputSources sources) : IClassFixture<BadInputSources>
{
    /// <summary>Case names only, so that each case is a test of its own in the runner's list.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in BadInputCases.All.Keys) names.Add(name);
        return names;
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task Case(string name) => await BadInputCases.All[name].Run(sources);
}
