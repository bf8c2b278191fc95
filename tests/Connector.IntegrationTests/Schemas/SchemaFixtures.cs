using Microsoft.Data.Sqlite;
using Sdv.Connector.Demo;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.KitchenSink;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// Every source schema the nightly suite refreshes, on every engine each supports. A new fixture (the
/// kitchen-sink schemas of issue 13, say) is one more line here.
/// </summary>
public static class SchemaFixtures
{
    private static readonly DatabaseEngine[] ServerAndFile = [DatabaseEngine.Sqlite, DatabaseEngine.PostgreSql, DatabaseEngine.MySql];

    public static IReadOnlyList<ISchemaFixture> All { get; } =
    [
        // The clone tests' shop: a 4-level hierarchy, a self-reference, a composite key, a 2-table cycle, a table without a key.
        new SchemaFixture("clone-shop", db => CloneFixtureSchema.BuildAsync(db), ServerAndFile),
        // 42 tables in 3 schemas (PostgreSQL), empty tables and keys into them, composite keys, views, sequence-backed keys.
        new SchemaFixture("generated-42", db => GeneratedSchema.BuildAsync(db), ServerAndFile),
        // Issue 13's kitchen sinks: every type, key style, default, structure and code object of each engine.
        new SchemaFixture("kitchen-sink", db => db.Engine switch
        {
            DatabaseEngine.PostgreSql => PostgresKitchenSink.BuildAsync(db),
            DatabaseEngine.MySql => MariaDbKitchenSink.BuildAsync(db),
            _ => SqliteKitchenSink.BuildAsync(db),
        }, ServerAndFile),
        // The demo's clinical database, small (SQLite only: the demo writes a file).
        new SchemaFixture("demo-clinical", db => Task.Run(() => { ClinicalDemoDatabase.Create(db.Name, 40, 7, CancellationToken.None); SqliteConnection.ClearAllPools(); }), DatabaseEngine.Sqlite),
    ];

    public static ISchemaFixture Named(string name) => All.Single(f => f.Name == name);

    /// <summary>The fixtures' names, as theory data.</summary>
    public static TheoryData<string> Names() => new(All.Select(f => f.Name));
}
