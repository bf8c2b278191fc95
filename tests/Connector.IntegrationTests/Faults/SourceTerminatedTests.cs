using Npgsql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>The source's connections terminated mid-fit (pg_terminate_backend on the shared server): the fit is retried whole.</summary>
public sealed class SourceTerminatedTests(PostgresFixture fixture) : EngineTestBase<PostgresFixture>(fixture), IDisposable
{
    private static readonly NpgsqlConnectionStringBuilder Server = new(PostgresFixture.ServerConnectionString);
    private readonly FaultRun _run = new();

    public void Dispose() => _run.Dispose();

    [SkippableFact]
    public async Task Source_connections_terminated_mid_fit_are_retried_whole_and_the_run_succeeds()
    {
        await using var source = await NewDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        await using var target = await new SqliteFixture().CreateDatabaseAsync();
        var config = _run.WriteConfig($"postgresql://{Server.Username}@{Server.Host}:{Server.Port}/{source.Name}", _run.PasswordFile, target.Name, null, reuse: false);
        var terminated = 0;
        var fits = new List<string>();
        var hooks = new NightlyHooks
        {
            AtStep = async (step, ct) =>
            {
                // Tables of one level start together (a child's read overlaps its parent's fit), so steps come from two workers.
                if (step.StartsWith("fit ", StringComparison.Ordinal)) lock (fits) fits.Add(step);
                if (terminated > 0 || step != "fit public.orders") return;
                await using var admin = new NpgsqlConnection(PostgresFixture.ServerConnectionString);
                await admin.OpenAsync(ct);
                await using var kill = new NpgsqlCommand("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
                kill.Parameters.AddWithValue("db", source.Name);
                terminated = Convert.ToInt32(await kill.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            },
        };
        var (code, _, error) = await FaultRun.RunJobAsync(config, hooks);
        Assert.True(code == 0, error);
        Assert.True(terminated >= 1, "no source session was open mid-fit");
        Assert.Equal(2, _run.Int("source_attempts"));
        // The whole fit again, from the first table: a model never mixes two snapshots (each table fitted once per attempt).
        Assert.Equal(["fit public.customers", "fit public.customers", "fit public.orders", "fit public.orders"], fits.Order(StringComparer.Ordinal));
        Assert.Contains(_run.Strings("warnings"), w => w.StartsWith("transient fault", StringComparison.Ordinal));
        Assert.Equal(1, _run.Int("write_attempts"));
        Assert.StartsWith(FaultRun.CompletePrefix, await FaultRun.FingerprintAsync(target), StringComparison.Ordinal);
    }
}
