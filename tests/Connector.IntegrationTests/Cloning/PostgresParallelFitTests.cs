using System.Data.Common;
using Npgsql;
using Sdv.Connector.Engines;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The parallel fit suite on PostgreSQL, plus the shared snapshot its sessions read.</summary>
public sealed class PostgresParallelFitTests(PostgresFixture source, SharedCloneSource<PostgresFixture> shared) : ParallelFitSuite<PostgresFixture>(source, shared)
{
    [SkippableFact]
    public async Task Sessions_begun_together_read_one_snapshot_and_refuse_writes()
    {
        Skip.If(SourceFixture.SkipReason is not null, SourceFixture.SkipReason);
        await using var db = await SourceFixture.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)");
        var reader = new PostgreSqlRowReader();
        var connections = new List<DbConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var connection = new NpgsqlConnection(db.ConnectionString);
                await connection.OpenAsync();
                connections.Add(connection);
            }
            var transactions = await reader.BeginSharedReadOnlyAsync(connections, CancellationToken.None);
            Assert.Equal(3, transactions.Count);

            // Committed after the sessions began but before any of them ran a query: a transaction
            // that took its own snapshot at its first query would see it; an imported one does not.
            await db.ExecuteAsync("INSERT INTO t VALUES (3)");
            var snapshots = new List<string>();
            for (var i = 0; i < connections.Count; i++)
            {
                Assert.Equal(2L, await ScalarAsync<long>(connections[i], transactions[i], "SELECT COUNT(*) FROM t"));
                snapshots.Add(await ScalarAsync<string>(connections[i], transactions[i], "SELECT pg_current_snapshot()::text"));
            }
            Assert.Single(snapshots.Distinct());
            Assert.Equal(3L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM t"));

            var write = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(connections[2], transactions[2], "INSERT INTO t VALUES (4) RETURNING id"));
            Assert.Equal("25006", write.SqlState); // read_only_sql_transaction
            await ReadOnlyTransactions.DisposeAsync(transactions);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private static async Task<T> ScalarAsync<T>(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
