using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>The engines a source schema is cloned into, by name, for theories that clone one source to each.</summary>
internal static class CloneTargets
{
    public static TheoryData<string> Names() => new() { "sqlite", "postgres", "mariadb" };

    /// <summary>A new, empty database of the named engine; skipped with the reason where its server is absent.</summary>
    public static async Task<TestDatabase> NewAsync(string engine)
    {
        EngineFixture fixture = engine switch
        {
            "postgres" => new PostgresFixture(),
            "mariadb" => new MariaDbFixture(),
            _ => new SqliteFixture(),
        };
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        return await fixture.CreateDatabaseAsync();
    }

    /// <summary>Foreign keys the clone declares on <paramref name="table"/> (in the database's default schema), read from the engine's catalog.</summary>
    public static async Task<long> ForeignKeyCountAsync(TestDatabase db, string table) => db.Engine switch
    {
        SchemaIntrospection.Model.DatabaseEngine.PostgreSql => await db.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = to_regclass('public.\"{table}\"')"),
        SchemaIntrospection.Model.DatabaseEngine.MySql => await db.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'"),
        _ => await db.ScalarAsync<long>($"SELECT COUNT(DISTINCT id) FROM pragma_foreign_key_list('{table}')"),
    };

    /// <summary>Tables of the clone (in the database's default schema), read from the engine's catalog.</summary>
    public static async Task<long> TableCountAsync(TestDatabase db) => db.Engine switch
    {
        SchemaIntrospection.Model.DatabaseEngine.PostgreSql => await db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"),
        SchemaIntrospection.Model.DatabaseEngine.MySql => await db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"),
        _ => await db.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"),
    };

    /// <summary>`clone` of <paramref name="source"/> into <paramref name="target"/>, seeded, without the evaluation, with any further <paramref name="options"/>; asserted to succeed.</summary>
    public static async Task<CliRun> CloneAsync(TestDatabase source, TestDatabase target, params string[] options)
    {
        var run = await CliRun.RunAsync(["clone", "--source", DatabaseUrl.For(source), "--target", DatabaseUrl.For(target), "--seed", "4", "--no-evaluate", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }
}
