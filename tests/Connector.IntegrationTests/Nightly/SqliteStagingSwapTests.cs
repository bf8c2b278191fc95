using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>SQLite: the file <c>target.db.sdv-staging</c> with a rowid key, a foreign key, views (one over another) and a trigger.</summary>
public sealed class SqliteStagingSwapTests(SqliteFixture fixture) : StagingSwapSuite<SqliteFixture>(fixture)
{
    private protected override async Task<DatabaseSchema> CreateStagedCloneAsync(TestDatabase target, IStagingArea staging, int generation)
    {
        await using var connection = new SqliteConnection(staging.Endpoint.ConnectionString);
        await connection.OpenAsync();
        var rows = string.Join(", ", Enumerable.Range(1, 3 * generation).Select(i => $"('p{i}')"));
        await ExecuteAsync(connection,
            "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
            "CREATE TABLE counted (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), n INTEGER NOT NULL DEFAULT 0)",
            $"INSERT INTO parent (name) VALUES {rows}",
            "INSERT INTO counted (id, parent_id) VALUES (1, 1), (2, 1)",
            "CREATE VIEW parent_counts AS SELECT p.id, COUNT(c.id) AS n FROM parent p LEFT JOIN counted c ON c.parent_id = p.id GROUP BY p.id",
            "CREATE VIEW busy AS SELECT * FROM parent_counts WHERE n > 0",
            "CREATE TRIGGER counted_stamp AFTER INSERT ON counted BEGIN UPDATE counted SET n = NEW.n + 1000 WHERE id = NEW.id; END");
        SqliteConnection.ClearPool(connection);
        return Tables(DatabaseEngine.Sqlite, new QualifiedName(null, "parent"), new QualifiedName(null, "counted"));
    }

    protected override async Task AssertLiveCloneAsync(TestDatabase target, int generation)
    {
        await using var connection = await target.OpenAsync();
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM parent"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM busy"));
        await ExecuteAsync(connection, "INSERT INTO counted (id, parent_id) VALUES (3, 2)");
        Assert.Equal(1000, await ScalarAsync<long>(connection, "SELECT n FROM counted WHERE id = 3"));
        await ExecuteAsync(connection, "INSERT INTO parent (name) VALUES ('new')");
        Assert.Equal(3 * generation + 1, await ScalarAsync<long>(connection, "SELECT MAX(id) FROM parent"));
    }
}
