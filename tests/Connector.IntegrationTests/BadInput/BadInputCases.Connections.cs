using Npgsql;
using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;
using static Sdv.Connector.IntegrationTests.BadInput.Corpus;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>Cases about reaching a database: passwords, hosts, databases, permissions, spellings of a connection.</summary>
internal static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> Connections()
    {
        yield return Case("pg_wrong_password", async s =>
        {
            // Loopback logins are trusted except for sdv_pw, which scripts/test-servers.sh makes authenticate with scram-sha-256.
            var target = Path.Combine(TempDir(), "t.db");
            var url = $"postgresql://sdv_pw:Wr0ng-Pg-Secret@127.0.0.1:54329/{s.PgSource.Name}";
            var run = await RunAsync("clone", "--source", url, "--target", target);
            Expect(run, ExitCodes.ConnectionFailed, ["password authentication failed", "\"sdv_pw\""], "Wr0ng-Pg-Secret");
            await AssertNoTablesAsync(target);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("mariadb_wrong_password", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var url = $"mariadb://sdv:Wr0ng-Maria-Secret@127.0.0.1:33069/{s.MariaSource.Name}";
            var run = await RunAsync("clone", "--source", url, "--target", target);
            Expect(run, ExitCodes.ConnectionFailed, ["denied"], "Wr0ng-Maria-Secret");
            await AssertNoTablesAsync(target);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("unreachable_host_closed_port", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", "postgresql://sdv:Closed-Port-Secret@127.0.0.1:1/app", "--target", target);
            Expect(run, ExitCodes.ConnectionFailed, ["Cannot connect to postgresql://sdv:***@127.0.0.1:1/app"], "Closed-Port-Secret");
            await AssertNoTablesAsync(target);
        });
        yield return Case("pg_missing_database", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", "postgresql://sdv:sdv@127.0.0.1:54329/no_such_db_corpus", "--target", target);
            Expect(run, ExitCodes.ConnectionFailed, ["no_such_db_corpus"]);
            await AssertNoTablesAsync(target);
        });
        yield return Case("mariadb_missing_database", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", "mariadb://sdv:sdv@127.0.0.1:33069/no_such_db_corpus", "--target", target);
            Expect(run, ExitCodes.ConnectionFailed, ["no_such_db_corpus"]);
            await AssertNoTablesAsync(target);
        });
        yield return Case("pg_missing_target_database", async s =>
        {
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", "postgresql://sdv:sdv@127.0.0.1:54329/no_such_target_corpus", "--no-evaluate");
            Expect(run, ExitCodes.ConnectionFailed, ["no_such_target_corpus"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("pg_no_select_on_one_table", async s =>
        {
            var role = "corpus_reader_" + Guid.NewGuid().ToString("N")[..8];
            const string password = "Reader-Secret-41";
            await using var source = await s.Postgres.CreateDatabaseAsync();
            try
            {
                await BadInputSources.BuildParentChildAsync(source, 10, 20);
                await source.ExecuteAsync($"""
                    CREATE TABLE secret (id INTEGER PRIMARY KEY, v TEXT)
                    ;;
                    INSERT INTO secret VALUES (1, 'x'), (2, 'y')
                    ;;
                    CREATE ROLE {role} LOGIN PASSWORD '{password}'
                    ;;
                    GRANT CONNECT ON DATABASE {source.Name} TO {role}
                    ;;
                    GRANT USAGE ON SCHEMA public TO {role}
                    ;;
                    GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}
                    ;;
                    REVOKE SELECT ON secret FROM {role}
                    """);
                var before = await SnapshotAsync(source);
                var target = Path.Combine(TempDir(), "t.db");
                var run = await RunAsync("clone", "--source", $"postgresql://{role}:{password}@127.0.0.1:54329/{source.Name}", "--target", target);
                Expect(run, ExitCodes.ConnectionFailed, ["permission denied for table secret", "--exclude"], password);
                await AssertNoTablesAsync(target);
                Assert.Equal(before, await SnapshotAsync(source));
            }
            finally
            {
                await source.DisposeAsync();
                await using var admin = new NpgsqlConnection(PostgresFixture.ServerConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", admin);
                await drop.ExecuteNonQueryAsync();
            }
        });
        yield return Case("ado_string_without_engine", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", $"Host=127.0.0.1;Port=54329;Username=sdv;Password=Ado-Secret-9;Database={s.PgSource.Name}", "--target", target);
            Expect(run, ExitCodes.BadInput, ["--source-engine"], "Ado-Secret-9");
            await AssertNoTablesAsync(target);
        });
        yield return Case("unknown_url_scheme", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            var run = await RunAsync("clone", "--source", "oracle://scott:Tiger-Secret@127.0.0.1:1521/orcl", "--target", target);
            Expect(run, ExitCodes.BadInput, ["oracle"], "Tiger-Secret");
            await AssertNoTablesAsync(target);
        });
        yield return Case("sqlite_source_missing", async s =>
        {
            var dir = TempDir();
            var target = Path.Combine(dir, "t.db");
            var missing = Path.Combine(dir, "nowhere.db");
            var run = await RunAsync("clone", "--source", missing, "--target", target);
            Expect(run, ExitCodes.BadInput, ["nowhere.db"]);
            Assert.False(File.Exists(missing), "a missing source must not be created");
            await AssertNoTablesAsync(target);
        });
        yield return Case("sqlite_source_random_bytes", async s =>
        {
            var dir = TempDir();
            var source = Path.Combine(dir, "garbage.db");
            var bytes = new byte[8192];
            new Random(5).NextBytes(bytes);
            await File.WriteAllBytesAsync(source, bytes);
            var target = Path.Combine(dir, "t.db");
            var run = await RunAsync("clone", "--source", source, "--target", target);
            Expect(run, ExitCodes.BadInput, ["garbage.db is not a SQLite database"]);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(source));
            await AssertNoTablesAsync(target);
        });
        yield return Case("target_is_source_sqlite_other_spelling", async s =>
        {
            var dir = Path.GetDirectoryName(s.SqliteSource.Name)!;
            var spelled = Path.Combine(dir, "sub", "..", ".", Path.GetFileName(s.SqliteSource.Name));
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", spelled, "--replace");
            Expect(run, ExitCodes.Refused, ["is the source"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("target_is_source_pg_url_vs_ado", async s =>
        {
            var ado = $"Host=127.0.0.1;Port=54329;Username=sdv;Password=sdv;Database={s.PgSource.Name}";
            var run = await RunAsync("clone", "--source", DatabaseUrl.For(s.PgSource), "--target", ado, "--target-engine", "postgresql", "--replace");
            Expect(run, ExitCodes.Refused, ["is the source"]);
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("target_not_empty_without_replace", async s =>
        {
            var target = Path.Combine(TempDir(), "t.db");
            await using (var keep = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await keep.OpenAsync();
                await using var create = keep.CreateCommand();
                create.CommandText = "CREATE TABLE keep_me (x INTEGER); INSERT INTO keep_me VALUES (7);";
                await create.ExecuteNonQueryAsync();
            }
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", target);
            Expect(run, ExitCodes.Refused, ["--replace"]);
            Assert.Equal(["keep_me"], await SqliteTablesAsync(target));
            Assert.Equal(7, await SqliteScalarAsync(target, "SELECT x FROM keep_me"));
            await s.AssertSourcesUnchangedAsync();
        });
        yield return Case("pg_target_not_empty_without_replace", async s =>
        {
            await using var target = await s.Postgres.CreateDatabaseAsync();
            await target.ExecuteAsync("CREATE TABLE parent (id INTEGER PRIMARY KEY)\n;;\nINSERT INTO parent VALUES (99)");
            var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", DatabaseUrl.For(target));
            Expect(run, ExitCodes.Refused, ["--replace"]);
            Assert.Equal("public.parent: 1", await SnapshotAsync(target));
            Assert.Equal(99, await target.ScalarAsync<int>("SELECT id FROM parent"));
        });
    }
}
