using System.Data.Common;
using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>
/// Schema writer, bulk writer and row reader of one engine, round-tripped: a schema built in code
/// (as if introspected from <see cref="SourceEngine"/>) is created, rows of canonical values are
/// loaded, constraints are added, and the rows read back equal the rows written.
/// Each engine binds it with a sealed subclass and adds the cases only it has.
/// </summary>
public abstract class WriterSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture)
    where TFixture : EngineFixture
{
    internal IEngineAdapter Adapter => EngineAdapters.For(Fixture.Engine);

    /// <summary>The engine whose schema the code-built schema pretends to come from (another engine tests the type mapping).</summary>
    protected virtual DatabaseEngine SourceEngine => DatabaseEngine.Sqlite;

    protected static ColumnSchema Col(int ordinal, string name, LogicalType type, bool nullable = true, int? length = null, int? precision = null, int? scale = null) =>
        new()
        {
            Name = name, Ordinal = ordinal, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable,
            MaxLength = length, Precision = precision, Scale = scale,
        };

    /// <summary>A parent and a child with every common type family, as a source schema of <see cref="SourceEngine"/>.</summary>
    protected DatabaseSchema MixedSchema(string? schemaName)
    {
        var parent = new QualifiedName(schemaName, "Parent \"quoted\"");
        var child = new QualifiedName(schemaName, "child");
        return new DatabaseSchema
        {
            Engine = SourceEngine,
            Tables =
            [
                new TableSchema
                {
                    Name = parent,
                    Columns =
                    [
                        Col(1, "id", LogicalType.Int64, nullable: false) with { Identity = IdentityKind.Identity },
                        Col(2, "name", LogicalType.String, nullable: false, length: 40),
                        Col(3, "active", LogicalType.Boolean),
                        Col(4, "born", LogicalType.Date),
                        Col(5, "score", LogicalType.Float64),
                        Col(6, "price", LogicalType.Decimal, precision: 10, scale: 2),
                        Col(7, "seen_at", LogicalType.DateTime),
                        Col(8, "code", LogicalType.FixedString, length: 3),
                        Col(9, "notes", LogicalType.Text),
                        Col(10, "blob", LogicalType.Binary),
                        Col(11, "token", LogicalType.Uuid),
                        Col(12, "select", LogicalType.Int32),
                    ],
                    PrimaryKey = new KeySchema("pk_parent", ["id"]),
                    UniqueKeys = [new KeySchema("uq_parent_name", ["name"])],
                },
                new TableSchema
                {
                    Name = child,
                    Columns =
                    [
                        Col(1, "id", LogicalType.Int32, nullable: false),
                        Col(2, "parent_id", LogicalType.Int64, nullable: false),
                        Col(3, "amount", LogicalType.Decimal, precision: 12, scale: 2),
                    ],
                    PrimaryKey = new KeySchema("pk_child", ["id"]),
                    ForeignKeys =
                    [
                        new ForeignKeySchema { Name = "fk_child_parent", Table = child, Columns = ["parent_id"], PrincipalTable = parent, PrincipalColumns = ["id"] },
                    ],
                    Indexes = [new IndexSchema("ix_child_amount", ["amount"], false)],
                },
            ],
        };
    }

    protected static object?[] ParentRow(long id) =>
    [
        id, $"name {id} 'é\"", id % 2 == 0, new DateOnly(2000, 1, 1).AddDays((int)id), id * 0.5, 10.25m + id,
        new DateTime(2024, 5, 6, 7, 8, 9).AddSeconds(id), "abc", id % 3 == 0 ? null : "some\nnotes; drop", new byte[] { 1, 2, (byte)id },
        new Guid((int)id, 0, 0, new byte[8]), (long)(id * 7),
    ];

    protected async Task<(DatabaseSchema Schema, DbConnection Connection)> CreateAndLoadAsync(TestDatabase db, int parentRows, int childRows)
    {
        var connection = await db.OpenAsync();
        var warnings = new List<string>();
        var target = SchemaMapper.ToTarget(MixedSchema(null), Fixture.Engine, Adapter.DefaultSchema(connection), warnings);
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        var parent = target.Tables[0];
        var child = target.Tables[1];
        Assert.Equal(parentRows, await Adapter.BulkWriter.WriteAsync(connection, parent, Rows(Enumerable.Range(1, parentRows).Select(i => ParentRow(i))), CancellationToken.None));
        Assert.Equal(childRows, await Adapter.BulkWriter.WriteAsync(connection, child,
            Rows(Enumerable.Range(1, childRows).Select(i => new object?[] { (long)i, (long)(i % parentRows) + 1, i % 5 == 0 ? null : i * 1.5m })), CancellationToken.None));
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.AnalyzeAsync(connection, target, CancellationToken.None);
        return (target, connection);
    }

    protected static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    protected async Task<List<object?[]>> ReadAllAsync(DbConnection connection, TableSchema table)
    {
        var transaction = await Adapter.Reader.BeginReadOnlyAsync(connection, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in Adapter.Reader.ReadRowsAsync(connection, transaction, table, CancellationToken.None))
        {
            rows.Add(row);
        }
        if (transaction is not null) await transaction.DisposeAsync();
        return rows;
    }

    [SkippableFact]
    public async Task Loaded_rows_read_back_as_the_same_canonical_values()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateAndLoadAsync(db, parentRows: 50, childRows: 200);
        await using var _ = connection;
        var parentRows = (await ReadAllAsync(connection, schema.Tables[0])).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(50, parentRows.Count);
        for (var i = 0; i < parentRows.Count; i++)
        {
            Assert.Equal(ParentRow(i + 1), parentRows[i]);
        }
        var childRows = await ReadAllAsync(connection, schema.Tables[1]);
        Assert.Equal(200, childRows.Count);
        Assert.Equal(200m * 201 / 2 * 1.5m - Enumerable.Range(1, 200).Where(i => i % 5 == 0).Sum(i => i * 1.5m), childRows.Sum(r => (decimal?)r[2] ?? 0m));
    }

    [SkippableFact]
    public async Task Foreign_keys_are_enforced_after_the_load_and_identities_accept_new_rows()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateAndLoadAsync(db, parentRows: 10, childRows: 30);
        await using var _ = connection;
        var d = Adapter.Dialect;
        await using (var orphan = connection.CreateCommand())
        {
            orphan.CommandText = $"INSERT INTO {d.Quote(schema.Tables[1].Name)} ({d.Quote("id")}, {d.Quote("parent_id")}) VALUES (1000, 999)";
            await Assert.ThrowsAnyAsync<DbException>(() => orphan.ExecuteNonQueryAsync());
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {d.Quote(schema.Tables[0].Name)} ({d.Quote("name")}) VALUES ('new one')";
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        await using (var max = connection.CreateCommand())
        {
            max.CommandText = $"SELECT MAX({d.Quote("id")}) FROM {d.Quote(schema.Tables[0].Name)}";
            Assert.Equal(11L, Convert.ToInt64(await max.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [SkippableFact]
    public async Task Unique_and_not_null_constraints_are_created()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateAndLoadAsync(db, parentRows: 3, childRows: 3);
        await using var _ = connection;
        var d = Adapter.Dialect;
        await using var duplicate = connection.CreateCommand();
        duplicate.CommandText = $"INSERT INTO {d.Quote(schema.Tables[0].Name)} ({d.Quote("name")}) VALUES ({ParentRowNameLiteral})";
        await Assert.ThrowsAnyAsync<DbException>(() => duplicate.ExecuteNonQueryAsync());
        await using var nullName = connection.CreateCommand();
        nullName.CommandText = $"INSERT INTO {d.Quote(schema.Tables[0].Name)} ({d.Quote("name")}) VALUES (NULL)";
        await Assert.ThrowsAnyAsync<DbException>(() => nullName.ExecuteNonQueryAsync());
    }

    /// <summary>SQL literal of the first parent row's name (engines escape quotes differently).</summary>
    protected virtual string ParentRowNameLiteral => "'name 1 ''é\"'";
}
