namespace Sdv.Connector.Pipeline;

/// <summary>
/// Where a synthetic clone lives inside a database that holds more than the clone (a nightly run's
/// staging): the schemas to introspect (empty: the connection's own) and the target schema each of
/// them stands for, so that its tables match the source's by name.
/// </summary>
internal sealed record SyntheticScope(IReadOnlyList<string> Schemas, Func<string?, string?> LiveSchema);
