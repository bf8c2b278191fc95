using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// A source database a suite runs on: its DDL and rows for each engine it supports, built into an
/// empty test database. Suites check the clone against the source itself (tables, keys, rows,
/// views), so a fixture needs to say nothing else; adding one is one line in <see cref="SchemaFixtures"/>.
/// </summary>
public interface ISchemaFixture
{
    /// <summary>A short name, unique among the fixtures, shown in test names.</summary>
    string Name { get; }

    /// <summary>Whether the fixture has DDL for <paramref name="engine"/>.</summary>
    bool Supports(DatabaseEngine engine);

    /// <summary>Creates the fixture's objects in the empty <paramref name="database"/> and fills them; the same every time.</summary>
    Task BuildAsync(TestDatabase database);
}
