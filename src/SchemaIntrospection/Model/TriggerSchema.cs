namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A trigger on a table, as its engine prints its CREATE TRIGGER statement; created on a same-engine clone after the load, so it never fires on it.</summary>
public sealed record TriggerSchema(string Name, QualifiedName Table, string Definition);
