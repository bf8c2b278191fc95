using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>The parts of a CREATE TABLE statement that SQLite's pragmas do not expose.</summary>
internal sealed record SqliteTableDefinition
{
    public static SqliteTableDefinition Empty { get; } = new();

    public IReadOnlyList<SqliteColumnDefinition> Columns { get; init; } = [];

    /// <summary>Column-level and table-level CHECK constraints, in declaration order.</summary>
    public IReadOnlyList<CheckConstraintSchema> Checks { get; init; } = [];

    public string? PrimaryKeyName { get; init; }

    public IReadOnlyList<SqliteNamedColumns> Uniques { get; init; } = [];

    public IReadOnlyList<SqliteNamedColumns> ForeignKeys { get; init; } = [];

    public bool WithoutRowId { get; init; }

    public bool IsStrict { get; init; }

    public SqliteColumnDefinition? FindColumn(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
