using System.Data.Common;
using Npgsql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class PostgresNightlyTests(PostgresFixture fixture) : NightlySuite<PostgresFixture>(fixture)
{
    private static readonly NpgsqlConnectionStringBuilder Server = new(PostgresFixture.ServerConnectionString);

    protected override string Url(TestDatabase database) => $"postgresql://{Server.Username}@{Server.Host}:{Server.Port}/{database.Name}";

    protected override string? DeadUrl => $"postgresql://{Server.Username}@127.0.0.1:1/nowhere";

    protected override Func<DbConnection, Task>? KillFromOutside => async connection =>
    {
        var pid = ((NpgsqlConnection)connection).ProcessID;
        await using var admin = new NpgsqlConnection(PostgresFixture.ServerConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
        kill.Parameters.AddWithValue("pid", pid);
        await kill.ExecuteScalarAsync();
    };

    protected override async Task<string?> ReadOnlyLoginAsync(TestDatabase source, string user, string password)
    {
        await using (var admin = new NpgsqlConnection(PostgresFixture.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {user} LOGIN PASSWORD '{password}'; GRANT CONNECT ON DATABASE {source.Name} TO {user}", admin);
            await create.ExecuteNonQueryAsync();
        }
        // Only USAGE on the schema and SELECT on its tables: the clone must not need more.
        await source.ExecuteAsync($"GRANT USAGE ON SCHEMA public TO {user}\n;;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO {user}");
        return $"postgresql://{user}@{Server.Host}:{Server.Port}/{source.Name}";
    }

    protected override async Task DropLoginAsync(TestDatabase source, string user)
    {
        await source.ExecuteAsync($"DROP OWNED BY {user}");
        await using var admin = new NpgsqlConnection(PostgresFixture.ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"REVOKE CONNECT ON DATABASE {source.Name} FROM {user}; DROP ROLE IF EXISTS {user}", admin);
        await drop.ExecuteNonQueryAsync();
    }

    protected override async Task<IAsyncDisposable> TakeLockAsAnotherProcessAsync(TestDatabase target)
    {
        var session = new NpgsqlConnection(target.ConnectionString);
        await session.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", session);
        take.Parameters.AddWithValue("key", unchecked((long)Sdv.Connector.Synthesis.StableHash.Fnv1a("sdv-connector:" + target.Name)));
        Assert.True((bool)(await take.ExecuteScalarAsync())!);
        return session;
    }

    protected override async Task<bool> StagingExistsAsync(TestDatabase target) =>
        await target.ScalarAsync<long>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE '%\\_\\_sdv\\_staging'") > 0;
}
