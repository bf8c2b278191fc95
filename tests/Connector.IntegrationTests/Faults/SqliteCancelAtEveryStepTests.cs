using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Faults;

public sealed class SqliteCancelAtEveryStepTests(SqliteFixture fixture) : CancelAtEveryStepSuite<SqliteFixture>(fixture)
{
    protected override string Url(TestDatabase database) => database.Name;

    protected override bool NeedsPassword => false;

    protected override Task<long> LeftoversAsync(TestDatabase target) =>
        Task.FromResult((long)new[] { "", "-journal", "-wal" }.Count(suffix => File.Exists(target.Name + ".sdv-staging" + suffix)));

    protected override async Task<long> TablesAsync(TestDatabase database) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
}
