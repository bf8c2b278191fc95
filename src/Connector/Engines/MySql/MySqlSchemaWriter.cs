using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// Writes the clone's schema on MySQL/MariaDB. Tables are InnoDB, utf8mb4; from another engine
/// their collation is utf8mb4_bin, so that values that differ only in case (distinct keys in
/// PostgreSQL or SQLite) stay distinct. Same engine: types, defaults, ON UPDATE, generated columns,
/// collations and CHECKs as written. Identity of any source becomes AUTO_INCREMENT where the column
/// is an integer and the first column of the primary key (MySQL wants an AUTO_INCREMENT column to
/// lead a key that exists when the table is created). Foreign keys are added after the load, each
/// once a query has found no loaded row without its parent (a key with one is added with
/// foreign_key_checks=1, so the server refuses it). Names that MySQL keeps unique per
/// database (foreign keys, and checks on MySQL 8) are dropped where they would repeat, letting the
/// server name the constraint. Oddities are collected in <see cref="Warnings"/>.
/// </summary>
internal sealed partial class MySqlSchemaWriter : ISchemaWriter
{
    private readonly MySqlDialect _d;
    private readonly ConcurrentQueue<string> _warnings = new();

    public MySqlSchemaWriter(MySqlDialect dialect) => _d = dialect;

    public IReadOnlyCollection<string> Warnings => _warnings;

    public async Task CreateTablesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var checkNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (schema.Sequences.Count > 0) await MySqlSequences.CreateAsync(connection, _d, schema, cancellationToken);
        foreach (var table in schema.Tables)
        {
            await ExecuteAsync(connection, CreateTableSql(table, checkNames, schema.DatabaseName), cancellationToken);
        }
        // Routines after the tables (MySQL checks neither defaults nor generated columns against them), where the
        // tables are the connection's database: their definitions name no database and land in the current one.
        if (schema.Routines.Count > 0)
        {
            if (InCurrentDatabase(connection, schema))
            {
                foreach (var w in await SourceCode.RunAsync(connection, schema.Routines.Select(r => ($"The {r.Kind} {r.Name.Name}", r.Definition)), cancellationToken)) _warnings.Enqueue(w);
            }
            else
            {
                _warnings.Enqueue($"{schema.Routines.Count} routine(s) are not created: the tables are not written to the connection's database {connection.Database}.");
            }
        }
    }

    private static bool InCurrentDatabase(DbConnection connection, DatabaseSchema schema) =>
        schema.Tables.All(t => t.Name.Schema is null || string.Equals(t.Name.Schema, connection.Database, StringComparison.Ordinal));

    public async Task<IReadOnlyList<string>> CreateTriggersAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        var tables = schema.Tables.Select(t => t.Name.Name).ToHashSet(StringComparer.Ordinal);
        var triggers = schema.Triggers.Where(t => tables.Contains(t.Table.Name)).ToList();
        var warnings = triggers.Count > 0 && !InCurrentDatabase(connection, schema)
            ? [$"{triggers.Count} trigger(s) are not created: the tables are not written to the connection's database {connection.Database}."]
            : await SourceCode.RunAsync(connection, triggers.Select(t => ($"Trigger {t.Name} on {t.Table.Name}", t.Definition)), cancellationToken);
        foreach (var w in warnings) _warnings.Enqueue(w);
        return warnings;
    }

    /// <summary>The CREATE TABLE statement of one table (no foreign keys, no secondary indexes).</summary>
    /// <param name="sourceDatabase">The source's database (same engine): its name is taken out of defaults that name it.</param>
    public string CreateTableSql(TableSchema table, ISet<string> checkNames, string? sourceDatabase = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(checkNames);
        var source = SchemaMapper.SourceEngineOf(table);
        var same = source == DatabaseEngine.MySql;
        var indexed = TableKeys.IndexedColumns(table);
        var autoIncrement = AutoIncrementColumn(table);
        if (!same)
        {
            foreach (var column in table.Columns.Where(c => c.Identity != IdentityKind.None && !ReferenceEquals(c, autoIncrement)))
            {
                _warnings.Enqueue($"Identity column {table.Name}.{column.Name} is not the leading integer column of the primary key; it is written as a plain column.");
            }
        }

        var lines = new List<string>();
        var rowWarnings = new List<string>();
        var asText = MySqlRowSize.ColumnsAsText(table, source, indexed, rowWarnings);
        foreach (var w in rowWarnings) _warnings.Enqueue(w);
        foreach (var column in table.Columns)
        {
            var written = same && column.DefaultSql is { } d ? column with { DefaultSql = MySqlSequences.Rebase(d, _d, sourceDatabase) } : column;
            if (asText.Contains(column.Name)) written = written with { MaxLength = null };
            lines.Add(ColumnSql(table, written, same, indexed.Contains(column.Name), ReferenceEquals(column, autoIncrement)));
        }
        if (table.PrimaryKey is { Columns.Count: > 0 } pk)
        {
            lines.Add($"PRIMARY KEY ({_d.QuoteList(pk.Columns)})");
        }
        var indexNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PRIMARY" };
        foreach (var unique in table.UniqueKeys.Where(k => k.Columns.Count > 0))
        {
            lines.Add($"UNIQUE KEY {NameClause(unique.Name, indexNames)}({_d.QuoteList(unique.Columns)}){LongKeyHash(table, unique.Columns, same)}");
        }
        foreach (var check in table.CheckConstraints)
        {
            // A column's CHECK is named after the column, as a unique key on it is; written at table level, MariaDB
            // refuses the pair ("Duplicate CHECK constraint name"), so such a check is written unnamed.
            var name = check.Name is not null && indexNames.Contains(check.Name) ? null : check.Name;
            lines.Add($"{ConstraintClause(name, checkNames)}CHECK ({check.Expression})");
        }

        var options = same ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
        if (table.Comment is { } comment) options += " COMMENT=" + MySqlDialect.Literal(comment.Length > 2048 ? comment[..2048] : comment);
        // Partitions: MySQL keeps them inside the table, so the clause is the whole of it; rows are routed by the server.
        if (same && table.Annotations.TryGetValue("mysql.partition-by", out var partitions)) options += "\n" + partitions;
        return $"CREATE TABLE {_d.Quote(table.Name)} (\n  {string.Join(",\n  ", lines)}\n) {options}";
    }

    private string ColumnSql(TableSchema table, ColumnSchema column, bool same, bool indexed, bool autoIncrement)
    {
        var source = SchemaMapper.SourceEngineOf(table);
        var sql = new StringBuilder(_d.Quote(column.Name)).Append(' ').Append(MySqlTypeMapper.MapType(column, source, indexed));
        if (same && column.Collation is { } collation && SafeWord().IsMatch(collation))
        {
            sql.Append(" COLLATE ").Append(collation);
        }
        if (column.GeneratedSql is { } expression)
        {
            if (same || column.Annotations.ContainsKey(PortableExpressions.TranslatedAnnotation))
            {
                var stored = !same || (column.Annotations.TryGetValue("mysql.generated", out var kind) && kind == "stored");
                // MariaDB refuses NULL / NOT NULL and defaults on generated columns: the expression says it all.
                return sql.Append(" AS (").Append(expression).Append(stored ? ") STORED" : ") VIRTUAL").ToString();
            }
            _warnings.Enqueue($"Generated column {table.Name}.{column.Name} is written as a plain nullable column: its expression is {source}'s SQL.");
            return sql.Append(" NULL").ToString();
        }
        sql.Append(column.IsNullable ? " NULL" : " NOT NULL");
        if (autoIncrement)
        {
            sql.Append(" AUTO_INCREMENT");
        }
        else if (column.DefaultSql is { } defaultSql)
        {
            sql.Append(" DEFAULT ").Append(same ? defaultSql : PortableDefault(defaultSql, MySqlTypeMapper.MapType(column, source, indexed)));
        }
        if (same && column.Annotations.TryGetValue("mysql.on_update", out var onUpdate))
        {
            sql.Append(" ON UPDATE ").Append(onUpdate);
        }
        if (column.Annotations.TryGetValue("comment", out var comment))
        {
            sql.Append(" COMMENT ").Append(MySqlDialect.Literal(comment.Length > 1024 ? comment[..1024] : comment));
        }
        return sql.ToString();
    }

    /// <summary>
    /// A portable default from another engine (<see cref="PortableDefaults"/>) in MySQL's words: the clock at the
    /// column's precision (DATETIME(6) takes CURRENT_TIMESTAMP(6) only), dates and times as expressions,
    /// booleans as 1/0, a quoted string with its backslashes doubled (MySQL reads them as escapes).
    /// </summary>
    private static string PortableDefault(string neutral, string mappedType)
    {
        var precision = mappedType.Contains('(', StringComparison.Ordinal) && mappedType.StartsWith("datetime", StringComparison.OrdinalIgnoreCase)
            ? mappedType[mappedType.IndexOf('(', StringComparison.Ordinal)..] : "";
        return neutral switch
        {
            PortableDefaults.Timestamp => "CURRENT_TIMESTAMP" + precision,
            PortableDefaults.Date => "(CURRENT_DATE)",
            PortableDefaults.Time => "(CURRENT_TIME)",
            "TRUE" => "1",
            "FALSE" => "0",
            _ when neutral.Length >= 2 && neutral[0] == '\'' => neutral.Replace("\\", "\\\\", StringComparison.Ordinal),
            _ => neutral,
        };
    }


    /// <summary>The column that becomes AUTO_INCREMENT: an identity, integer column leading the primary key (or null).</summary>
    public static ColumnSchema? AutoIncrementColumn(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.PrimaryKey is not { Columns.Count: > 0 } pk) return null;
        var column = table.FindColumn(pk.Columns[0]);
        // A bigint unsigned key is a Decimal(20,0) by its logical type, yet an integer in MySQL, written as the source has it.
        var sameEngineCounter = column is { LogicalType: LogicalType.Decimal, Scale: null or 0 }
            && SchemaMapper.SourceEngineOf(table) == DatabaseEngine.MySql
            && column.NativeType.StartsWith("bigint", StringComparison.OrdinalIgnoreCase);
        return column is { Identity: not IdentityKind.None, GeneratedSql: null }
            && (column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 || sameEngineCounter)
            ? column
            : null;
    }

    public async Task CreateForeignKeysAndIndexesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var fkNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            var indexNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PRIMARY" };
            foreach (var key in table.UniqueKeys) if (key.Name is not null) indexNames.Add(key.Name);
            var same = SchemaMapper.SourceEngineOf(table) == DatabaseEngine.MySql;
            foreach (var index in table.Indexes)
            {
                if (IndexSql(table, index, same, indexNames) is { } sql) await ExecuteAsync(connection, sql, cancellationToken);
            }
        }

        // With foreign_key_checks=1, ALTER TABLE ADD FOREIGN KEY copies the whole child table to check it (4.6 s a key on a
        // 720,000-row table, two thirds of a 1M-row sample); with 0 it only records the key. So each key's rows are checked
        // here first, by a query that stops at the first orphan, and a key with an orphan is added with the checks on, for
        // the server's own refusal (error 1452, which names the key).
        await ExecuteAsync(connection, "SET foreign_key_checks = 0", cancellationToken);
        try
        {
            foreach (var fk in schema.Tables.SelectMany(t => t.ForeignKeys))
            {
                var sql = ForeignKeySql(fk, fkNames);
                if (await HasOrphanAsync(connection, fk, cancellationToken))
                {
                    await ExecuteAsync(connection, "SET foreign_key_checks = 1", cancellationToken);
                }
                await ExecuteAsync(connection, sql, cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SET foreign_key_checks = 1", CancellationToken.None);
        }
    }

    /// <summary>
    /// Whether a row of the key's table has every key column set and no parent row with those values: what InnoDB's
    /// check refuses (a key with a NULL column is not checked, MATCH SIMPLE).
    /// </summary>
    private async Task<bool> HasOrphanAsync(DbConnection connection, ForeignKeySchema fk, CancellationToken cancellationToken)
    {
        var set = string.Join(" AND ", fk.Columns.Select(c => $"c.{_d.Quote(c)} IS NOT NULL"));
        var match = string.Join(" AND ", fk.Columns.Zip(fk.PrincipalColumns, (c, p) => $"p.{_d.Quote(p)} = c.{_d.Quote(c)}"));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM {_d.Quote(fk.Table)} c WHERE {set} AND NOT EXISTS (SELECT 1 FROM {_d.Quote(fk.PrincipalTable)} p WHERE {match}) LIMIT 1";
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public string ForeignKeySql(ForeignKeySchema fk, ISet<string> names)
    {
        ArgumentNullException.ThrowIfNull(fk);
        return $"ALTER TABLE {_d.Quote(fk.Table)} ADD {ConstraintClause(fk.Name, names)}FOREIGN KEY ({_d.QuoteList(fk.Columns)}) "
            + $"REFERENCES {_d.Quote(fk.PrincipalTable)} ({_d.QuoteList(fk.PrincipalColumns)}) "
            + $"ON DELETE {Action(fk, fk.OnDelete)} ON UPDATE {Action(fk, fk.OnUpdate)}";
    }

    private string Action(ForeignKeySchema fk, ReferentialAction action)
    {
        switch (action)
        {
            case ReferentialAction.Cascade: return "CASCADE";
            case ReferentialAction.SetNull: return "SET NULL";
            case ReferentialAction.Restrict: return "RESTRICT";
            case ReferentialAction.SetDefault:
                _warnings.Enqueue($"Foreign key {fk} has SET DEFAULT, which InnoDB does not support; it is written as NO ACTION.");
                return "NO ACTION";
            default: return "NO ACTION";
        }
    }

    private string? IndexSql(TableSchema table, IndexSchema index, bool same, ISet<string> names)
    {
        var name = NameClause(index.Name, names);
        if (same && index.Definition is { } definition && IndexDefinition().Match(definition) is { Success: true } m)
        {
            // The MySQL introspector describes prefix and functional indexes as "TYPE (parts)".
            var kind = m.Groups[1].Value.ToUpperInvariant();
            var parts = m.Groups[2].Value;
            var prefix = kind switch { "FULLTEXT" => "FULLTEXT ", "SPATIAL" => "SPATIAL ", _ => index.IsUnique ? "UNIQUE " : "" };
            var usingClause = kind is "BTREE" or "HASH" ? " USING " + kind : "";
            return $"CREATE {prefix}INDEX {name}ON {_d.Quote(table.Name)} ({parts}){usingClause}";
        }
        if (index.Columns.Count == 0)
        {
            _warnings.Enqueue($"Index {index.Name} on {table.Name} is an expression index of another engine; it is not recreated.");
            return null;
        }
        if (index.Definition == PortableIndexes.Spatial)
        {
            // InnoDB indexes only NOT NULL geometries.
            if (index.Columns.Any(c => table.FindColumn(c) is not { IsNullable: false }))
            {
                _warnings.Enqueue($"Spatial index {index.Name} on {table.Name} is not created: MySQL indexes NOT NULL geometry columns only, and {string.Join(", ", index.Columns)} may be NULL.");
                return null;
            }
            return $"CREATE SPATIAL INDEX {name}ON {_d.Quote(table.Name)} ({_d.QuoteList(index.Columns)})";
        }
        if (index.Definition == PortableIndexes.FullText)
        {
            return $"CREATE FULLTEXT INDEX {name}ON {_d.Quote(table.Name)} ({_d.QuoteList(index.Columns)})";
        }
        if (index.Filter is not null)
        {
            _warnings.Enqueue($"Partial index {index.Name} on {table.Name} is created on all rows: MySQL has no partial indexes.");
        }
        var source = SchemaMapper.SourceEngineOf(table);
        return index.IsUnique
            ? $"CREATE UNIQUE INDEX {name}ON {_d.Quote(table.Name)} ({_d.QuoteList(index.Columns)}){LongKeyHash(table, index.Columns, same)}"
            : $"CREATE INDEX {name}ON {_d.Quote(table.Name)} ({string.Join(", ", MySqlRowSize.IndexParts(table, index.Columns, source, _d.Quote))})";
    }

    /// <summary>
    /// USING HASH for a unique key from another engine longer than InnoDB's 3,072-byte key (four VARCHAR(255) in utf8mb4):
    /// MariaDB keeps such a key unique through a hash of the whole values ("Specified key was too long" before); a prefix
    /// would make distinct values collide.
    /// </summary>
    private static string LongKeyHash(TableSchema table, IReadOnlyList<string> columns, bool same) =>
        !same && MySqlRowSize.KeyBytes(table, columns, SchemaMapper.SourceEngineOf(table)) > MySqlRowSize.MaxKeyBytes ? " USING HASH" : "";

    public async Task<IReadOnlyList<string>> CreateViewsAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        var warnings = new List<string>();
        var pending = schema.Views.Where(v => v.Definition is not null).ToList();
        foreach (var view in schema.Views.Where(v => v.Definition is null)) warnings.Add($"View {view.Name} has no definition; it is not created.");
        var errors = new Dictionary<ViewSchema, string>();
        // Views may read other views: retry until a pass creates nothing new.
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var view in pending.ToList())
            {
                try
                {
                    await ExecuteAsync(connection, ViewSql(view, schema, connection.Database), cancellationToken);
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

    private string ViewSql(ViewSchema view, DatabaseSchema schema, string targetDatabase)
    {
        var definition = view.Definition!.Trim();
        // information_schema.VIEWS qualifies every table with the source database: point them at the target.
        if (!string.IsNullOrEmpty(schema.DatabaseName) && !string.Equals(schema.DatabaseName, targetDatabase, StringComparison.Ordinal))
        {
            definition = definition.Replace(_d.Quote(schema.DatabaseName) + ".", _d.Quote(targetDatabase) + ".", StringComparison.Ordinal);
        }
        // Every view goes to the clone's database, whatever database the source's was in: a name kept as it was could
        // be the source's own database on the same server, which the clone must never write.
        var name = new QualifiedName(targetDatabase, view.Name.Name);
        return definition.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
            ? definition
            : $"CREATE OR REPLACE VIEW {_d.Quote(name)} AS {definition}";
    }

    public async Task ResetIdentitiesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            if (AutoIncrementColumn(table) is not { } column) continue;
            await using var max = connection.CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX({_d.Quote(column.Name)}), 0) FROM {_d.Quote(table.Name)}";
            var next = Convert.ToDecimal(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
            // AUTO_INCREMENT takes a literal only; the number is formatted, never user text.
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"ALTER TABLE {_d.Quote(table.Name)} AUTO_INCREMENT = {next}"), cancellationToken);
        }
        if (schema.Sequences.Count > 0) await MySqlSequences.ResetAsync(connection, _d, schema, cancellationToken);
    }

    public bool AddsChecksAfterLoad => true;

    public async Task AddCheckAfterLoadAsync(DbConnection connection, TableSchema table, CheckConstraintSchema check, bool rowsBreakIt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(check);
        // Unnamed: a column's CHECK shares its name with the column's unique key, which MariaDB refuses in one table.
        var add = $"ALTER TABLE {_d.Quote(table.Name)} ADD CHECK ({PortableChecks.BodyOf(check.Expression)})";
        if (!rowsBreakIt)
        {
            await ExecuteAsync(connection, add, cancellationToken);
            return;
        }

        // Kept for new rows without judging the loaded ones: MariaDB by turning the check off for this statement, MySQL
        // (which has no such switch) by a CHECK that is NOT ENFORCED.
        try
        {
            await ExecuteAsync(connection, "SET SESSION check_constraint_checks = 0", cancellationToken);
        }
        catch (DbException)
        {
            await ExecuteAsync(connection, add + " NOT ENFORCED", cancellationToken);
            return;
        }

        try
        {
            await ExecuteAsync(connection, add, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SET SESSION check_constraint_checks = 1", CancellationToken.None);
        }
    }

    public async Task AnalyzeAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Tables.Count == 0) return;
        await ExecuteAsync(connection, $"ANALYZE TABLE {string.Join(", ", schema.Tables.Select(t => _d.Quote(t.Name)))}", cancellationToken);
    }

    public async Task DropTablesAsync(DbConnection connection, IReadOnlyList<QualifiedName> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0) return;
        // Foreign keys between the dropped tables (and from others) would otherwise fix the drop order.
        await ExecuteAsync(connection, "SET foreign_key_checks = 0", cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {string.Join(", ", tables.Select(_d.Quote))}", cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SET foreign_key_checks = 1", CancellationToken.None);
        }
    }


    /// <summary>
    /// "`name` " for a named index or unique key: its name where it is new and fits, else one made from it (TargetNames.Fitted:
    /// an emoji spelled out, cut to 64 characters, numbered), as CREATE INDEX must name one; "" where it has none.
    /// </summary>
    private string NameClause(string? name, ISet<string> taken) =>
        name is null ? "" : _d.Quote(TargetNames.Fitted(name, _d, taken)) + " ";

    /// <summary>"CONSTRAINT `name` " for a new name (made to fit as in <see cref="NameClause"/>); "" for a repeated one, which the server names.</summary>
    private string ConstraintClause(string? name, ISet<string> taken) =>
        name is null || taken.Contains(name) ? "" : $"CONSTRAINT {_d.Quote(TargetNames.Fitted(name, _d, taken))} ";

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex SafeWord();

    [GeneratedRegex(@"^\s*(BTREE|HASH|FULLTEXT|SPATIAL|RTREE)\s*\((.*)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex IndexDefinition();
}
