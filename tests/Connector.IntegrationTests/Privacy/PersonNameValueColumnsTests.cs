using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Privacy;

/// <summary>
/// Columns whose names say nothing of people (<c>author_sort</c>, <c>handled</c>) but whose values are people's names,
/// each repeated on five or more rows: read from the values, they are generated as names in the column's own form, not
/// copied as common categories. (Found by a probe of Calibre's library: <c>books.author_sort</c> was copied.)
/// </summary>
public sealed class PersonNameValueColumnsTests : IDisposable
{
    private static readonly (string First, string Last)[] People =
    [
        ("Margaret", "Holloway"), ("Dmitri", "Ivanov"), ("Aisha", "Bello"), ("Tomasz", "Nowak"), ("Lucia", "Fernandez"),
        ("Kenji", "Watanabe"), ("Sophie", "Laurent"), ("Olusegun", "Adeyemi"), ("Ingrid", "Lindqvist"), ("Rafael", "Moreno"),
    ];

    private static readonly string[] Composers = ["Ludwig van Beethoven", "Clara Schumann", "Johann Strauss", "Frederic Chopin"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-namevalues-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Names_found_in_the_values_are_generated_in_their_form_and_never_copied()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "library.db");
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE books (id INTEGER PRIMARY KEY, author_sort TEXT NOT NULL, handled TEXT, composer TEXT, shelf TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
            await using var transaction = connection.BeginTransaction();
            for (var i = 1; i <= 300; i++)
            {
                var (first, last) = People[i % People.Length];
                var (handlerFirst, handlerLast) = People[(i / 7) % People.Length];
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO books VALUES ($id, $sort, $handled, $composer, $shelf)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$sort", $"{last}, {first}");
                insert.Parameters.AddWithValue("$handled", $"{handlerFirst} {handlerLast}");
                insert.Parameters.AddWithValue("$composer", Composers[i % Composers.Length]);
                insert.Parameters.AddWithValue("$shelf", i % 3 == 0 ? "fiction" : "reference");
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }

        await using var clone = await CloneAsync(source);
        Assert.Equal(300L, await ScalarAsync(clone, "SELECT COUNT(*) FROM books"));
        // Every sort name keeps the family-name-first form, and names vary as names do.
        Assert.Equal(300L, await ScalarAsync(clone, "SELECT COUNT(*) FROM books WHERE author_sort LIKE '%_, _%'"));
        Assert.Equal(300L, await ScalarAsync(clone, "SELECT COUNT(*) FROM books WHERE handled LIKE '%_ _%' AND handled NOT LIKE '%,%'"));
        Assert.True(await ScalarAsync(clone, "SELECT COUNT(DISTINCT author_sort) FROM books") > 100);
        // No real person's family name reaches either column.
        var family = string.Join(" OR ", People.Select(p => $"author_sort LIKE '{p.Last},%' OR handled LIKE '% {p.Last}'"));
        Assert.Equal(0L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM books WHERE {family}"));
        // Composers are public figures named by their role: the data, kept as categories (each seen 75 times).
        Assert.Equal(Composers.Length, await ScalarAsync(clone, "SELECT COUNT(DISTINCT composer) FROM books"));
        var composers = string.Join(", ", Composers.Select(c => $"'{c}'"));
        Assert.Equal(300L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM books WHERE composer IN ({composers})"));
    }

    [Fact]
    public async Task Columns_holding_the_values_of_a_personal_column_elsewhere_are_generated_too()
    {
        // Nextcloud's oc_share.uid_initiator and oc_activity.affecteduser hold the logins of oc_users: each repeats on
        // every row its user touched, so they passed as common categories and every real login was copied.
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "cloud.db");
        string Login(int user) => $"{People[user % People.Length].First.ToLowerInvariant()[..3]}{People[user % People.Length].Last.ToLowerInvariant()}{user}";
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, quota INTEGER);" +
                "CREATE TABLE shares (id INTEGER PRIMARY KEY, initiator TEXT NOT NULL, affected TEXT, permissions INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync();
            await using var transaction = connection.BeginTransaction();
            for (var u = 1; u <= 30; u++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO accounts VALUES ($id, $login, $quota)";
                insert.Parameters.AddWithValue("$id", u);
                insert.Parameters.AddWithValue("$login", Login(u));
                insert.Parameters.AddWithValue("$quota", 1024 * (u % 4 + 1));
                await insert.ExecuteNonQueryAsync();
            }
            for (var i = 1; i <= 400; i++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO shares VALUES ($id, $initiator, $affected, $permissions)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$initiator", Login((i % 30) + 1));
                insert.Parameters.AddWithValue("$affected", Login(((i * 7) % 30) + 1));
                insert.Parameters.AddWithValue("$permissions", i % 3 == 0 ? 31 : 1);
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }

        await using var clone = await CloneAsync(source);
        Assert.Equal(400L, await ScalarAsync(clone, "SELECT COUNT(*) FROM shares"));
        Assert.Equal(400L, await ScalarAsync(clone, "SELECT COUNT(initiator) FROM shares"));
        var real = string.Join(", ", Enumerable.Range(1, 30).Select(u => $"'{Login(u)}'"));
        Assert.Equal(0L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM shares WHERE initiator IN ({real}) OR affected IN ({real})"));
        Assert.Equal(0L, await ScalarAsync(clone, $"SELECT COUNT(*) FROM accounts WHERE login IN ({real})"));
        // The permissions, an ordinary category, keep both real values.
        Assert.Equal(2L, await ScalarAsync(clone, "SELECT COUNT(DISTINCT permissions) FROM shares"));
    }

    /// <summary>Clones <paramref name="source"/> into a SQLite file beside it and opens the clone, read-only.</summary>
    private async Task<SqliteConnection> CloneAsync(string source)
    {
        var target = Path.Combine(_root, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", source, "--target", target, "--seed", "11", "--no-evaluate");
        Assert.True(run.ExitCode == 0, run.ToString());
        var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        return clone;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
