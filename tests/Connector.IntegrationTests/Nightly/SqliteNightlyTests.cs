using System.Data.Common;
using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class SqliteNightlyTests(SqliteFixture fixture) : NightlySuite<SqliteFixture>(fixture)
{
    protected override string Url(TestDatabase database) => database.Name;

    protected override bool NeedsPassword => false;

    protected override string? DeadUrl => null;

    protected override Func<DbConnection, Task>? KillFromOutside => null;

    protected override Task<string?> ReadOnlyLoginAsync(TestDatabase source, string user, string password) => Task.FromResult<string?>(null);

    protected override Task DropLoginAsync(TestDatabase source, string user) => Task.CompletedTask;

    protected override Task<IAsyncDisposable> TakeLockAsAnotherProcessAsync(TestDatabase target)
    {
        // A killed process leaves its lock file behind, unlocked; only the open handle locks it.
        var handle = new FileStream(target.Name + ".sdv-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        return Task.FromResult<IAsyncDisposable>(handle);
    }

    protected override Task<bool> StagingExistsAsync(TestDatabase target) => Task.FromResult(File.Exists(target.Name + ".sdv-staging"));
}
