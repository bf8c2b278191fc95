using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// One server per engine, shared by the whole assembly; each test asks it for a database of its own.
/// Servers are Testcontainers containers where a Docker engine answers, otherwise those test.sh starts (see each fixture).
/// </summary>
public abstract class EngineFixture
{
    public abstract DatabaseEngine Engine { get; }

    /// <summary>Null where the server is reachable; otherwise why the engine's tests are skipped.</summary>
    public virtual string? SkipReason => null;

    /// <summary>Creates an empty database with a unique name.</summary>
    public abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Quotes an identifier for this engine's test DDL.</summary>
    public abstract string Quote(string identifier);

    protected static string UniqueName(string prefix) =>
        prefix + Guid.NewGuid().ToString("N")[..12];
}
