namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>A named constraint over columns (key, unique, foreign key) as declared; the pragmas lose the names.</summary>
internal sealed record SqliteNamedColumns(string? Name, IReadOnlyList<string> Columns);
