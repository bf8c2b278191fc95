namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>What the pragmas do not say about a column, read from its CREATE TABLE text.</summary>
internal sealed record SqliteColumnDefinition(string Name)
{
    public string? GeneratedSql { get; init; }

    public bool IsStored { get; init; }

    public string? Collation { get; init; }

    public bool IsAutoIncrement { get; init; }
}
