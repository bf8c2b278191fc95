using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// MariaDB: the database <c>db__sdv_staging</c> with a sequence and a default drawing from it (stored with its database's
/// name), an AUTO_INCREMENT, a foreign key, views (one over another), a trigger (RENAME TABLE refuses to move a table
/// with triggers to another database), a function whose body names the staging database, a procedure, a table comment.
/// </summary>
public sealed class MariaDbStagingSwapTests(MariaDbFixture fixture) : StagingSwapSuite<MariaDbFixture>(fixture)
{
    private protected override async Task<DatabaseSchema> CreateStagedCloneAsync(TestDatabase target, IStagingArea staging, int generation)
    {
        var stagingName = target.Name + StagingAreas.StagingSuffix;
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(target.ConnectionString) { Database = stagingName }.ConnectionString);
        await connection.OpenAsync();
        var rows = string.Join(", ", Enumerable.Range(1, 3 * generation).Select(i => $"('p{i}', 'ok')"));
        await ExecuteAsync(connection,
            "CREATE SEQUENCE counter START WITH 100",
            $"CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, mood ENUM('ok', 'meh') NOT NULL) COMMENT = 'generation {generation}'",
            "CREATE TABLE counted (id INT PRIMARY KEY, parent_id INT NOT NULL, n BIGINT NOT NULL DEFAULT nextval(counter), INDEX counted_parent (parent_id), " +
            "CONSTRAINT fk_counted_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
            $"INSERT INTO parent (name, mood) VALUES {rows}",
            "INSERT INTO counted (id, parent_id) VALUES (1, 1), (2, 1)",
            "CREATE VIEW parent_counts AS SELECT p.id, COUNT(c.id) AS n FROM parent p LEFT JOIN counted c ON c.parent_id = p.id GROUP BY p.id",
            "CREATE VIEW busy AS SELECT * FROM parent_counts WHERE n > 0",
            "CREATE TRIGGER counted_stamp BEFORE INSERT ON counted FOR EACH ROW SET NEW.n = NEW.n + 1000",
            $"CREATE FUNCTION parent_total() RETURNS BIGINT READS SQL DATA RETURN (SELECT COUNT(*) FROM `{stagingName}`.parent)",
            "CREATE PROCEDURE add_parent(IN p_name VARCHAR(20)) INSERT INTO parent (name, mood) VALUES (p_name, 'meh')");
        return Tables(DatabaseEngine.MySql, new QualifiedName(stagingName, "parent"), new QualifiedName(stagingName, "counted"));
    }

    protected override async Task AssertLiveCloneAsync(TestDatabase target, int generation)
    {
        await using var connection = await target.OpenAsync();
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM parent"));
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT parent_total()"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM busy"));
        Assert.Equal($"generation {generation}", await ScalarAsync<string>(connection, $"SELECT table_comment FROM information_schema.tables WHERE table_schema = '{target.Name}' AND table_name = 'parent'"));
        Assert.Equal(target.Name, await ScalarAsync<string>(connection, $"SELECT referenced_table_schema FROM information_schema.key_column_usage WHERE table_schema = '{target.Name}' AND constraint_name = 'fk_counted_parent'"));
        // The live sequence behind the default, the trigger on the live table, the procedure on the live tables.
        await ExecuteAsync(connection, "INSERT INTO counted (id, parent_id) VALUES (3, 2)");
        // Above the values the staging drew, plus the trigger's 1000 (a renamed sequence drops its cache: 2100 on MariaDB 10.11).
        var n = await ScalarAsync<long>(connection, "SELECT n FROM counted WHERE id = 3");
        Assert.True(n >= 1102, $"the new row's sequence-backed n is {n}");
        await ExecuteAsync(connection, "CALL add_parent('new')");
        Assert.Equal(3 * generation + 1, await ScalarAsync<long>(connection, "SELECT MAX(id) FROM parent"));
    }

    [SkippableFact]
    public async Task A_rename_that_fails_puts_the_previous_clones_views_triggers_and_routines_back()
    {
        await using var target = await NewDatabaseAsync();
        var staging = Staging(target);
        await staging.CleanAsync(CancellationToken.None);
        await staging.SwapAsync(await CreateStagedCloneAsync(target, staging, 1), CancellationToken.None);
        await staging.CleanAsync(CancellationToken.None);
        var staged = await CreateStagedCloneAsync(target, staging, 2);
        // A table already in the old clone's place: RENAME TABLE refuses the whole statement.
        await using (var admin = await target.OpenAsync())
        {
            await ExecuteAsync(admin, $"CREATE DATABASE `{target.Name}__sdv_old`", $"CREATE TABLE `{target.Name}__sdv_old`.parent (id INT)");
        }
        await Assert.ThrowsAnyAsync<DbException>(() => staging.SwapAsync(staged, CancellationToken.None));

        await AssertLiveCloneAsync(target, 1);
        // The next run's clean removes the failed staging and the old database (and prepares an empty staging).
        Assert.Equal([$"database {target.Name}__sdv_staging", $"database {target.Name}__sdv_old"], await staging.CleanAsync(CancellationToken.None));
        await using var connection = await target.OpenAsync();
        Assert.Equal(0, await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '{target.Name}__sdv_old'"));
        Assert.Equal(0, await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{target.Name}__sdv_staging'"));
    }
}
