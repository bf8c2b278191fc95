using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>An <see cref="ISchemaFixture"/> made of a name, a build method and the engines it has DDL for.</summary>
public sealed class SchemaFixture(string name, Func<TestDatabase, Task> build, params DatabaseEngine[] engines) : ISchemaFixture
{
    public string Name { get; } = name;

    public bool Supports(DatabaseEngine engine) => engines.Contains(engine);

    public Task BuildAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!Supports(database.Engine)) throw new ArgumentException($"Fixture {Name} has no DDL for {database.Engine}.", nameof(database));
        return build(database);
    }

    public override string ToString() => Name;
}
