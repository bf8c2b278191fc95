using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;
using static Sdv.Connector.IntegrationTests.Cloning.CloneQueries;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// The clone suite from SQLite to SQLite, plus the command's options and refusals, which do not
/// depend on the engine pair and are cheapest on files.
/// </summary>
public sealed class SqliteToSqliteCloneTests(SqliteFixture source, SqliteFixture target, SharedCloneSource<SqliteFixture> shared)
    : CloneSuite<SqliteFixture, SqliteFixture>(source, target, shared)
{
    [SkippableFact]
    public async Task Scale_two_doubles_the_roots_and_roughly_doubles_the_children()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync("--scale", "2");
        foreach (var table in CloneFixtureSchema.RootTables)
        {
            Assert.Equal(2 * await CountAsync(source, table), await CountAsync(target, table));
        }

        foreach (var table in CloneFixtureSchema.ReferenceTables)
        {
            Assert.Equal(await CountAsync(source, table), await CountAsync(target, table));
        }
        foreach (var table in CloneFixtureSchema.ChildTables)
        {
            var expected = 2 * await CountAsync(source, table);
            var actual = await CountAsync(target, table);
            Assert.True(Math.Abs(actual - expected) <= 0.1 * expected, $"{table}: {actual} rows at scale 2, twice the source is {expected}");
        }
    }

    [SkippableFact]
    public async Task The_same_seed_gives_byte_identical_files_and_another_seed_does_not()
    {
        await using var first = await CloneIntoNewTargetAsync();
        await using var second = await CloneIntoNewTargetAsync();
        await using var other = await CloneIntoNewTargetAsync("--seed", "43");
        var bytes = await File.ReadAllBytesAsync(first.Name);
        var again = await File.ReadAllBytesAsync(second.Name);
        Assert.True(bytes.SequenceEqual(again), "two clones with seed 42 differ byte for byte");
        Assert.NotEqual(await RowsAsync(first, "customer"), await RowsAsync(other, "customer"));
    }

    [SkippableFact]
    public async Task Including_a_child_without_its_parent_is_refused_naming_the_foreign_key()
    {
        var source = await SourceAsync();
        await using var target = await NewTargetAsync();
        var run = await CliRun.RunAsync("clone", "--source", DatabaseUrl.For(source), "--target", DatabaseUrl.For(target), "--include", "order_line");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("order_line", run.Error, StringComparison.Ordinal);
        Assert.Contains("(order_id) to orders", run.Error, StringComparison.Ordinal);
        Assert.Contains("(product_id) to product", run.Error, StringComparison.Ordinal);
        Assert.True(!File.Exists(target.Name) || (await IntrospectAsync(target)).Tables.Count == 0, "the refused run wrote into the target");
    }

    [SkippableFact]
    public async Task A_target_that_holds_tables_is_refused_and_left_intact_until_replace_is_given()
    {
        var source = await SourceAsync();
        await using var target = await NewTargetAsync();
        await target.ExecuteAsync("""
            CREATE TABLE keep_me (id INTEGER PRIMARY KEY, note TEXT NOT NULL)
            ;;
            INSERT INTO keep_me (id, note) VALUES (1, 'precious'), (2, 'also precious')
            """);
        var refused = await CliRun.RunAsync("clone", "--source", DatabaseUrl.For(source), "--target", DatabaseUrl.For(target));
        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        // Refused before the fit, not after it: a long fit is not spent on a target that cannot take the clone.
        Assert.DoesNotContain("fit [", refused.Output, StringComparison.Ordinal);
        var tables = (await IntrospectAsync(target)).Tables.Select(t => t.Name.Name).ToList();
        Assert.Equal(["keep_me"], tables);
        Assert.Equal(2, await CountAsync(target, "keep_me"));

        var replaced = await CliRun.RunAsync("clone", "--source", DatabaseUrl.For(source), "--target", DatabaseUrl.For(target), "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal(CloneFixtureSchema.AllTables.Order(), (await IntrospectAsync(target)).Tables.Select(t => t.Name.Name).Order());
        Assert.Equal(await CountAsync(source, "region"), await CountAsync(target, "region"));
    }

    [SkippableFact]
    public async Task A_target_that_is_the_source_spelled_differently_is_refused()
    {
        var source = await SourceAsync();
        var before = new Dictionary<string, long>();
        foreach (var table in CloneFixtureSchema.AllTables) before[table] = await CountAsync(source, table);
        var directory = Path.GetDirectoryName(source.Name)!;
        var file = Path.GetFileName(source.Name);
        string[] spellings =
        [
            Path.GetRelativePath(Environment.CurrentDirectory, source.Name),
            Path.Combine(directory, ".", file),
            Path.Combine(directory, "..", Path.GetFileName(directory), file),
        ];
        foreach (var spelling in spellings)
        {
            Assert.NotEqual(source.Name, spelling);
            var run = await CliRun.RunAsync("clone", "--source", source.Name, "--target", spelling);
            Assert.True(run.ExitCode == 5, $"target spelled {spelling}: {run}");
            Assert.Contains("is the source", run.Error, StringComparison.Ordinal);
        }
        foreach (var table in CloneFixtureSchema.AllTables) Assert.Equal(before[table], await CountAsync(source, table));
        Assert.Equal(CloneFixtureSchema.AllTables.Length, (await IntrospectAsync(source)).Tables.Count);
    }
}
