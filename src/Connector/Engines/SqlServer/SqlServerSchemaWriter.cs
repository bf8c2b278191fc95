using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>
/// Writes the clone's schema on SQL Server. Same engine: types, defaults, computed columns and
/// CHECKs as written, schemas created where missing. Identity of any source becomes
/// IDENTITY(1,1) on an integer column (one per table, as SQL Server allows); the bulk load keeps
/// the given keys and <see cref="ResetIdentitiesAsync"/> reseeds past the largest. From another
/// engine an enum or set column gets a CHECK listing its values (enum: one of them). Foreign keys
/// are added WITH CHECK after the load, so the server validates every row and trusts the key.
/// Constraint names are unique per schema in SQL Server: a name that would repeat (MySQL's
/// PRIMARY, for instance) is left out and the server names the constraint.
/// </summary>
internal sealed class SqlServerSchemaWriter : ISchemaWriter
{
    private readonly SqlServerDialect _d;
    private readonly ConcurrentQueue<string> _warnings = new();

    public SqlServerSchemaWriter(SqlServerDialect dialect) => _d = dialect;

    public IReadOnlyCollection<string> Warnings => _warnings;

    public async Task CreateTablesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var name in schema.Tables.Select(t => t.Name.Schema).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "IF SCHEMA_ID(@name) IS NULL EXEC(@ddl)";
            AddParameter(create, "@name", name);
            AddParameter(create, "@ddl", "CREATE SCHEMA " + _d.Quote(name));
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            await ExecuteAsync(connection, CreateTableSql(table, names), cancellationToken);
        }
    }

    public string CreateTableSql(TableSchema table, ISet<string> constraintNames)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(constraintNames);
        var source = SchemaMapper.SourceEngineOf(table);
        var same = source == DatabaseEngine.SqlServer;
        var indexed = TableKeys.IndexedColumns(table);
        var identity = IdentityColumn(table);
        var lines = new List<string>();
        foreach (var column in table.Columns)
        {
            var sql = new StringBuilder(_d.Quote(column.Name)).Append(' ');
            if (column.GeneratedSql is { } expression && same)
            {
                var persisted = column.Annotations.TryGetValue("sqlserver.persisted", out var p) && p == "true";
                lines.Add(sql.Append("AS (").Append(expression).Append(persisted ? ") PERSISTED" : ")").ToString());
                continue;
            }
            sql.Append(SqlServerTypeMapper.MapType(column, source, indexed.Contains(column.Name)));
            if (same && column.Collation is { } collation && collation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                sql.Append(" COLLATE ").Append(collation);
            }
            if (ReferenceEquals(column, identity)) sql.Append(" IDENTITY(1,1)");
            sql.Append(column.IsNullable || column.GeneratedSql is not null ? " NULL" : " NOT NULL");
            if (column.DefaultSql is { } defaultSql && !ReferenceEquals(column, identity) && column.GeneratedSql is null)
            {
                sql.Append(" DEFAULT ").Append(same || defaultSql.StartsWith('(') ? defaultSql : "(" + PortableDefault(defaultSql) + ")");
            }
            if (column.GeneratedSql is not null)
            {
                _warnings.Enqueue($"Computed column {table.Name}.{column.Name} is written as a plain nullable column: its expression is {source}'s SQL.");
            }
            lines.Add(sql.ToString());
        }
        if (table.PrimaryKey is { Columns.Count: > 0 } pk)
        {
            lines.Add($"{ConstraintClause(pk.Name, constraintNames)}PRIMARY KEY ({_d.QuoteList(pk.Columns)})");
        }
        foreach (var unique in table.UniqueKeys.Where(k => k.Columns.Count > 0))
        {
            lines.Add($"{ConstraintClause(unique.Name, constraintNames)}UNIQUE ({_d.QuoteList(unique.Columns)})");
        }
        foreach (var check in table.CheckConstraints)
        {
            lines.Add($"{ConstraintClause(check.Name, constraintNames)}CHECK ({check.Expression})");
        }
        if (!same)
        {
            foreach (var column in table.Columns.Where(c => c.LogicalType == LogicalType.Enum && c.EnumValues is { Count: > 0 }))
            {
                lines.Add($"CHECK ({_d.Quote(column.Name)} IN ({string.Join(", ", column.EnumValues!.Select(SqlServerDialect.Literal))}))");
            }
        }
        return $"CREATE TABLE {_d.Quote(table.Name)} (\n  {string.Join(",\n  ", lines)}\n)";
    }

    /// <summary>
    /// A literal default from another engine. Quoted strings become N'' literals; numbers stay.
    /// </summary>
    private static string PortableDefault(string literal) => literal.Length >= 2 && literal[0] == '\'' ? "N" + literal : literal;


    /// <summary>The one IDENTITY column: the first integer identity column, primary key columns first.</summary>
    public static ColumnSchema? IdentityColumn(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keyed = table.PrimaryKey?.Columns ?? [];
        return table.Columns
            .Where(c => c.Identity != IdentityKind.None && c.GeneratedSql is null
                && c.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64
                    or LogicalType.Decimal)
            .OrderBy(c => keyed.Contains(c.Name) ? 0 : 1)
            .ThenBy(c => c.Ordinal)
            .FirstOrDefault();
    }

    public async Task CreateForeignKeysAndIndexesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            var same = SchemaMapper.SourceEngineOf(table) == DatabaseEngine.SqlServer;
            var indexNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var index in table.Indexes)
            {
                if (index.Columns.Count == 0)
                {
                    _warnings.Enqueue($"Index {index.Name} on {table.Name} has no plain columns; it is not recreated.");
                    continue;
                }
                var name = TargetNames.Fits(index.Name, _d) && indexNames.Add(index.Name) ? index.Name : $"ix_{indexNames.Count}_{Guid.NewGuid():N}"[..30];
                var filter = same && index.Filter is { } f ? " WHERE " + f : "";
                await ExecuteAsync(connection,
                    $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {_d.Quote(name)} ON {_d.Quote(table.Name)} ({_d.QuoteList(index.Columns)}){filter}",
                    cancellationToken);
            }
        }
        foreach (var fk in schema.ForeignKeys)
        {
            await ExecuteAsync(connection,
                $"ALTER TABLE {_d.Quote(fk.Table)} WITH CHECK ADD {ConstraintClause(fk.Name, names)}FOREIGN KEY ({_d.QuoteList(fk.Columns)}) "
                + $"REFERENCES {_d.Quote(fk.PrincipalTable)} ({_d.QuoteList(fk.PrincipalColumns)}) ON DELETE {Action(fk.OnDelete)} ON UPDATE {Action(fk.OnUpdate)}",
                cancellationToken);
        }
    }

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        // SQL Server has no RESTRICT; NO ACTION is checked at the end of the statement, which is what RESTRICT means here.
        _ => "NO ACTION",
    };

    public async Task<IReadOnlyList<string>> CreateViewsAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var warnings = new List<string>();
        var pending = new List<ViewSchema>();
        foreach (var view in schema.Views)
        {
            if (view.Definition is null) warnings.Add($"View {view.Name} has no definition; it is not created.");
            else pending.Add(view);
        }
        var errors = new Dictionary<ViewSchema, string>();
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var view in pending.ToList())
            {
                var definition = view.Definition!.Trim();
                var sql = definition.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) ? definition : $"CREATE VIEW {_d.Quote(view.Name)} AS {definition}";
                try
                {
                    await ExecuteAsync(connection, sql, cancellationToken);
                    pending.Remove(view);
                    progress = true;
                }
                catch (DbException e)
                {
                    errors[view] = e.Message;
                }
            }
        }
        warnings.AddRange(pending.Select(v => $"View {v.Name} was not created ({errors[v]}); its tables may not all be cloned."));
        foreach (var w in warnings) _warnings.Enqueue(w);
        return warnings;
    }

    /// <summary>SQL Server triggers are not read yet; nothing to create.</summary>
    public Task<IReadOnlyList<string>> CreateTriggersAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public async Task ResetIdentitiesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            if (IdentityColumn(table) is not { } column) continue;
            await using var max = connection.CreateCommand();
            max.CommandText = $"SELECT MAX({_d.Quote(column.Name)}) FROM {_d.Quote(table.Name)}";
            var value = await max.ExecuteScalarAsync(cancellationToken);
            // An empty table keeps its seed: the first insert takes it.
            if (value is null or DBNull) continue;
            var top = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            // DBCC CHECKIDENT takes the table as a string; the number is formatted, never user text.
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"DBCC CHECKIDENT ({SqlServerDialect.Literal(_d.Quote(table.Name))}, RESEED, {top}) WITH NO_INFOMSGS"), cancellationToken);
        }
    }

    public async Task AnalyzeAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            await ExecuteAsync(connection, $"UPDATE STATISTICS {_d.Quote(table.Name)}", cancellationToken);
        }
    }

    public async Task DropTablesAsync(DbConnection connection, IReadOnlyList<QualifiedName> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        // Foreign keys that point at a dropped table (from any table) go first.
        foreach (var table in tables)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = """
                DECLARE @sql nvarchar(max) = N'';
                SELECT @sql += N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(parent_object_id)) + N'.' + QUOTENAME(OBJECT_NAME(parent_object_id))
                    + N' DROP CONSTRAINT ' + QUOTENAME(name) + N';'
                FROM sys.foreign_keys WHERE referenced_object_id = OBJECT_ID(@table);
                EXEC sp_executesql @sql;
                """;
            AddParameter(drop, "@table", _d.Quote(table));
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {_d.Quote(table)}", cancellationToken);
        }
    }


    private string ConstraintClause(string? name, ISet<string> taken) =>
        name is not null && TargetNames.Fits(name, _d) && !string.Equals(name, "PRIMARY", StringComparison.OrdinalIgnoreCase) && taken.Add(name)
            ? $"CONSTRAINT {_d.Quote(name)} "
            : "";

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
