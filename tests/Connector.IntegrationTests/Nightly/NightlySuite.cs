using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Sdv.Connector.Nightly.Config;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.Synthesis.Evaluation;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// `run --config` against real servers: a full refresh, a second run that reuses the model without
/// reading the source, drift refitted or refused, a run that fails mid-load leaving the previous
/// clone intact (and the next run cleaning the staging), a killed connection retried, a planted
/// password that appears in no output, a second run refused while one holds the target's lock, and
/// quality gates judged on the staged clone before the swap. One sealed subclass per engine.
/// </summary>
public abstract class NightlySuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture), IDisposable
    where TFixture : EngineFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdv-nightly-").FullName;

    protected const int Customers = 60;
    protected const int Orders = 200;

    /// <summary>The database's URL without a password.</summary>
    protected abstract string Url(TestDatabase database);

    /// <summary>A URL of this engine nobody listens on, or null (SQLite has no server).</summary>
    protected abstract string? DeadUrl { get; }

    /// <summary>Kills the given connection from another session, or null when the engine has no such thing.</summary>
    protected abstract Func<DbConnection, Task>? KillFromOutside { get; }

    /// <summary>Creates a login that may only read <paramref name="source"/>; returns its URL, or null for SQLite.</summary>
    protected abstract Task<string?> ReadOnlyLoginAsync(TestDatabase source, string user, string password);

    protected abstract Task DropLoginAsync(TestDatabase source, string user);

    protected virtual string AddColumnSql => "ALTER TABLE customers ADD COLUMN vip INTEGER";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Refreshes_end_to_end_then_reuses_the_model_without_reading_the_source()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);

        var (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        var first = Summary();
        Assert.Equal("fitted", first.GetProperty("model").GetString());
        Assert.Equal(Customers, await CountAsync(target, "customers"));
        Assert.Equal(Orders, await CountAsync(target, "orders"));
        Assert.Equal(Customers, RowsOf(first, "customers"));
        Assert.Equal(0, await OrphansAsync(target));
        var modelBytes = await File.ReadAllBytesAsync(ModelPath);

        // Second run: the source points at nothing; offline sampling from the saved model must not need it.
        if (DeadUrl is { } dead)
        {
            (code, _, error) = await RunCliAsync("run", "--config", config, "--source", dead, "--offline", "true", "--seed", "7");
            Assert.True(code == 0, error);
            var second = Summary();
            Assert.Equal("reused-offline", second.GetProperty("model").GetString());
            Assert.Contains(second.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("unreachable", StringComparison.Ordinal));
        }
        else
        {
            (code, _, error) = await RunCliAsync("run", "--config", config, "--seed", "7");
            Assert.True(code == 0, error);
            Assert.Equal("reused", Summary().GetProperty("model").GetString());
        }
        Assert.Equal(modelBytes, await File.ReadAllBytesAsync(ModelPath));
        await AssertCompleteCloneAsync(target);
    }

    [SkippableFact]
    public async Task Drift_is_refused_or_refitted_as_configured_and_names_the_column()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        var (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        await source.ExecuteAsync(AddColumnSql);

        (code, _, error) = await RunCliAsync("run", "--config", config, "--on-drift", "refuse");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("customers.vip added", error, StringComparison.Ordinal);
        Assert.Contains(Summary().GetProperty("drift").EnumerateArray(), d => d.GetString()!.Contains("customers.vip added", StringComparison.Ordinal));
        Assert.Equal(Customers, await CountAsync(target, "customers"));
        Assert.False(await HasColumnAsync(target, "customers", "vip"));

        (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        Assert.Equal("refitted", Summary().GetProperty("model").GetString());
        Assert.True(await HasColumnAsync(target, "customers", "vip"));
        Assert.Equal(Customers, await CountAsync(target, "customers"));
    }

    [SkippableFact]
    public async Task A_run_that_fails_mid_load_keeps_the_previous_clone_and_the_next_run_cleans_up()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        var (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        await target.ExecuteAsync("CREATE TABLE marker (id INTEGER PRIMARY KEY)");

        var hooks = new NightlyHooks
        {
            AfterTableLoaded = (_, table, _, _) => table.Name == "customers" ? throw new InvalidOperationException("injected failure after customers") : Task.CompletedTask,
        };
        var failed = await RunJobAsync(config, hooks);
        Assert.Equal(ExitCodes.Failure, failed);
        Assert.Contains("injected failure", Summary().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(Summary().GetProperty("swapped").GetBoolean());
        // The previous clone is intact and usable: same tables, rows and keys, and the marker table is still there.
        Assert.Equal(Customers, await CountAsync(target, "customers"));
        Assert.Equal(Orders, await CountAsync(target, "orders"));
        Assert.Equal(0, await CountAsync(target, "marker"));
        Assert.Equal(0, await OrphansAsync(target));
        Assert.True(await StagingExistsAsync(target));

        (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        Assert.NotEmpty(Summary().GetProperty("cleaned_leftovers").EnumerateArray());
        Assert.False(await StagingExistsAsync(target));
        Assert.Equal(Orders, await CountAsync(target, "orders"));
    }

    [SkippableFact]
    public async Task A_connection_killed_during_the_load_is_retried_whole()
    {
        Skip.If(KillFromOutside is null, "this engine has no server connection to kill");
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        var hooks = new NightlyHooks
        {
            AfterTableLoaded = async (connection, table, attempt, _) =>
            {
                if (attempt == 1 && table.Name == "customers") await KillFromOutside!(connection);
            },
        };
        var code = await RunJobAsync(config, hooks);
        Assert.Equal(0, code);
        var summary = Summary();
        Assert.Equal(2, summary.GetProperty("write_attempts").GetInt32());
        Assert.Contains(summary.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("transient fault", StringComparison.Ordinal));
        await AssertCompleteCloneAsync(target);
    }

    [SkippableFact]
    public async Task A_planted_password_appears_in_no_output_and_the_source_is_read_with_select_only()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var user = "sdv_ro_" + Guid.NewGuid().ToString("N")[..8];
        var planted = "Pl4nted-" + Guid.NewGuid().ToString("N")[..16];
        var url = await ReadOnlyLoginAsync(source, user, planted);
        Skip.If(url is null, "this engine has no logins");
        try
        {
            var passwordFile = Path.Combine(_folder, "source.pass");
            await File.WriteAllTextAsync(passwordFile, planted + "\n");
            var config = WriteConfig(source, target, sourceUrl: url, sourcePasswordFile: passwordFile);
            var (code, output, error) = await RunCliAsync("run", "--config", config);
            Assert.True(code == 0, error);
            Assert.Equal(Orders, await CountAsync(target, "orders"));
            // A failing run too: its error message goes to stderr, the log and the summary.
            var (failedCode, failedOutput, failedError) = await RunCliAsync("run", "--config", config, "--target", DeadUrl ?? "/nonexistent-dir/x/y.db");
            Assert.NotEqual(0, failedCode);
            foreach (var text in new[] { output, error, failedOutput, failedError, await File.ReadAllTextAsync(SummaryPath), await File.ReadAllTextAsync(LogPath), Encoding.UTF8.GetString(await File.ReadAllBytesAsync(ModelPath)) })
            {
                Assert.DoesNotContain(planted, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            await DropLoginAsync(source, user);
        }
    }

    [SkippableFact]
    public async Task A_run_started_while_another_holds_the_lock_exits_busy_and_touches_nothing()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        var (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        await target.ExecuteAsync("CREATE TABLE marker (id INTEGER PRIMARY KEY)");
        var before = await SnapshotAsync(target);
        var modelBytes = await File.ReadAllBytesAsync(ModelPath);

        // The first run pauses inside its load, holding the lock, with its staging half written.
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new NightlyHooks
        {
            AfterTableLoaded = async (_, table, _, ct) =>
            {
                if (table.Name != "customers") return;
                paused.TrySetResult();
                await resume.Task.WaitAsync(ct);
            },
        };
        var first = Task.Run(() => RunJobAsync(config, hooks));
        try
        {
            await paused.Task.WaitAsync(TimeSpan.FromMinutes(3));
            // Another seed: had it run, it would have written another clone.
            var (busy, output, busyError) = await RunCliAsync("run", "--config", config, "--seed", "9");
            Assert.True(busy == ExitCodes.Busy, $"expected exit {ExitCodes.Busy}; got {busy}:\n{output}\n{busyError}");
            Assert.Contains("Another run is refreshing", busyError, StringComparison.Ordinal);
            Assert.Contains(Redacted(target), busyError, StringComparison.Ordinal);
            Assert.Contains("run again", busyError, StringComparison.Ordinal);
            var summary = Summary();
            Assert.Equal("busy", summary.GetProperty("outcome").GetString());
            Assert.Equal(ExitCodes.Busy, summary.GetProperty("exit_code").GetInt32());
            Assert.False(summary.GetProperty("swapped").GetBoolean());
            Assert.Equal(0, summary.GetProperty("write_attempts").GetInt32());
            Assert.Equal(0, summary.GetProperty("source_attempts").GetInt32());
            Assert.Empty(summary.GetProperty("cleaned_leftovers").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, summary.GetProperty("model").ValueKind);
            // The running run's staging is still there (the busy run cleaned nothing) and the target is as it was.
            Assert.True(await StagingExistsAsync(target));
            Assert.Equal(before, await SnapshotAsync(target));
            Assert.Equal(modelBytes, await File.ReadAllBytesAsync(ModelPath));
        }
        finally
        {
            resume.TrySetResult();
        }

        // The paused run was not disturbed: it finishes and swaps in its clone (the marker goes with the old one).
        Assert.Equal(0, await first);
        Assert.Equal("success", Summary().GetProperty("outcome").GetString());
        Assert.False(await TableExistsAsync(target, "marker"));
        await AssertCompleteCloneAsync(target);

        // The lock went with it: the next run takes it and succeeds.
        (code, _, error) = await RunCliAsync("run", "--config", config, "--seed", "9");
        Assert.True(code == 0, error);
        Assert.Equal("success", Summary().GetProperty("outcome").GetString());
        Assert.Equal(Orders, await CountAsync(target, "orders"));
        Assert.False(await StagingExistsAsync(target));
        await AssertLockReleasedAsync();
    }

    [SkippableFact]
    public async Task A_gate_failing_on_the_staged_clone_keeps_the_previous_clone_and_a_passing_one_swaps()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var (code, _, error) = await RunCliAsync("run", "--config", WriteConfig(source, target));
        Assert.True(code == 0, error);
        await target.ExecuteAsync("CREATE TABLE marker (id INTEGER PRIMARY KEY)");
        var before = await SnapshotAsync(target);

        // min_quality 0.999 cannot pass on a 60-row clone; another seed, so a swap would show in the rows.
        var failing = WriteConfig(source, target, gates: "min_quality: 0.999\n  max_exact_match_rate: 1");
        (code, _, error) = await RunCliAsync("run", "--config", failing, "--seed", "7");
        Assert.True(code == ExitCodes.GateFailed, $"expected exit {ExitCodes.GateFailed}, got {code}: {error}");
        Assert.Contains("before the swap", error, StringComparison.Ordinal);
        Assert.Contains("previous clone was kept", error, StringComparison.Ordinal);
        var summary = Summary();
        Assert.Equal("gate-failed", summary.GetProperty("outcome").GetString());
        Assert.False(summary.GetProperty("swapped").GetBoolean());
        var failedGates = Gates(summary);
        Assert.Equal(["max_exact_match_rate", "min_quality"], failedGates.Keys.Order(StringComparer.Ordinal));
        var (qualityStatus, quality) = failedGates["min_quality"];
        Assert.Equal("failed", qualityStatus);
        Assert.InRange(quality, 0.3, 0.999);
        Assert.Equal("passed", failedGates["max_exact_match_rate"].Status);
        Assert.InRange(failedGates["max_exact_match_rate"].Value, 0.0, 1.0);
        // The previous clone, row for row, and the marker beside it; the staging is left for inspection.
        Assert.Equal(before, await SnapshotAsync(target));
        Assert.True(await TableExistsAsync(target, "marker"));
        Assert.True(await StagingExistsAsync(target));

        // The same seed with a gate it passes: the staging is cleaned, written again (the same clone) and swapped in.
        var passing = WriteConfig(source, target, gates: "min_quality: 0.05\n  max_exact_match_rate: 1");
        (code, _, error) = await RunCliAsync("run", "--config", passing, "--seed", "7");
        Assert.True(code == 0, error);
        summary = Summary();
        Assert.True(summary.GetProperty("swapped").GetBoolean());
        Assert.NotEmpty(summary.GetProperty("cleaned_leftovers").EnumerateArray());
        var passedGates = Gates(summary);
        Assert.All(passedGates.Values, g => Assert.Equal("passed", g.Status));
        // Same model, seed and rows: the staged clone scores what the failed run's staging scored.
        Assert.Equal(quality, passedGates["min_quality"].Value, 12);
        Assert.False(await TableExistsAsync(target, "marker"));
        Assert.NotEqual(before, await SnapshotAsync(target));
        Assert.False(await StagingExistsAsync(target));
        Assert.Equal(Customers, await CountAsync(target, "customers"));
        Assert.Equal(Orders, await CountAsync(target, "orders"));

        // The gate read the staged clone whole: the evaluate command's figure on the swapped target is the same.
        var settings = NightlyConfigReader.Load(passing, null, Environment.GetEnvironmentVariable);
        var evaluated = await EvaluateStep.RunAsync(settings.Source, settings.Target, IntrospectionOptions.Default, null, new EvaluationOptions { Seed = 7 }, CancellationToken.None);
        var swappedQuality = QualityGates.Check(evaluated.Result, QualityGates.Parse(["quality=0"])).Single().Value;
        Assert.NotNull(swappedQuality);
        Assert.Equal(quality, swappedQuality.Value, 12);
    }

    [SkippableFact]
    public async Task A_lock_held_by_another_process_refuses_the_run_and_its_death_frees_the_target()
    {
        await using var source = await SourceAsync();
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        var (code, _, error) = await RunCliAsync("run", "--config", config);
        Assert.True(code == 0, error);
        var before = await SnapshotAsync(target);

        var holder = await TakeLockAsAnotherProcessAsync(target);
        try
        {
            (code, _, error) = await RunCliAsync("run", "--config", config, "--seed", "9");
            Assert.True(code == ExitCodes.Busy, $"expected exit {ExitCodes.Busy}; got {code}: {error}");
            Assert.Contains(Redacted(target), error, StringComparison.Ordinal);
            Assert.Equal("busy", Summary().GetProperty("outcome").GetString());
            Assert.Equal(before, await SnapshotAsync(target));
            Assert.False(await StagingExistsAsync(target));
        }
        finally
        {
            // The holder dies without releasing: the server ends its session, or the kernel drops its file lock.
            await holder.DisposeAsync();
        }

        (code, _, error) = await RunCliAsync("run", "--config", config, "--seed", "9");
        Assert.True(code == 0, error);
        Assert.NotEqual(before, await SnapshotAsync(target));
        Assert.Equal(Orders, await CountAsync(target, "orders"));
        await AssertLockReleasedAsync();
    }

    // ---- helpers ----

    /// <summary>After the runs, the lock can be taken again (and is given back).</summary>
    private async Task AssertLockReleasedAsync()
    {
        var settings = NightlyConfigReader.Load(Path.Combine(_folder, "nightly.yaml"), null, Environment.GetEnvironmentVariable);
        var staging = Sdv.Connector.Nightly.Staging.StagingAreas.For(settings.Target);
        var taken = await staging.TryLockAsync(CancellationToken.None);
        Assert.NotNull(taken);
        // Held: a second attempt is refused.
        Assert.Null(await staging.TryLockAsync(CancellationToken.None));
        await taken.DisposeAsync();
        var again = await staging.TryLockAsync(CancellationToken.None);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    private static Dictionary<string, (string Status, double Value)> Gates(JsonElement summary) =>
        summary.GetProperty("gates").EnumerateArray().ToDictionary(
            g => g.GetProperty("name").GetString()!,
            g => (g.GetProperty("status").GetString()!, g.GetProperty("value").GetDouble()));

    /// <summary>Every row of both tables, in key order, as invariant text.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        var text = new StringBuilder();
        await using var connection = await database.OpenAsync();
        foreach (var table in new[] { "customers", "orders" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++) text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        try
        {
            await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>How the target appears in messages: its redacted endpoint.</summary>
    private string Redacted(TestDatabase target) =>
        NightlyConfigReader.Load(Path.Combine(_folder, "nightly.yaml"), null, Environment.GetEnvironmentVariable).Target.Redacted;

    protected string ModelPath => Path.Combine(_folder, "model.sdvm");

    protected string SummaryPath => Path.Combine(_folder, "summary.json");

    protected string LogPath => Path.Combine(_folder, "nightly.log");

    protected string PasswordFile
    {
        get
        {
            var path = Path.Combine(_folder, "server.pass");
            if (!File.Exists(path)) File.WriteAllText(path, "sdv\n");
            return path;
        }
    }

    protected virtual bool NeedsPassword => true;

    private string WriteConfig(TestDatabase source, TestDatabase target, string? sourceUrl = null, string? sourcePasswordFile = null, string? gates = null)
    {
        var password = NeedsPassword ? $"\n  password_file: \"{PasswordFile}\"" : "";
        var sourcePassword = sourcePasswordFile is not null ? $"\n  password_file: \"{sourcePasswordFile}\"" : password;
        var yaml = $"""
            source:
              url: "{sourceUrl ?? Url(source)}"{sourcePassword}
            target:
              url: "{Url(target)}"{password}
            seed: 42
            model:
              path: model.sdvm
              reuse: true
              on_drift: refit
            retry:
              attempts: 2
              base_delay_ms: 10
              max_delay_ms: 50
            summary: summary.json
            log: nightly.log
            """;
        if (gates is not null) yaml += "\ngates:\n  " + gates + "\n";
        var path = Path.Combine(_folder, "nightly.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<int> RunJobAsync(string config, NightlyHooks hooks)
    {
        var settings = NightlyConfigReader.Load(config, null, Environment.GetEnvironmentVariable);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        return await new NightlyJob(settings, output, error, hooks).RunAsync(CancellationToken.None);
    }

    private JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(SummaryPath)).RootElement;

    private static long RowsOf(JsonElement summary, string table) =>
        summary.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString()!.EndsWith(table, StringComparison.Ordinal)).GetProperty("rows").GetInt64();

    private async Task<TestDatabase> SourceAsync()
    {
        var source = await NewDatabaseAsync();
        await source.ExecuteAsync(
            "CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, tier VARCHAR(10) NOT NULL, score INTEGER)\n;;\n" +
            "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL, amount DECIMAL(10,2) NOT NULL, note VARCHAR(100), " +
            "FOREIGN KEY (customer_id) REFERENCES customers (id))");
        var tiers = new[] { "gold", "silver", "bronze" };
        var customers = Enumerable.Range(1, Customers).Select(i => $"({i}, 'customer {i}', '{tiers[i % 3]}', {(i % 7 == 0 ? "NULL" : (i * 13 % 100).ToString(CultureInfo.InvariantCulture))})");
        var orders = Enumerable.Range(1, Orders).Select(i => $"({i}, {1 + (i * 7 % Customers)}, {(i * 3.25m % 500).ToString("0.00", CultureInfo.InvariantCulture)}, {(i % 4 == 0 ? "NULL" : $"'note {i % 9}'")})");
        await source.ExecuteAsync($"INSERT INTO customers (id, name, tier, score) VALUES {string.Join(", ", customers)}\n;;\nINSERT INTO orders (id, customer_id, amount, note) VALUES {string.Join(", ", orders)}");
        return source;
    }

    private static async Task<long> CountAsync(TestDatabase database, string table) => await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    /// <summary>The target holds a whole clone: every customer and order, and no order without its customer.</summary>
    private static async Task AssertCompleteCloneAsync(TestDatabase target)
    {
        Assert.Equal(Customers, await CountAsync(target, "customers"));
        Assert.Equal(Orders, await CountAsync(target, "orders"));
        Assert.Equal(0, await OrphansAsync(target));
    }

    private static async Task<long> OrphansAsync(TestDatabase database) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL");

    private static async Task<bool> HasColumnAsync(TestDatabase database, string table, string column)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Any(i => reader.GetName(i) == column);
    }

    /// <summary>Whether a staging object of this target exists (file, schema or database).</summary>
    protected abstract Task<bool> StagingExistsAsync(TestDatabase target);

    /// <summary>
    /// Takes the target's run lock the way another run's process would (its own session or file handle);
    /// disposing the handle is that process dying: the session or handle closes without a release.
    /// </summary>
    protected abstract Task<IAsyncDisposable> TakeLockAsAnotherProcessAsync(TestDatabase target);
}
