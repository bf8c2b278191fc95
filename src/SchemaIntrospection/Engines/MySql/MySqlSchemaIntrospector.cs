using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>
/// Reads the connection's current database (DATABASE()) of MySQL 8 or MariaDB 10.x from
/// information_schema: one query per kind of object for all tables, grouped in memory. A MySQL
/// database is what other engines call a schema, so <see cref="QualifiedName.Schema"/> is the
/// database name.
/// </summary>
internal sealed class MySqlSchemaIntrospector : ISchemaIntrospector
{
    public DatabaseEngine Engine => DatabaseEngine.MySql;

    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IntrospectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);

        var head = (await CatalogQuery.ListAsync<ServerRow>(connection, "SELECT DATABASE() AS DatabaseName, VERSION() AS Version", cancellationToken).ConfigureAwait(false))[0];
        var database = head.DatabaseName ?? throw new InvalidOperationException(
            "The MySQL/MariaDB connection has no current database; name one in the connection string (Database=...).");
        var version = head.Version;
        var flavor = new Flavor(version);
        var warnings = new List<string>();

        if (options.Schemas.Count > 0 && !options.Schemas.Contains(database, StringComparer.Ordinal))
        {
            warnings.Add($"MySQL has one schema per database: the schema list ({string.Join(", ", options.Schemas)}) is ignored and the connection's database {database} is read.");
        }
        // The schema list names PostgreSQL/SQL Server schemas; here the database is the schema, so only the globs apply.
        var filter = new TableFilter(new IntrospectionOptions { Include = options.Include, Exclude = options.Exclude });

        var tables = await ReadTablesAsync(connection, database, filter, warnings, cancellationToken).ConfigureAwait(false);
        foreach (var (name, info) in tables.Where(t => t.Value.Annotations.ContainsKey("mysql.partitioned")))
        {
            if (await MySqlCatalogObjects.PartitionClauseAsync(connection, name, cancellationToken).ConfigureAwait(false) is { } clause)
                ((Dictionary<string, string>)info.Annotations)["mysql.partition-by"] = clause;
        }
        var checks = await ReadChecksAsync(connection, flavor, tables, warnings, cancellationToken).ConfigureAwait(false);
        var columns = await ReadColumnsAsync(connection, flavor, tables, checks, warnings, cancellationToken).ConfigureAwait(false);
        columns = await MySqlEnumLabels.RecoverAsync(connection, database, columns, warnings, cancellationToken).ConfigureAwait(false);
        var indexes = await ReadIndexesAsync(connection, flavor, tables, warnings, cancellationToken).ConfigureAwait(false);
        var foreignKeys = await ReadForeignKeysAsync(connection, database, tables, filter, warnings, cancellationToken).ConfigureAwait(false);
        var views = await ReadViewsAsync(connection, database, filter, cancellationToken).ConfigureAwait(false);

        var result = new List<TableSchema>(tables.Count);
        foreach (var (name, info) in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            indexes.TryGetValue(name, out var tableIndexes);
            var table = new TableSchema
            {
                Name = new QualifiedName(database, name),
                Columns = columns.TryGetValue(name, out var cols) ? cols : [],
                PrimaryKey = tableIndexes?.PrimaryKey,
                UniqueKeys = tableIndexes?.UniqueKeys ?? [],
                Indexes = tableIndexes?.Indexes ?? [],
                ForeignKeys = foreignKeys.TryGetValue(name, out var fks) ? fks : [],
                CheckConstraints = checks.TryGetValue(name, out var tableChecks) ? tableChecks.Kept : [],
                RowCount = info.EstimatedRows,
                Comment = string.IsNullOrEmpty(info.Comment) ? null : info.Comment,
                Annotations = info.Annotations,
            };
            if (table.Columns.Count == 0) warnings.Add($"Table {table.Name} has no columns in information_schema.COLUMNS (no privilege on it?).");
            if (table.PrimaryKey is null) warnings.Add($"Table {table.Name} has no primary key.");
            if (options.ExactRowCounts)
            {
                table = table with { RowCount = await CountRowsAsync(connection, database, name, cancellationToken).ConfigureAwait(false), RowCountIsExact = true };
            }
            result.Add(table);
        }

        return new DatabaseSchema
        {
            Engine = DatabaseEngine.MySql,
            DatabaseName = database,
            ServerVersion = version,
            Tables = result.OrderBy(t => t.Name, QualifiedName.Order).ToList(),
            Views = views,
            Sequences = await ReadSequencesAsync(connection, database, flavor, filter, cancellationToken).ConfigureAwait(false),
            Routines = await MySqlCatalogObjects.RoutinesAsync(connection, database, warnings, cancellationToken).ConfigureAwait(false),
            Triggers = await MySqlCatalogObjects.TriggersAsync(connection, database, tables.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false),
            Warnings = warnings,
        };
    }

    private static async Task<SortedDictionary<string, TableInfo>> ReadTablesAsync(
        DbConnection connection, string database, TableFilter filter, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT TABLE_NAME AS TableName, TABLE_TYPE AS TableType, TABLE_ROWS AS EstimatedRows, TABLE_COLLATION AS Collation,
                   AUTO_INCREMENT AS NextId, TABLE_COMMENT AS Comment, CREATE_OPTIONS AS CreateOptions, ENGINE AS StorageEngine
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
            ORDER BY TABLE_NAME
            """;
        var tables = new SortedDictionary<string, TableInfo>(StringComparer.Ordinal);
        foreach (var row in await CatalogQuery.ListAsync<TableRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var name = row.TableName;
            if (!filter.Includes(new QualifiedName(database, name))) continue;
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            var engine = row.StorageEngine;
            if (engine is not null) annotations["mysql.engine"] = engine;
            if (row.NextId is { } nextId) annotations["mysql.auto_increment"] = nextId.ToString(CultureInfo.InvariantCulture);
            if (row.CreateOptions.Contains("partitioned", StringComparison.OrdinalIgnoreCase))
            {
                // MySQL partitions live inside the table, so there are no partition tables to group under it.
                annotations["mysql.partitioned"] = "true";
            }
            if (row.TableType == "SYSTEM VERSIONED")
            {
                annotations["mysql.system_versioned"] = "true";
                warnings.Add($"Table {database}.{name} is system-versioned; only its current rows are read.");
            }
            if (engine is not null && !engine.Equals("InnoDB", StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"Table {database}.{name} uses the {engine} storage engine, which may not enforce foreign keys or transactions.");
            }
            tables[name] = new TableInfo(row.EstimatedRows, row.Collation, row.Comment, annotations);
        }
        return tables;
    }

    private static async Task<Dictionary<string, TableChecks>> ReadChecksAsync(
        DbConnection connection, Flavor flavor, SortedDictionary<string, TableInfo> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TableChecks>(StringComparer.Ordinal);
        string sql;
        if (flavor.IsMariaDb)
        {
            // MariaDB names checks per table (a column check is named after its column), so TABLE_NAME is part of the key.
            sql = """
                SELECT TABLE_NAME AS TableName, CONSTRAINT_NAME AS Name, CHECK_CLAUSE AS Clause
                FROM information_schema.CHECK_CONSTRAINTS
                WHERE CONSTRAINT_SCHEMA = DATABASE()
                ORDER BY TABLE_NAME, CONSTRAINT_NAME
                """;
        }
        else if (flavor.AtLeast(8, 0, 16))
        {
            // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME; check names are unique per schema, and TABLE_CONSTRAINTS says whose.
            sql = """
                SELECT tc.TABLE_NAME AS TableName, cc.CONSTRAINT_NAME AS Name, cc.CHECK_CLAUSE AS Clause
                FROM information_schema.TABLE_CONSTRAINTS tc
                JOIN information_schema.CHECK_CONSTRAINTS cc
                  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
                ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME
                """;
        }
        else
        {
            warnings.Add($"Server {flavor.Version} predates enforced CHECK constraints (MySQL 8.0.16); none are read.");
            return result;
        }

        foreach (var row in await CatalogQuery.ListAsync<CheckRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var table = row.TableName;
            if (!tables.ContainsKey(table)) continue;
            if (!result.TryGetValue(table, out var checks)) result[table] = checks = new TableChecks();
            var name = row.Name;
            var clause = row.Clause;
            if (JsonValidColumn(clause) is { } jsonColumn)
            {
                // MariaDB's JSON type is LONGTEXT plus this check: the column becomes Json and the check is implied by it.
                checks.JsonColumns.Add(jsonColumn);
                continue;
            }
            checks.Kept.Add(new CheckConstraintSchema(name, clause));
        }
        return result;
    }

    /// <summary>The column of a check that is exactly <c>json_valid(`column`)</c>, or null.</summary>
    internal static string? JsonValidColumn(string clause)
    {
        const string prefix = "json_valid(`";
        var c = clause.Trim();
        if (!c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !c.EndsWith("`)", StringComparison.Ordinal)) return null;
        var inner = c[prefix.Length..^2];
        // A backtick inside the name is doubled; an undoubled one means the clause is more than one column.
        var name = inner.Replace("``", "\u0001", StringComparison.Ordinal);
        return name.Contains('`', StringComparison.Ordinal) ? null : name.Replace("\u0001", "`", StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, IReadOnlyList<ColumnSchema>>> ReadColumnsAsync(
        DbConnection connection, Flavor flavor, SortedDictionary<string, TableInfo> tables, Dictionary<string, TableChecks> checks,
        List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT TABLE_NAME AS TableName, COLUMN_NAME AS Name, ORDINAL_POSITION AS Ordinal, COLUMN_DEFAULT AS DefaultValue,
                   IS_NULLABLE AS Nullable, DATA_TYPE AS DataType, CHARACTER_MAXIMUM_LENGTH AS MaxLength, NUMERIC_PRECISION AS NumericPrecision,
                   NUMERIC_SCALE AS NumericScale, DATETIME_PRECISION AS DateTimePrecision, COLLATION_NAME AS Collation, COLUMN_TYPE AS ColumnType,
                   EXTRA AS Extra, GENERATION_EXPRESSION AS Generation, COLUMN_COMMENT AS Comment
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME, ORDINAL_POSITION
            """;
        var result = new Dictionary<string, List<ColumnSchema>>(StringComparer.Ordinal);
        foreach (var row in await CatalogQuery.ListAsync<ColumnRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var tableName = row.TableName;
            if (!tables.TryGetValue(tableName, out var table)) continue;
            var name = row.Name;
            var dataType = row.DataType.ToLowerInvariant();
            var columnType = row.ColumnType;
            var extra = row.Extra;
            var isJson = checks.TryGetValue(tableName, out var tableChecks) && tableChecks.JsonColumns.Contains(name);

            var parsed = MySqlColumnType.Parse(columnType);
            MySqlMappedType mapped;
            try
            {
                mapped = MySqlTypeMapping.Map(dataType, parsed, row.MaxLength, row.NumericPrecision, row.NumericScale, row.DateTimePrecision, isJson);
            }
            catch (FormatException e)
            {
                mapped = new MySqlMappedType(LogicalType.Other) { Warning = $"its type {columnType} could not be parsed ({e.Message})" };
            }
            if (mapped.Warning is not null) warnings.Add($"Column {tableName}.{name}: {mapped.Warning}.");

            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            if (row.Comment is { Length: > 0 } comment) annotations["comment"] = comment;
            if (parsed.IsUnsigned) annotations["mysql.unsigned"] = "true";
            if (parsed.IsZerofill) annotations["mysql.zerofill"] = "true";
            var onUpdate = extra.IndexOf("on update ", StringComparison.OrdinalIgnoreCase);
            if (onUpdate >= 0) annotations["mysql.on_update"] = extra[(onUpdate + "on update ".Length)..].Trim();

            var generation = row.Generation;
            string? generatedSql = null;
            if (!string.IsNullOrEmpty(generation) || extra.Contains("GENERATED", StringComparison.OrdinalIgnoreCase)
                || extra.Contains("PERSISTENT", StringComparison.OrdinalIgnoreCase))
            {
                generatedSql = generation;
                annotations["mysql.generated"] = extra.Contains("STORED", StringComparison.OrdinalIgnoreCase)
                    || extra.Contains("PERSISTENT", StringComparison.OrdinalIgnoreCase) ? "stored" : "virtual";
            }

            var collation = row.Collation;
            if (collation is null || mapped.LogicalType is LogicalType.Json
                || string.Equals(collation, table.Collation, StringComparison.OrdinalIgnoreCase))
            {
                collation = null;
            }

            var column = new ColumnSchema
            {
                Name = name,
                Ordinal = row.Ordinal,
                NativeType = columnType,
                LogicalType = mapped.LogicalType,
                IsNullable = row.Nullable.Equals("YES", StringComparison.OrdinalIgnoreCase),
                DefaultSql = generatedSql is null ? MySqlDefaults.Normalize(row.DefaultValue, extra, dataType, flavor.IsMariaDb) : null,
                Identity = extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase) ? IdentityKind.AutoIncrement : IdentityKind.None,
                GeneratedSql = generatedSql,
                MaxLength = mapped.MaxLength,
                Precision = mapped.Precision,
                Scale = mapped.Scale,
                Collation = collation,
                EnumValues = mapped.EnumValues,
                Annotations = annotations.Count == 0 ? EmptyAnnotations.Instance : annotations,
            };
            if (!result.TryGetValue(tableName, out var list)) result[tableName] = list = [];
            list.Add(column);
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ColumnSchema>)p.Value, StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, TableIndexes>> ReadIndexesAsync(
        DbConnection connection, Flavor flavor, SortedDictionary<string, TableInfo> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        // MySQL 8.0.13+ has functional key parts (COLUMN_NAME null, EXPRESSION set); MariaDB has no EXPRESSION column.
        var expression = !flavor.IsMariaDb && flavor.AtLeast(8, 0, 13) ? "EXPRESSION" : "NULL";
        var sql = $"""
            SELECT TABLE_NAME AS TableName, INDEX_NAME AS IndexName, NON_UNIQUE AS NonUnique, COLUMN_NAME AS ColumnName,
                   SUB_PART AS SubPart, INDEX_TYPE AS IndexType, {expression} AS Expression
            FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """;
        var parts = new Dictionary<(string Table, string Index), List<IndexPart>>();
        var order = new List<(string Table, string Index)>();
        foreach (var row in await CatalogQuery.ListAsync<IndexRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var table = row.TableName;
            if (!tables.ContainsKey(table)) continue;
            var key = (table, row.IndexName);
            if (!parts.TryGetValue(key, out var list))
            {
                parts[key] = list = [];
                order.Add(key);
            }
            list.Add(new IndexPart(row.ColumnName, row.SubPart, row.IndexType, row.Expression, !row.NonUnique));
        }

        var result = new Dictionary<string, TableIndexes>(StringComparer.Ordinal);
        foreach (var key in order)
        {
            var list = parts[key];
            if (!result.TryGetValue(key.Table, out var tableIndexes)) result[key.Table] = tableIndexes = new TableIndexes();
            var columns = list.Where(p => p.Column is not null).Select(p => p.Column!).ToList();
            var isPlain = list.All(p => p.Column is not null && p.SubPart is null) && list[0].Type.Equals("BTREE", StringComparison.OrdinalIgnoreCase);
            var isUnique = list[0].IsUnique;
            if (key.Index == "PRIMARY")
            {
                tableIndexes.PrimaryKey = new KeySchema("PRIMARY", columns);
            }
            else if (isUnique && list.All(p => p.Column is not null && p.SubPart is null))
            {
                // In MySQL a UNIQUE constraint is a unique index and nothing else, so both are reported as unique keys.
                tableIndexes.UniqueKeys.Add(new KeySchema(key.Index, columns));
            }
            else
            {
                if (isUnique)
                {
                    warnings.Add($"Unique index {key.Index} on {key.Table} covers column prefixes or expressions; it is kept as an index, not a key.");
                }
                tableIndexes.Indexes.Add(new IndexSchema(key.Index, columns, isUnique) { Definition = isPlain ? null : Describe(list) });
            }
        }
        return result;
    }

    /// <summary>A readable definition of an index that is more than a list of whole columns.</summary>
    private static string Describe(List<IndexPart> parts)
    {
        // MariaDB reports a SUB_PART (32) for a SPATIAL key part that CREATE SPATIAL INDEX refuses.
        var prefixes = !parts[0].Type.Equals("SPATIAL", StringComparison.OrdinalIgnoreCase) && !parts[0].Type.Equals("FULLTEXT", StringComparison.OrdinalIgnoreCase);
        var items = parts.Select(p => p.Column is null
            ? "(" + p.Expression + ")"
            : prefixes && p.SubPart is { } prefix ? $"{IdentifierQuoting.Backticks.Quote(p.Column)}({prefix.ToString(CultureInfo.InvariantCulture)})" : IdentifierQuoting.Backticks.Quote(p.Column));
        return $"{parts[0].Type} ({string.Join(", ", items)})";
    }

    private static async Task<Dictionary<string, IReadOnlyList<ForeignKeySchema>>> ReadForeignKeysAsync(
        DbConnection connection, string database, SortedDictionary<string, TableInfo> tables, TableFilter filter,
        List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT k.TABLE_NAME AS TableName, k.CONSTRAINT_NAME AS Name, k.COLUMN_NAME AS ColumnName,
                   k.REFERENCED_TABLE_SCHEMA AS PrincipalSchema, k.REFERENCED_TABLE_NAME AS PrincipalTable,
                   k.REFERENCED_COLUMN_NAME AS PrincipalColumn, r.UPDATE_RULE AS UpdateRule, r.DELETE_RULE AS DeleteRule
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.REFERENTIAL_CONSTRAINTS r
              ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """;
        var groups = new List<(string Table, string Name, List<ForeignKeyRow> Rows)>();
        foreach (var row in await CatalogQuery.ListAsync<ForeignKeyRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var table = row.TableName;
            if (!tables.ContainsKey(table)) continue;
            var name = row.Name;
            if (groups.Count == 0 || groups[^1].Table != table || groups[^1].Name != name) groups.Add((table, name, []));
            groups[^1].Rows.Add(row);
        }

        var result = new Dictionary<string, List<ForeignKeySchema>>(StringComparer.Ordinal);
        foreach (var (table, name, rows) in groups)
        {
            var first = rows[0];
            var principal = new QualifiedName(first.PrincipalSchema ?? database, first.PrincipalTable);
            var fk = new ForeignKeySchema
            {
                Name = name,
                Table = new QualifiedName(database, table),
                Columns = rows.Select(r => r.ColumnName).ToList(),
                PrincipalTable = principal,
                PrincipalColumns = rows.Select(r => r.PrincipalColumn).ToList(),
                OnUpdate = Action(first.UpdateRule),
                OnDelete = Action(first.DeleteRule),
            };
            if (!string.Equals(principal.Schema, database, StringComparison.Ordinal))
            {
                warnings.Add($"Foreign key {name} of {fk.Table} references {principal} in another database, which is not read.");
            }
            else if (!tables.ContainsKey(principal.Name))
            {
                warnings.Add(filter.Includes(principal)
                    ? $"Foreign key {name} of {fk.Table} references {principal}, which was not found."
                    : $"Table {fk.Table} has a foreign key ({name}) to {principal}, which is excluded; include it or exclude {fk.Table.Name} too.");
            }
            if (!result.TryGetValue(table, out var list)) result[table] = list = [];
            list.Add(fk);
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ForeignKeySchema>)p.Value, StringComparer.Ordinal);
    }

    private static ReferentialAction Action(string? rule) => rule?.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        "RESTRICT" => ReferentialAction.Restrict,
        _ => ReferentialAction.NoAction,
    };

    private static async Task<IReadOnlyList<ViewSchema>> ReadViewsAsync(
        DbConnection connection, string database, TableFilter filter, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT TABLE_NAME AS Name, VIEW_DEFINITION AS Definition
            FROM information_schema.VIEWS
            WHERE TABLE_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME
            """;
        return (await CatalogQuery.ListAsync<ViewRow>(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new ViewSchema(new QualifiedName(database, r.Name), r.Definition))
            .Where(v => filter.Includes(v.Name))
            .OrderBy(v => v.Name, QualifiedName.Order)
            .ToList();
    }

    private static async Task<IReadOnlyList<SequenceSchema>> ReadSequencesAsync(
        DbConnection connection, string database, Flavor flavor, TableFilter filter, CancellationToken cancellationToken)
    {
        if (!flavor.IsMariaDb) return [];
        // MariaDB 10.3+ has CREATE SEQUENCE; information_schema lists sequences as tables of their own type.
        const string sql = """
            SELECT TABLE_NAME FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE'
            ORDER BY TABLE_NAME
            """;
        var sequences = new List<SequenceSchema>();
        foreach (var name in await CatalogQuery.ListAsync<string>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var sequence = new SequenceSchema(new QualifiedName(database, name));
            if (filter.Includes(sequence.Name)) sequences.Add(await MySqlCatalogObjects.SequenceAsync(connection, sequence, cancellationToken).ConfigureAwait(false));
        }
        return sequences;
    }

    private static async Task<long> CountRowsAsync(DbConnection connection, string database, string table, CancellationToken cancellationToken)
    {
        var rows = await CatalogQuery.ListAsync<long>(connection, $"SELECT COUNT(*) FROM {IdentifierQuoting.Backticks.Quote(new QualifiedName(database, table))}", cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    // Catalog rows mapped by Dapper by column alias; a property left unset by a NULL keeps its initial value.
    private sealed record ServerRow
    {
        public string? DatabaseName { get; init; }
        public string Version { get; init; } = "";
    }

    private sealed record TableRow
    {
        public string TableName { get; init; } = "";
        public string TableType { get; init; } = "";
        public long? EstimatedRows { get; init; }
        public string? Collation { get; init; }
        // AUTO_INCREMENT is unsigned: an unsigned BIGINT key may be past long's range.
        public ulong? NextId { get; init; }
        public string? Comment { get; init; }
        public string CreateOptions { get; init; } = "";
        public string? StorageEngine { get; init; }
    }

    private sealed record CheckRow
    {
        public string TableName { get; init; } = "";
        public string? Name { get; init; }
        public string Clause { get; init; } = "";
    }

    private sealed record ColumnRow
    {
        public string TableName { get; init; } = "";
        public string Name { get; init; } = "";
        public int Ordinal { get; init; }
        public string? DefaultValue { get; init; }
        public string Nullable { get; init; } = "";
        public string DataType { get; init; } = "";
        // LONGTEXT's 4 GiB does not fit an int.
        public long? MaxLength { get; init; }
        public int? NumericPrecision { get; init; }
        public int? NumericScale { get; init; }
        public int? DateTimePrecision { get; init; }
        public string? Collation { get; init; }
        public string ColumnType { get; init; } = "";
        public string Extra { get; init; } = "";
        public string? Generation { get; init; }
        public string? Comment { get; init; }
    }

    private sealed record IndexRow
    {
        public string TableName { get; init; } = "";
        public string IndexName { get; init; } = "";
        public bool NonUnique { get; init; }
        public string? ColumnName { get; init; }
        public long? SubPart { get; init; }
        public string IndexType { get; init; } = "";
        public string? Expression { get; init; }
    }

    private sealed record ForeignKeyRow
    {
        public string TableName { get; init; } = "";
        public string Name { get; init; } = "";
        public string ColumnName { get; init; } = "";
        public string? PrincipalSchema { get; init; }
        public string PrincipalTable { get; init; } = "";
        public string PrincipalColumn { get; init; } = "";
        public string? UpdateRule { get; init; }
        public string? DeleteRule { get; init; }
    }

    private sealed record ViewRow
    {
        public string Name { get; init; } = "";
        public string? Definition { get; init; }
    }

    private sealed record TableInfo(long? EstimatedRows, string? Collation, string? Comment, IReadOnlyDictionary<string, string> Annotations);

    private sealed class TableChecks
    {
        public List<CheckConstraintSchema> Kept { get; } = [];

        public HashSet<string> JsonColumns { get; } = new(StringComparer.Ordinal);
    }

    private sealed class TableIndexes
    {
        public KeySchema? PrimaryKey { get; set; }

        public List<KeySchema> UniqueKeys { get; } = [];

        public List<IndexSchema> Indexes { get; } = [];
    }

    private sealed record IndexPart(string? Column, long? SubPart, string Type, string? Expression, bool IsUnique);

    /// <summary>Which server and version: MariaDB and MySQL differ in a few catalog columns.</summary>
    private sealed class Flavor
    {
        private readonly Version _number;

        public Flavor(string version)
        {
            Version = version;
            IsMariaDb = version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
            var digits = new string(version.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).Trim('.');
            _number = System.Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var v) ? v : new Version(8, 4, 0);
        }

        public string Version { get; }

        public bool IsMariaDb { get; }

        public bool AtLeast(int major, int minor, int build) => _number >= new Version(major, minor, build);
    }
}
