using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>What every case asserts of a run, and how it looks at a database before and after.</summary>
internal static partial class Corpus
{
    /// <summary>Passwords of the test servers as they would appear if leaked (the URL form and the ADO.NET form).</summary>
    private static readonly string[] ServerSecrets = [":sdv@", "Password=sdv"];

    public static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(args);

    /// <summary>
    /// The exit code, each expected phrase somewhere in the output (case-insensitive), no stack trace
    /// or exception type name, and none of the given secrets nor the servers' passwords.
    /// </summary>
    public static void Expect(CliRun run, int exitCode, string[] phrases, params string[] secrets)
    {
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}; got:\n{run}");
        var all = run.Output + "\n" + run.Error;
        foreach (var phrase in phrases)
            Assert.True(all.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"expected \"{phrase}\" in the output; got:\n{run}");
        Assert.False(StackFrame().IsMatch(all), $"a stack trace was printed:\n{run}");
        Assert.False(ExceptionTypeName().IsMatch(all), $"an exception type name was printed:\n{run}");
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in secrets.Concat(ServerSecrets))
            Assert.False(all.Contains(secret, StringComparison.Ordinal), $"the password \"{secret}\" was printed:\n{run}");
    }

    /// <summary>A SQLite target left alone: never created, or created without a table.</summary>
    public static async Task AssertNoTablesAsync(string sqlitePath)
    {
        if (!File.Exists(sqlitePath)) return;
        Assert.Empty(await SqliteTablesAsync(sqlitePath));
    }

    public static async Task<List<string>> SqliteTablesAsync(string path)
    {
        var tables = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    public static async Task<long> SqliteScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every table of a database with its row count and column count, in name order: equal snapshots mean nothing was written.</summary>
    public static async Task<string> SnapshotAsync(TestDatabase db)
    {
        var listing = db.Engine switch
        {
            DatabaseEngine.PostgreSql => "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema') AND table_type = 'BASE TABLE' ORDER BY 1, 2",
            DatabaseEngine.MySql => "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1, 2",
            DatabaseEngine.Sqlite => "SELECT 'main', name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 2",
            _ => throw new ArgumentOutOfRangeException(nameof(db), db.Engine, "no snapshot for this engine"),
        };
        await using var connection = await db.OpenAsync();
        var tables = new List<(string Schema, string Name)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = listing;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        }
        var lines = new List<string>();
        foreach (var (schema, name) in tables)
        {
            var quote = db.Engine == DatabaseEngine.MySql ? (Func<string, string>)(s => "`" + s.Replace("`", "``", StringComparison.Ordinal) + "`") : s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var qualified = db.Engine == DatabaseEngine.Sqlite ? quote(name) : quote(schema) + "." + quote(name);
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {qualified}";
            var rows = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            lines.Add($"{schema}.{name}: {rows}");
        }
        return string.Join("\n", lines);
    }

    /// <summary>The folder of this test run's case folders, removed whole with the corpus' sources.</summary>
    public static readonly string RunRoot = Path.Combine(Path.GetTempPath(), "sdv-badinput-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>A new empty folder for one case, under <see cref="RunRoot"/>.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(RunRoot, Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b(System|Npgsql|MySqlConnector|Microsoft|Sdv)(\.\w+)*\.\w*Exception\b")]
    private static partial Regex ExceptionTypeName();
}
