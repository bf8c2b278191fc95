using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Privacy;

/// <summary>
/// Columns named for the person who did something (<c>comment_author</c>, <c>assignee</c>, <c>created_by</c>) hold
/// that person's name or login on every row they touched, so each name is seen far more than k times and would pass
/// as a common category. (Found by a probe of a WordPress schema: every commenter's name was copied.)
/// </summary>
public sealed class PersonRoleColumnsTests : IDisposable
{
    private static readonly string[] Authors =
        ["Margaret Holloway", "Dmitri Ivanov", "Aisha Bello", "Tomasz Nowak", "Lucia Fernandez", "Kenji Watanabe", "Sophie Laurent", "Olusegun Adeyemi"];

    private static readonly string[] Logins = ["mholloway", "divanov", "abello", "tnowak"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-roles-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Names_and_logins_in_role_columns_are_generated_not_copied()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "blog.db");
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText =
                "CREATE TABLE comments (comment_id INTEGER PRIMARY KEY, comment_author TEXT NOT NULL, assignee TEXT, created_by TEXT, status TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
            await using var transaction = connection.BeginTransaction();
            for (var i = 1; i <= 400; i++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO comments VALUES ($id, $author, $assignee, $by, $status)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$author", Authors[i % Authors.Length]);
                insert.Parameters.AddWithValue("$assignee", Authors[(i / 3) % Authors.Length]);
                insert.Parameters.AddWithValue("$by", Logins[i % Logins.Length]);
                insert.Parameters.AddWithValue("$status", i % 4 == 0 ? "spam" : "approved");
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }

        var target = Path.Combine(_root, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", source, "--target", target, "--seed", "5", "--no-evaluate");
        Assert.True(run.ExitCode == 0, run.ToString());

        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        Assert.Equal(400L, await ScalarAsync(clone, "SELECT COUNT(*) FROM comments"));
        // Names are written, not left empty: every row has an author with a first and a last name.
        Assert.Equal(400L, await ScalarAsync(clone, "SELECT COUNT(*) FROM comments WHERE comment_author LIKE '% %'"));
        var real = string.Join(", ", Authors.Concat(Logins).Select(v => $"'{v}'"));
        Assert.Equal(0L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM comments WHERE comment_author IN ({real}) OR assignee IN ({real}) OR created_by IN ({real})"));
        var surnames = string.Join(" OR ", Authors.Select(a => $"comment_author LIKE '%{a.Split(' ')[1]}'"));
        Assert.Equal(0L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM comments WHERE {surnames}"));
        // The status is an ordinary category: both real values kept.
        Assert.Equal(2L, await ScalarAsync(clone, "SELECT COUNT(DISTINCT status) FROM comments"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
