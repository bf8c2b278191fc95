using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;
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
        yield return Case("seed_not_a_number", s => BadOptionAsync(s, ["--seed", "abc"], "Cannot parse argument 'abc' for option '--seed' as a whole number", "sdv-connector clone --help"));
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
        yield return Case("unknown_subcommand", async s =>
        {
            var run = await RunAsync("frobnicate", "--source", s.SqliteSource.Name);
            Expect(run, ExitCodes.BadInput, ["Unrecognized command or argument 'frobnicate'", "sdv-connector --help"]);
        });
        yield return Case("include_glob_matches_nothing", s => BadOptionAsync(s, ["--include", "no_such_*"], "leaves no table to clone"));
        yield return Case("pg_schema_missing", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", DatabaseUrl.For(s.PgSource), "--schema", "no_such_schema", "--target", target);
            Expect(run, ExitCodes.BadInput, ["--schema", "leaves no table to clone"]);
            await AssertNoTablesAsync(target);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("metadata_file_missing", s => BadOptionAsync(s, ["--metadata", "/nonexistent-corpus/metadata.json"], "--metadata: the file /nonexistent-corpus/metadata.json does not exist"));
        yield return Case("pg_password_file_missing", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var url = DatabaseUrl.For(s.PgSource).Replace(":sdv@", "@", StringComparison.Ordinal);
            var run = await RunAsync("clone", "--source", url, "--source-password-file", "/nonexistent-corpus/pw.txt", "--target", target);
            Expect(run, ExitCodes.BadInput, ["/nonexistent-corpus/pw.txt"]);
            await AssertNoTablesAsync(target);
        });
        yield return Case("sqlite_given_a_password", s => BadOptionAsync(s, ["--source-password-file", "/tmp/pw.txt"], "a SQLite file takes no password"));
        yield return Case("introspect_out_in_missing_folder", async s =>
        {
            var run = await RunAsync("introspect", "--source", s.SqliteSource.Name, "--out", "/nonexistent-corpus/dir/metadata.json");
            Expect(run, ExitCodes.BadInput, ["/nonexistent-corpus/dir/metadata.json", "Check the path"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("fit_model_in_missing_folder", async s =>
        {
            var run = await RunAsync("fit", "--source", s.SqliteSource.Name, "--model", "/nonexistent-corpus/dir/model.sdvm");
            Expect(run, ExitCodes.BadInput, ["/nonexistent-corpus/dir/model.sdvm"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("evaluate_synthetic_missing_a_table", async s =>
        {
            var synthetic = Path.Combine(TempDir(), "other.db");
            await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={synthetic};Pooling=False"))
            {
                await other.OpenAsync();
                await using var create = other.CreateCommand();
                create.CommandText = "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO parent VALUES (1, 'a');";
                await create.ExecuteNonQueryAsync();
            }
            // Odd but legitimate: the figures are computed, and the missing table is named rather than hidden.
            var run = await RunAsync("evaluate", "--real", s.SqliteSource.Name, "--synthetic", synthetic);
            Expect(run, ExitCodes.Success, ["The synthetic data has no table child; its figures count as 0."]);
            Assert.Equal(["parent"], await SqliteTablesAsync(synthetic));
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("evaluate_fail_under_not_name_value", async s =>
        {
            var run = await RunAsync("evaluate", "--real", s.SqliteSource.Name, "--synthetic", s.SqliteSource.Name, "--fail-under", "banana");
            Expect(run, ExitCodes.BadInput, ["--fail-under: 'banana' is not name=value"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("evaluate_max_rows_zero", async s =>
        {
            // Every figure counts every row since 5290c30; --max-rows bounds the one still sampled (distance to closest record).
            var run = await RunAsync("evaluate", "--real", s.SqliteSource.Name, "--synthetic", s.SqliteSource.Name, "--max-rows", "0");
            Expect(run, ExitCodes.BadInput, ["--max-rows must be at least 1 (was 0)"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("evaluate_holdout_out_of_range", async s =>
        {
            var run = await RunAsync("evaluate", "--real", s.SqliteSource.Name, "--synthetic", s.SqliteSource.Name, "--holdout", "1.5");
            Expect(run, ExitCodes.BadInput, ["--holdout must be a share strictly between 0 and 1, such as 0.2 (got '1.5')"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("rare_k_negative", s => BadOptionAsync(s, ["--rare-k", "-3"], "--rare-k must be at least 1 (got -3)"));
        yield return Case("model_kind_unknown", s => BadOptionAsync(s, ["--model-kind", "ctgan"], "--model-kind ctgan is not a model", "copula, cart, arf, auto"));
        yield return Case("model_two_kinds", s => BadOptionAsync(s, ["--model", "cart", "--model", "arf"], "--model cart and --model arf: give one per-table model"));
        yield return Case("model_and_model_kind_disagree", s => BadOptionAsync(s, ["--model", "cart", "--model-kind", "arf"], "--model cart and --model-kind arf disagree"));
        yield return Case("fit_model_kind_without_file", async s =>
        {
            var run = await RunAsync("fit", "--source", s.SqliteSource.Name, "--model", "cart");
            Expect(run, ExitCodes.BadInput, ["fit needs a file to write the model to: --model shop.sdvm"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("reference_tables_name_no_table", s => BadOptionAsync(s, ["--reference-tables", "Nope*"], "--reference-tables Nope* names no table of the source"));
        yield return Case("trials_zero", s => BadOptionAsync(s, ["--model-kind", "auto", "--trials", "0"], "--trials must be at least 1 (got 0)"));
    }
}
