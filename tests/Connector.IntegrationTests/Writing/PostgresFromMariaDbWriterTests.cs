using Npgsql;
using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on PostgreSQL with a schema from MariaDB: the cross-engine type mapping.</summary>
public sealed class PostgresFromMariaDbWriterTests(PostgresFixture fixture) : WriterSuite<PostgresFixture>(fixture)
{
    protected override DatabaseEngine SourceEngine => DatabaseEngine.MySql;

    [SkippableFact]
    public async Task MariaDb_types_map_to_postgres_with_enum_checks_and_unsigned_widening()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var table = new QualifiedName("shop", "item");
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.MySql,
            Tables =
            [
                new TableSchema
                {
                    Name = table,
                    Columns =
                    [
                        new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "int(10) unsigned", LogicalType = LogicalType.Int32, IsNullable = false, Identity = IdentityKind.AutoIncrement },
                        new ColumnSchema { Name = "size", Ordinal = 2, NativeType = "enum('S','M','L')", LogicalType = LogicalType.Enum, IsNullable = false, EnumValues = ["S", "M", "L"], DefaultSql = "'M'" },
                        new ColumnSchema { Name = "flags", Ordinal = 3, NativeType = "set('a','b')", LogicalType = LogicalType.Set, IsNullable = true, EnumValues = ["a", "b"] },
                        new ColumnSchema { Name = "on_sale", Ordinal = 4, NativeType = "tinyint(1)", LogicalType = LogicalType.Boolean, IsNullable = false, DefaultSql = "1" },
                        new ColumnSchema { Name = "attrs", Ordinal = 5, NativeType = "longtext", LogicalType = LogicalType.Json, IsNullable = true },
                        new ColumnSchema { Name = "price", Ordinal = 6, NativeType = "decimal(12,3)", LogicalType = LogicalType.Decimal, IsNullable = true, Precision = 12, Scale = 3 },
                    ],
                    PrimaryKey = new KeySchema("PRIMARY", ["id"]),
                    Indexes = [new IndexSchema("size", ["size"], false)],
                },
            ],
        };
        var target = SchemaMapper.ToTarget(source, DatabaseEngine.PostgreSql, "public", new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        var rows = new object?[][] { [4000000000L, "S", "a,b", true, "{\"k\": [1, 2]}", 12.345m], [4000000001L, "L", null, false, null, null] };
        Assert.Equal(2, await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows(rows), CancellationToken.None));
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);

        var read = (await ReadAllAsync(connection, target.Tables[0])).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(rows, read);
        await using var types = connection.CreateCommand();
        types.CommandText = "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'public.item'::regclass AND attnum > 0";
        Assert.Equal("id bigint, size text, flags text, on_sale boolean, attrs jsonb, price numeric(12,3)", await types.ExecuteScalarAsync());
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO item DEFAULT VALUES RETURNING id, size, on_sale";
        await using (var reader = await insert.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(4000000002L, reader.GetInt64(0));
            Assert.Equal("M", reader.GetString(1));
            Assert.True(reader.GetBoolean(2));
        }
        await using var bad = connection.CreateCommand();
        bad.CommandText = "INSERT INTO item (size) VALUES ('XL')";
        var e = await Assert.ThrowsAsync<PostgresException>(() => bad.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
    }
}
