using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Tests;

/// <summary>Builds schemas in code for pure tests: tables of integer columns with keys.</summary>
internal sealed class SchemaBuilder
{
    private readonly List<TableSchema> _tables = [];

    public SchemaBuilder Table(string name, params string[] columns) => Table(name, columns.Select(c => Int(c)).ToArray());

    public SchemaBuilder Table(string name, params ColumnSchema[] columns)
    {
        var ordered = columns.Select((c, i) => c with { Ordinal = i + 1 }).ToList();
        _tables.Add(new TableSchema { Name = new QualifiedName(null, name), Columns = ordered, PrimaryKey = new KeySchema(null, [ordered[0].Name]) });
        return this;
    }

    public SchemaBuilder Key(string table, params string[] columns) => Replace(table, t => t with { PrimaryKey = new KeySchema(null, columns) });

    public SchemaBuilder Fk(string child, string column, string parent, string parentColumn = "id") =>
        Replace(child, t => t with
        {
            ForeignKeys = [.. t.ForeignKeys, new ForeignKeySchema
            {
                Name = $"fk_{child}_{column}", Table = t.Name, Columns = [column], PrincipalTable = new QualifiedName(null, parent), PrincipalColumns = [parentColumn],
            }],
        });

    public DatabaseSchema Build() => new() { Engine = DatabaseEngine.Sqlite, Tables = _tables.ToList() };

    public static ColumnSchema Int(string name, bool nullable = false) => new()
    {
        Name = name, Ordinal = 0, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = nullable,
    };

    public static ColumnSchema Column(string name, LogicalType type, bool nullable = true, string? native = null) => new()
    {
        Name = name, Ordinal = 0, NativeType = native ?? type.ToString().ToUpperInvariant(), LogicalType = type, IsNullable = nullable,
    };

    private SchemaBuilder Replace(string table, Func<TableSchema, TableSchema> change)
    {
        var index = _tables.FindIndex(t => t.Name.Name == table);
        _tables[index] = change(_tables[index]);
        return this;
    }
}
