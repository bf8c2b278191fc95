using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Cloning;
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
        yield return Case("scale_zero", s => BadOptionAsync(s, ["--scale", "0"], "--scale must be a positive number (got 0)"));
        yield return Case("scale_negative", s => BadOptionAsync(s, ["--scale", "-1"], "--scale must be a positive number (got -1)"));
        yield return Case("scale_nan", s => BadOptionAsync(s, ["--scale", "NaN"], "--scale must be a positive number (got NaN)"));
        yield return Case("seed_not_a_number", s => BadOptionAsync(s, ["--seed", "abc"], "Cannot parse argument 'abc' for option '--seed'", "sdv-connector clone --help"));
        yield return Case("unknown_option", s => BadOptionAsync(s, ["--frobnicate", "yes"], "Unrecognized command or argument '--frobnicate'"));
        yield return Case("missing_required_target", async s =>
        {
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name);
            Expect(run, ExitCodes.BadInput, ["Option '--target' is required", "sdv-connector clone --help"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("include_child_without_parent", s => BadOptionAsync(s, ["--include", "child"], "table child has a foreign key (parent_id) to parent, which is excluded", "--include"));
        yield return Case("exclude_every_table", s => BadOptionAsync(s, ["--exclude", "*"], "leaves no table"));
        yield return Case("locale_unknown", s => BadOptionAsync(s, ["--locale", "xx-nowhere"], "--locale xx-nowhere is not a known locale"));
        yield return Case("password_env_and_file_both", s => BadOptionAsync(s, ["--source-password-env", "X", "--source-password-file", "/tmp/x"], "--source-password-env and --source-password-file both given"));
        yield return Case("password_env_unset", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", DatabaseUrl.For(s.PgSource).Replace(":sdv@", "@", StringComparison.Ordinal), "--source-password-env", "SDV_CORPUS_SURELY_UNSET", "--target", target);
            Expect(run, ExitCodes.BadInput, ["SDV_CORPUS_SURELY_UNSET"]);
            await AssertNoTablesAsync(target);
        });
        yield return Case("rare_k_negative", s => BadOptionAsync(s, ["--rare-k", "-3"], "--rare-k must be at least 1 (got -3)"));
    }
}
