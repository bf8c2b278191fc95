using System.Globalization;
using System.Text;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>
/// The sources the corpus only reads, built once for all cases: a parent/child pair in SQLite,
/// PostgreSQL and MariaDB, and a model fitted from the SQLite one. Each case checks they are unchanged.
/// </summary>
public sealed class BadInputSources : IAsyncLifetime
{
    public const int Parents = 40;
    public const int Children = 100;

    public PostgresFixture Postgres { get; } = new();

    public MariaDbFixture MariaDb { get; } = new();

    public SqliteFixture Sqlite { get; } = new();

    internal TestDatabase PgSource { get; private set; } = null!;

    internal TestDatabase MariaSource { get; private set; } = null!;

    internal TestDatabase SqliteSource { get; private set; } = null!;

    /// <summary>A valid model file fitted from <see cref="SqliteSource"/>.</summary>
    internal string ModelFile { get; private set; } = null!;

    internal string Dir { get; } = Corpus.TempDir();

    private readonly Dictionary<TestDatabase, string> _snapshots = [];

    public async Task InitializeAsync()
    {
        PgSource = await Postgres.CreateDatabaseAsync();
        MariaSource = await MariaDb.CreateDatabaseAsync();
        SqliteSource = await Sqlite.CreateDatabaseAsync();
        foreach (var db in new[] { PgSource, MariaSource, SqliteSource })
        {
            await BuildParentChildAsync(db, Parents, Children);
            _snapshots[db] = await Corpus.SnapshotAsync(db);
        }
        ModelFile = Path.Combine(Dir, "model.sdvm");
        var fit = await CliRun.RunAsync("fit", "--source", SqliteSource.Name, "--model", ModelFile);
        Assert.True(fit.ExitCode == 0, fit.ToString());
    }

    /// <summary>parent(id, name) and child(id, parent_id → parent, amount, note), with deterministic rows.</summary>
    internal static async Task BuildParentChildAsync(TestDatabase db, int parents, int children)
    {
        var text = db.Engine == DatabaseEngine.MySql ? "VARCHAR(100)" : "TEXT";
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"CREATE TABLE parent (id INTEGER PRIMARY KEY, name {text} NOT NULL)\n;;\n");
        script.Append(CultureInfo.InvariantCulture, $"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), amount DOUBLE PRECISION, note {text})\n;;\n");
        if (parents > 0)
        {
            script.Append("INSERT INTO parent (id, name) VALUES ");
            script.Append(string.Join(", ", Enumerable.Range(1, parents).Select(i => string.Create(CultureInfo.InvariantCulture, $"({i}, 'name {i % 7}')"))));
            script.Append("\n;;\n");
        }
        if (children > 0)
        {
            script.Append("INSERT INTO child (id, parent_id, amount, note) VALUES ");
            script.Append(string.Join(", ", Enumerable.Range(1, children).Select(i => string.Create(CultureInfo.InvariantCulture, $"({i}, {1 + i % Math.Max(1, parents)}, {i * 1.5 + i % 3}, {(i % 4 == 0 ? "NULL" : $"'note {i % 5}'")})"))));
            script.Append("\n;;\n");
        }
        await db.ExecuteAsync(script.ToString());
    }

    /// <summary>The shared sources hold exactly what they held when built.</summary>
    internal async Task AssertSourcesUnchangedAsync()
    {
        foreach (var (db, before) in _snapshots)
            Assert.Equal(before, await Corpus.SnapshotAsync(db));
    }

    public async Task DisposeAsync()
    {
        foreach (var db in new[] { PgSource, MariaSource, SqliteSource })
            if (db is not null) await db.DisposeAsync();
        // Every case's folder lies under the run's root (the sources' own among them): one delete leaves nothing behind.
        try { Directory.Delete(Corpus.RunRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
