using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>
/// Writes a SQLite clone's schema. SQLite cannot add a foreign key to an existing table, so
/// <see cref="CreateTablesAsync"/> writes everything inline: columns, defaults, collations, generated
/// columns, keys, checks and foreign keys (a table may name a parent created after it). A single-column
/// integer primary key with an identity of any kind becomes <c>INTEGER PRIMARY KEY</c>, the rowid alias
/// that numbers new rows past the largest key (AUTOINCREMENT where the source had it). The load runs
/// with foreign keys off (see <see cref="SqliteBulkWriter"/>); <see cref="CreateForeignKeysAndIndexesAsync"/>
/// then runs <c>PRAGMA foreign_key_check</c>, throws if any row is an orphan, creates the indexes and
/// switches foreign keys on for the connection.
/// </summary>
internal sealed class SqliteSchemaWriter : ISchemaWriter
{
    private const string AutoIncrementAnnotation = "sqlite:autoincrement";
    private static readonly SqliteDialect D = SqliteDialect.Instance;
    private readonly ConcurrentQueue<string> _warnings = new();

    /// <summary>What was left out or changed while writing.</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    public async Task CreateTablesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            await ExecuteAsync(connection, CreateTableDdl(table), cancellationToken);
        }
    }

    private string CreateTableDdl(TableSchema table)
    {
        var source = SchemaMapper.SourceEngineOf(table);
        var sameEngine = source == DatabaseEngine.Sqlite;
        var rowId = RowIdColumn(table);
        var parts = new List<string>();
        foreach (var column in table.Columns)
        {
            var sql = new StringBuilder(D.Quote(column.Name));
            if (column == rowId)
            {
                sql.Append(" INTEGER PRIMARY KEY");
                if (column.Annotations.TryGetValue(AutoIncrementAnnotation, out var auto) && auto == "true") sql.Append(" AUTOINCREMENT");
            }
            else
            {
                var type = SqliteTypeMapper.Instance.MapType(column, source);
                if (type.Length > 0) sql.Append(' ').Append(type);
            }
            if (!column.IsNullable) sql.Append(" NOT NULL");
            if (sameEngine && column.Collation is { } collation) sql.Append(" COLLATE ").Append(D.Quote(collation));
            if (column.GeneratedSql is { } generated)
            {
                if (sameEngine || column.Annotations.ContainsKey(PortableExpressions.TranslatedAnnotation))
                {
                    var stored = !sameEngine || (column.Annotations.TryGetValue("sqlite:generated", out var kind) && kind == "stored");
                    sql.Append(" GENERATED ALWAYS AS (").Append(generated).Append(stored ? ") STORED" : ") VIRTUAL");
                }
                else
                {
                    _warnings.Enqueue($"{table.Name}.{column.Name} is generated on {source} as {generated}; it is written as a plain column, left NULL.");
                    if (!column.IsNullable) sql.Replace(" NOT NULL", "");
                }
            }
            else if (column != rowId && DefaultOf(column, sameEngine) is { } defaultSql)
            {
                sql.Append(" DEFAULT (").Append(defaultSql).Append(')');
            }
            if (!sameEngine && column.LogicalType == LogicalType.Enum && column.EnumValues is { Count: > 0 } values)
            {
                sql.Append(" CHECK (").Append(D.Quote(column.Name)).Append(" IN (").Append(string.Join(", ", values.Select(SqliteDialect.Literal))).Append("))");
            }
            parts.Add(sql.ToString());
        }
        if (table.PrimaryKey is { } pk && rowId is null) parts.Add(Constraint(pk.Name, sameEngine) + $"PRIMARY KEY ({D.QuoteList(pk.Columns)})");
        foreach (var unique in table.UniqueKeys)
        {
            parts.Add(Constraint(unique.Name, sameEngine) + $"UNIQUE ({D.QuoteList(unique.Columns)})");
        }
        foreach (var check in table.CheckConstraints)
        {
            var expression = check.Expression.TrimStart().StartsWith("CHECK", StringComparison.OrdinalIgnoreCase) ? check.Expression : $"CHECK ({check.Expression})";
            parts.Add(Constraint(check.Name, sameEngine) + expression);
        }
        foreach (var fk in table.ForeignKeys)
        {
            parts.Add(Constraint(fk.Name, sameEngine) + $"FOREIGN KEY ({D.QuoteList(fk.Columns)}) REFERENCES {D.Quote(fk.PrincipalTable.Name)} ({D.QuoteList(fk.PrincipalColumns)})" +
                $" ON DELETE {Action(fk.OnDelete)} ON UPDATE {Action(fk.OnUpdate)}");
        }
        var options = new List<string>();
        if (sameEngine && table.Annotations.TryGetValue("sqlite:without_rowid", out var withoutRowId) && withoutRowId == "true" && rowId is null) options.Add("WITHOUT ROWID");
        if (sameEngine && table.Annotations.TryGetValue("sqlite:strict", out var strict) && strict == "true") options.Add("STRICT");
        return $"CREATE TABLE {D.Quote(table.Name)} (\n  {string.Join(",\n  ", parts)}\n){string.Join(",", options.Select(o => " " + o))}";
    }

    /// <summary>The column that becomes the rowid alias: a one-column primary key of an integer type that the database numbers.</summary>
    private static ColumnSchema? RowIdColumn(TableSchema table)
    {
        if (table.PrimaryKey is not { Columns.Count: 1 } pk) return null;
        var column = table.FindColumn(pk.Columns[0]);
        if (column is null || column.GeneratedSql is not null) return null;
        var integer = column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64;
        var declaredInteger = SchemaMapper.SourceEngineOf(table) == DatabaseEngine.Sqlite && column.NativeType.Trim().Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
        return integer && (column.Identity != IdentityKind.None || declaredInteger) ? column : null;
    }

    /// <summary>Constraint names are kept from SQLite only: another engine's may repeat across tables.</summary>
    private static string Constraint(string? name, bool sameEngine) => sameEngine && name is not null ? $"CONSTRAINT {D.Quote(name)} " : "";


    private static string? DefaultOf(ColumnSchema column, bool sameEngine)
    {
        var sql = column.DefaultSql?.Trim();
        if (string.IsNullOrEmpty(sql)) return null;
        if (sameEngine || column.LogicalType != LogicalType.Boolean) return sql;
        // Booleans are stored as 0/1 here.
        return sql.Trim('\'').ToUpperInvariant() switch { "TRUE" => "1", "FALSE" => "0", _ => sql };
    }

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    /// <summary>
    /// Proves the loaded rows with <c>PRAGMA foreign_key_check</c> (the foreign keys are in the tables
    /// already), then creates the indexes and switches foreign keys on for this connection.
    /// </summary>
    public async Task CreateForeignKeysAndIndexesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        await CheckForeignKeysAsync(connection, cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            var sameEngine = SchemaMapper.SourceEngineOf(table) == DatabaseEngine.Sqlite;
            foreach (var index in table.Indexes)
            {
                if (sameEngine && index.Definition is { } definition)
                {
                    names.Add(index.Name);
                    await CreateIndexAsync(connection, definition, index, table, cancellationToken);
                    continue;
                }
                if (PortableIndexes.IsSpecial(index))
                {
                    _warnings.Enqueue($"Index {index.Name} on {table.Name} is a {index.Definition!.ToLowerInvariant()} index of another engine; SQLite has none without an extension, so it is not created.");
                    continue;
                }
                if (index.Columns.Count == 0)
                {
                    _warnings.Enqueue($"Index {index.Name} on {table.Name} is an expression index of another engine; not created.");
                    continue;
                }
                // Index names are per database here, per table in MySQL: a clash takes the table's name as prefix.
                var name = names.Add(index.Name) ? index.Name : $"{table.Name.Name}_{index.Name}";
                names.Add(name);
                // Across engines the mapper has put the predicate in this engine's SQL, or dropped it.
                var filter = index.Filter is { } predicate ? $" WHERE {predicate}" : "";
                await CreateIndexAsync(connection,
                    $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {D.Quote(name)} ON {D.Quote(table.Name)} ({D.QuoteList(index.Columns)}){filter}", index, table, cancellationToken);
            }
        }
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON", cancellationToken);
    }

    /// <summary>
    /// Creates an index; a unique one the synthetic rows repeat a key of (over an expression, or over a part of the rows,
    /// which the sampler does not keep unique) is created as a plain index, with a warning, rather than failing the clone.
    /// </summary>
    private async Task CreateIndexAsync(DbConnection connection, string sql, IndexSchema index, TableSchema table, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, sql, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && index.IsUnique && UniqueIndexSql.IsMatch(sql))
        {
            await ExecuteAsync(connection, UniqueIndexSql.Replace(sql, "CREATE INDEX", 1), cancellationToken);
            _warnings.Enqueue(PortableIndexes.NotUniqueWarning(index, table));
        }
    }

    private static readonly System.Text.RegularExpressions.Regex UniqueIndexSql = new(@"^\s*CREATE\s+UNIQUE\s+INDEX", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static async Task CheckForeignKeysAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        long total = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                total++;
                if (violations.Count < 10)
                {
                    var rowId = reader.IsDBNull(1) ? "(without rowid)" : reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
                    violations.Add($"{reader.GetString(0)} rowid {rowId} -> {reader.GetString(2)} (foreign key #{reader.GetInt64(3).ToString(CultureInfo.InvariantCulture)})");
                }
            }
        }
        if (total > 0)
        {
            throw new InvalidOperationException(
                $"The clone breaks {total} foreign key reference(s): a row points at a parent row that does not exist. First: {string.Join("; ", violations)}. " +
                "The loaded rows are kept for inspection; this is a bug in the synthetic keys, please report it with the metadata file.");
        }
    }

    /// <summary>
    /// Creates each view (a full CREATE VIEW statement where the definition is one, as SQLite stores it)
    /// and keeps it only if it can be queried: SQLite does not check a view's tables until it is used.
    /// Returns the warnings of the views skipped.
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateViewsAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var pending = schema.Views.Where(v => !string.IsNullOrWhiteSpace(v.Definition)).ToList();
        var errors = new Dictionary<QualifiedName, string>();
        bool progress;
        do
        {
            progress = false;
            foreach (var view in pending.ToList())
            {
                try
                {
                    await ExecuteAsync(connection, ViewDdl(view), cancellationToken);
                }
                catch (DbException e)
                {
                    errors[view.Name] = e.Message;
                    continue;
                }
                try
                {
                    await ExecuteAsync(connection, $"SELECT * FROM {D.Quote(view.Name.Name)} LIMIT 0", cancellationToken);
                    pending.Remove(view);
                    progress = true;
                }
                catch (DbException e)
                {
                    errors[view.Name] = e.Message;
                    await ExecuteAsync(connection, $"DROP VIEW IF EXISTS {D.Quote(view.Name.Name)}", cancellationToken);
                }
            }
        }
        while (progress && pending.Count > 0);
        var warnings = pending.Select(v => $"View {v.Name} is not created: {errors[v.Name]} (it reads something that was not cloned).")
            .Concat(schema.Views.Where(v => string.IsNullOrWhiteSpace(v.Definition)).Select(v => $"View {v.Name} has no definition; not created."))
            .ToList();
        foreach (var warning in warnings) _warnings.Enqueue(warning);
        return warnings;
    }

    private static string ViewDdl(ViewSchema view)
    {
        var definition = view.Definition!.Trim().TrimEnd(';');
        return definition.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) ? definition : $"CREATE VIEW {D.Quote(view.Name.Name)} AS {definition}";
    }

    /// <summary>
    /// A rowid table numbers the next row past its largest rowid by itself. An AUTOINCREMENT table keeps
    /// its high-water mark in sqlite_sequence, which a load with explicit keys already raises; it is set
    /// to the largest key all the same, so the clone never depends on that side effect.
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateTriggersAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var tables = schema.Tables.Select(t => t.Name).ToHashSet();
        var warnings = await SourceCode.RunAsync(connection,
            schema.Triggers.Where(t => tables.Contains(t.Table)).Select(t => ($"Trigger {t.Name} on {t.Table}", t.Definition)), cancellationToken);
        foreach (var w in warnings) _warnings.Enqueue(w);
        return warnings;
    }

    public async Task ResetIdentitiesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0) return;
        }
        foreach (var table in schema.Tables)
        {
            if (RowIdColumn(table) is not { } column || !column.Annotations.TryGetValue(AutoIncrementAnnotation, out var auto) || auto != "true") continue;
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM sqlite_sequence WHERE name = $name; " +
                $"INSERT INTO sqlite_sequence (name, seq) SELECT $name, COALESCE(max({D.Quote(column.Name)}), 0) FROM {D.Quote(table.Name)}";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$name";
            parameter.Value = table.Name.Name;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task AnalyzeAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "ANALYZE", cancellationToken);

    /// <summary>Drops with foreign keys off (SQLite would otherwise check each drop), children and parents alike.</summary>
    public async Task DropTablesAsync(DbConnection connection, IReadOnlyList<QualifiedName> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", cancellationToken);
        try
        {
            foreach (var table in tables)
            {
                await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {D.Quote(table)}", cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
