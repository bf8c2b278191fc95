namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>Everything introspection read from one database. Tables are sorted by name.</summary>
public sealed record DatabaseSchema
{
    public required DatabaseEngine Engine { get; init; }

    public string? DatabaseName { get; init; }

    /// <summary>The engine's server version string, where it gives one.</summary>
    public string? ServerVersion { get; init; }

    public required IReadOnlyList<TableSchema> Tables { get; init; }

    public IReadOnlyList<ViewSchema> Views { get; init; } = [];

    public IReadOnlyList<UserTypeSchema> UserTypes { get; init; } = [];

    public IReadOnlyList<SequenceSchema> Sequences { get; init; } = [];

    /// <summary>Stored functions and procedures, in the order they are created.</summary>
    public IReadOnlyList<RoutineSchema> Routines { get; init; } = [];

    /// <summary>Triggers of the tables read.</summary>
    public IReadOnlyList<TriggerSchema> Triggers { get; init; } = [];

    /// <summary>PostgreSQL extensions the database has (name and schema; PostGIS, hstore, citext...): a same-engine clone creates them first.</summary>
    public IReadOnlyList<QualifiedName> Extensions { get; init; } = [];

    /// <summary>Oddities found while reading: logged, never thrown.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IEnumerable<ForeignKeySchema> ForeignKeys => Tables.SelectMany(t => t.ForeignKeys);

    public TableSchema? FindTable(QualifiedName name) => Tables.FirstOrDefault(t => t.Name.Equals(name));

    public TableSchema Table(QualifiedName name) => FindTable(name)
        ?? throw new KeyNotFoundException($"The schema has no table {name}.");
}
