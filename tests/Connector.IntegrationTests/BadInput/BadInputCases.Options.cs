using Sdv.Connector.Cli;
using static Sdv.Connector.IntegrationTests.BadInput.Corpus;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>Cases about the command line itself: bad values, unknown or missing options, selections that cannot be cloned.</summary>
internal static partial class BadInputCases
{
    /// <summary>clone of the shared SQLite source with extra arguments: refused with exit 2 and the phrases, nothing written.</summary>
    private static async Task BadOptionAsync(BadInputSources s, string[] extra, params string[] phrases)
    {
        var target = Path.Combine(TempDir(), "t.db");
        var run = await RunAsync(["clone", "--source", s.SqliteSource.Name, "--target", target, .. extra]);
        Expect(run, ExitCodes.BadInput, phrases);
        await AssertNoTablesAsync(target);
        await s.AssertSourcesUnchangedAsync();
    }

    private static IEnumerable<BadInputCase> Options()
    {
        yield return Case("scale_zero", s => BadOptionAsync(s, ["--scale", "0"], "--scale"));
        yield return Case("scale_negative", s => BadOptionAsync(s, ["--scale", "-1"], "--scale"));
        yield return Case("scale_nan", s => BadOptionAsync(s, ["--scale", "NaN"], "--scale"));
        yield return Case("seed_not_a_number", s => BadOptionAsync(s, ["--seed", "abc"], "abc", "--seed"));
        yield return Case("unknown_option", s => BadOptionAsync(s, ["--frobnicate", "yes"], "--frobnicate"));
        yield return Case("missing_required_target", async s =>
        {
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name);
            Expect(run, ExitCodes.BadInput, ["--target"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("include_child_without_parent", s => BadOptionAsync(s, ["--include", "child"], "parent", "--include"));
        yield return Case("exclude_every_table", s => BadOptionAsync(s, ["--exclude", "*"], "leaves no table"));
        yield return Case("rare_k_negative", s => BadOptionAsync(s, ["--rare-k", "-3"], "rare"));
    }
}
