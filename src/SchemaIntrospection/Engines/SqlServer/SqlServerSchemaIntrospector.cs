using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Engines.CatalogRows;

namespace Sdv.Connector.SchemaIntrospection.Engines.SqlServer;

/// <summary>
/// Reads the connection's database of SQL Server 2016+ (and Azure SQL) from the sys.* catalog
/// views: one query per kind of object for every user table of every schema, grouped in memory
/// by object_id. Schemas are chosen by <see cref="IntrospectionOptions.Schemas"/> (default: all
/// user schemas). Primary keys, unique constraints and unique indexes all come from sys.indexes
/// (is_primary_key / is_unique_constraint name the index after its constraint, so
/// sys.key_constraints adds nothing a second query would need).
/// </summary>
internal sealed class SqlServerSchemaIntrospector : ISchemaIntrospector
{
    public DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IntrospectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        const string headSql = """
            SELECT DB_NAME(),
                   CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)),
                   CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)),
                   CAST(SERVERPROPERTY('Edition') AS nvarchar(128))
            """;
        var head = (await QueryAsync(connection, headSql, cancellationToken).ConfigureAwait(false))[0];
        var databaseName = Str(head[0]);
        var databaseCollation = Str(head[1]);
        var version = $"SQL Server {Str(head[2])} {Str(head[3])}".Trim();
        var filter = new TableFilter(options);
        var warnings = new List<string>();

        var tables = await ReadTablesAsync(connection, filter, warnings, cancellationToken).ConfigureAwait(false);
        var columns = await ReadColumnsAsync(connection, tables, databaseCollation, warnings, cancellationToken).ConfigureAwait(false);
        var rowCounts = await ReadRowCountsAsync(connection, tables, cancellationToken).ConfigureAwait(false);
        var indexes = await ReadIndexesAsync(connection, tables, warnings, cancellationToken).ConfigureAwait(false);
        var foreignKeys = await ReadForeignKeysAsync(connection, tables, filter, warnings, cancellationToken).ConfigureAwait(false);
        var checks = await ReadChecksAsync(connection, tables, warnings, cancellationToken).ConfigureAwait(false);

        var result = new List<TableSchema>(tables.Count);
        foreach (var (objectId, info) in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            indexes.TryGetValue(objectId, out var tableIndexes);
            var annotations = new Dictionary<string, string>(info.Annotations, StringComparer.Ordinal);
            rowCounts.TryGetValue(objectId, out var count);
            if (count.Partitions > 1) annotations["sqlserver.partitions"] = count.Partitions.ToString(CultureInfo.InvariantCulture);
            var table = new TableSchema
            {
                Name = info.Name,
                Columns = columns.TryGetValue(objectId, out var cols) ? cols : [],
                PrimaryKey = tableIndexes?.PrimaryKey,
                UniqueKeys = tableIndexes?.UniqueKeys ?? [],
                Indexes = tableIndexes?.Indexes ?? [],
                ForeignKeys = foreignKeys.TryGetValue(objectId, out var fks) ? fks : [],
                CheckConstraints = checks.TryGetValue(objectId, out var tableChecks) ? tableChecks : [],
                RowCount = count.Rows,
                Comment = info.Comment,
                Annotations = annotations,
            };
            if (table.PrimaryKey is null) warnings.Add($"Table {table.Name} has no primary key.");
            if (options.ExactRowCounts)
            {
                table = table with { RowCount = await CountRowsAsync(connection, info.Name, cancellationToken).ConfigureAwait(false), RowCountIsExact = true };
            }
            result.Add(table);
        }

        return new DatabaseSchema
        {
            Engine = DatabaseEngine.SqlServer,
            DatabaseName = databaseName,
            ServerVersion = version,
            Tables = result.OrderBy(t => t.Name, QualifiedName.Order).ToList(),
            Views = await ReadViewsAsync(connection, filter, cancellationToken).ConfigureAwait(false),
            Sequences = await ReadSequencesAsync(connection, filter, cancellationToken).ConfigureAwait(false),
            UserTypes = await ReadUserTypesAsync(connection, filter, cancellationToken).ConfigureAwait(false),
            Warnings = warnings,
        };
    }

    private static async Task<SortedDictionary<int, TableInfo>> ReadTablesAsync(
        DbConnection connection, TableFilter filter, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.object_id, s.name, t.name, CAST(ep.value AS nvarchar(4000)), t.temporal_type
            FROM sys.tables AS t
            JOIN sys.schemas AS s ON s.schema_id = t.schema_id
            LEFT JOIN sys.extended_properties AS ep
              ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
            WHERE t.is_ms_shipped = 0
            ORDER BY s.name, t.name
            """;
        var tables = new SortedDictionary<int, TableInfo>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(Text(row[1]), Text(row[2]));
            if (!filter.Includes(name)) continue;
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (Long(row[4]))
            {
                case 1:
                    annotations["sqlserver.temporal"] = "history";
                    warnings.Add($"Table {name} is the history table of a system-versioned table; it is read as a plain table.");
                    break;
                case 2:
                    annotations["sqlserver.temporal"] = "system_versioned";
                    break;
            }
            tables[Int(row[0]) ?? 0] = new TableInfo(name, Str(row[3]), annotations);
        }
        return tables;
    }

    private static async Task<Dictionary<int, IReadOnlyList<ColumnSchema>>> ReadColumnsAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, string? databaseCollation, List<string> warnings,
        CancellationToken cancellationToken)
    {
        // bt is the system type under an alias type (sysname -> nvarchar); CLR types (geography, hierarchyid) have none.
        const string sql = """
            SELECT c.object_id, c.column_id, c.name, tp.name, SCHEMA_NAME(tp.schema_id), tp.is_user_defined, bt.name,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.collation_name,
                   dc.definition, cc.definition, cc.is_persisted,
                   CAST(ic.seed_value AS nvarchar(64)), CAST(ic.increment_value AS nvarchar(64)),
                   c.generated_always_type, c.is_rowguidcol, c.is_sparse
            FROM sys.columns AS c
            JOIN sys.tables AS t ON t.object_id = c.object_id
            JOIN sys.types AS tp ON tp.user_type_id = c.user_type_id
            LEFT JOIN sys.types AS bt ON bt.user_type_id = c.system_type_id
            LEFT JOIN sys.default_constraints AS dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
            LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
            LEFT JOIN sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
            WHERE t.is_ms_shipped = 0
            ORDER BY c.object_id, c.column_id
            """;
        var result = new Dictionary<int, List<ColumnSchema>>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = Int(row[0]) ?? 0;
            if (!tables.TryGetValue(objectId, out var table)) continue;
            if (!result.TryGetValue(objectId, out var list)) result[objectId] = list = [];
            var name = Text(row[2]);
            var typeName = Text(row[3]);
            var isUserType = Bool(row[5]);
            var systemType = Str(row[6]) ?? typeName;
            var mapped = SqlServerTypeMapping.Map(systemType, Int(row[7]) ?? 0, Int(row[8]) ?? 0, Int(row[9]) ?? 0);
            if (mapped.Warning is not null) warnings.Add($"Column {table.Name}.{name}: {mapped.Warning}.");
            if (mapped.LogicalType is LogicalType.Spatial)
            {
                warnings.Add($"Column {table.Name}.{name} has the spatial type {mapped.NativeType}; it is kept and flagged, not modelled.");
            }

            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            var isIdentity = Bool(row[11]);
            if (isIdentity)
            {
                if (Str(row[16]) is { } seed) annotations["sqlserver.identity_seed"] = seed;
                if (Str(row[17]) is { } increment) annotations["sqlserver.identity_increment"] = increment;
            }
            string? generatedSql = Str(row[14]);
            if (generatedSql is not null) annotations["sqlserver.computed"] = Bool(row[15]) ? "persisted" : "virtual";
            var generatedAlways = Int(row[18]) ?? 0;
            if (generatedAlways != 0)
            {
                // Period and ledger columns are filled by the server and cannot be written.
                generatedSql ??= generatedAlways switch
                {
                    1 => "GENERATED ALWAYS AS ROW START",
                    2 => "GENERATED ALWAYS AS ROW END",
                    5 => "GENERATED ALWAYS AS TRANSACTION_ID START",
                    6 => "GENERATED ALWAYS AS TRANSACTION_ID END",
                    7 => "GENERATED ALWAYS AS SEQUENCE_NUMBER START",
                    8 => "GENERATED ALWAYS AS SEQUENCE_NUMBER END",
                    _ => $"GENERATED ALWAYS (generated_always_type {generatedAlways.ToString(CultureInfo.InvariantCulture)})",
                };
            }
            if (mapped.NativeType == "rowversion")
            {
                // The server stamps a rowversion on every write; like a computed column it is never written.
                generatedSql ??= "ROWVERSION";
                annotations["sqlserver.rowversion"] = "true";
            }
            if (Bool(row[19])) annotations["sqlserver.rowguidcol"] = "true";
            if (Bool(row[20])) annotations["sqlserver.sparse"] = "true";

            var collation = Str(row[12]);
            if (string.Equals(collation, databaseCollation, StringComparison.OrdinalIgnoreCase)) collation = null;

            list.Add(new ColumnSchema
            {
                Name = name,
                Ordinal = list.Count + 1,
                NativeType = mapped.NativeType,
                LogicalType = mapped.LogicalType,
                IsNullable = Bool(row[10]),
                DefaultSql = SqlServerDefaults.Normalize(Str(row[13])),
                Identity = isIdentity ? IdentityKind.Identity : IdentityKind.None,
                GeneratedSql = generatedSql,
                MaxLength = mapped.MaxLength,
                Precision = mapped.Precision,
                Scale = mapped.Scale,
                Collation = collation,
                UserType = isUserType ? new QualifiedName(Str(row[4]), typeName) : null,
                Annotations = annotations.Count == 0 ? EmptyAnnotations.Instance : annotations,
            });
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ColumnSchema>)p.Value);
    }

    private static async Task<Dictionary<int, (long? Rows, int Partitions)>> ReadRowCountsAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, CancellationToken cancellationToken)
    {
        // The heap (0) or clustered index (1) holds every row once, in one row of sys.partitions per partition.
        const string sql = """
            SELECT p.object_id, SUM(p.rows), COUNT(*)
            FROM sys.partitions AS p
            JOIN sys.tables AS t ON t.object_id = p.object_id
            WHERE p.index_id IN (0, 1) AND t.is_ms_shipped = 0
            GROUP BY p.object_id
            """;
        var result = new Dictionary<int, (long? Rows, int Partitions)>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = Int(row[0]) ?? 0;
            if (tables.ContainsKey(objectId)) result[objectId] = (Long(row[1]), Int(row[2]) ?? 1);
        }
        return result;
    }

    private static async Task<Dictionary<int, TableIndexes>> ReadIndexesAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.object_id, i.index_id, i.name, i.is_primary_key, i.is_unique_constraint, i.is_unique, i.has_filter,
                   i.filter_definition, i.type_desc, ic.key_ordinal, ic.is_included_column, ic.is_descending_key, c.name
            FROM sys.indexes AS i
            JOIN sys.tables AS t ON t.object_id = i.object_id
            JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.is_ms_shipped = 0 AND i.type > 0 AND i.is_hypothetical = 0
            ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id
            """;
        var groups = new List<(int ObjectId, int IndexId, List<object?[]> Rows)>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = Int(row[0]) ?? 0;
            if (!tables.ContainsKey(objectId)) continue;
            var indexId = Int(row[1]) ?? 0;
            if (groups.Count == 0 || groups[^1].ObjectId != objectId || groups[^1].IndexId != indexId) groups.Add((objectId, indexId, []));
            groups[^1].Rows.Add(row);
        }

        var result = new Dictionary<int, TableIndexes>();
        foreach (var (objectId, _, rows) in groups)
        {
            var first = rows[0];
            var name = Text(first[2]);
            if (!result.TryGetValue(objectId, out var tableIndexes)) result[objectId] = tableIndexes = new TableIndexes();
            var keyColumns = rows.Where(r => !Bool(r[10]) && (Int(r[9]) ?? 0) > 0).Select(r => Text(r[12])).ToList();
            var included = rows.Where(r => Bool(r[10])).Select(r => Text(r[12])).ToList();
            // Columnstore indexes have no key order: every column they cover is listed with key_ordinal 0.
            if (keyColumns.Count == 0) keyColumns = rows.Select(r => Text(r[12])).ToList();
            var filter = Bool(first[6]) ? Str(first[7]) : null;
            var type = Text(first[8]);
            if (Bool(first[3]))
            {
                tableIndexes.PrimaryKey = new KeySchema(name, keyColumns);
            }
            else if (Bool(first[5]) && filter is null)
            {
                tableIndexes.UniqueKeys.Add(new KeySchema(name, keyColumns) { IsIndex = !Bool(first[4]) });
            }
            else
            {
                var needsDefinition = included.Count > 0 || rows.Any(r => Bool(r[11]))
                    || !type.Equals("NONCLUSTERED", StringComparison.OrdinalIgnoreCase);
                tableIndexes.Indexes.Add(new IndexSchema(name, keyColumns, Bool(first[5]))
                {
                    Filter = filter,
                    Definition = needsDefinition ? Describe(type, rows, included) : null,
                });
                if (Bool(first[5])) warnings.Add($"Unique index {name} of {tables[objectId].Name} is filtered ({filter}); it is kept as an index, not a key.");
            }
        }
        return result;
    }

    private static string Describe(string type, List<object?[]> rows, List<string> included)
    {
        var keys = rows.Where(r => !Bool(r[10])).Select(r => IdentifierQuoting.Brackets.Quote(Text(r[12])) + (Bool(r[11]) ? " DESC" : string.Empty));
        var text = $"{type} ({string.Join(", ", keys)})";
        return included.Count > 0 ? $"{text} INCLUDE ({string.Join(", ", included.Select(IdentifierQuoting.Brackets.Quote))})" : text;
    }

    private static async Task<Dictionary<int, IReadOnlyList<ForeignKeySchema>>> ReadForeignKeysAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, TableFilter filter, List<string> warnings,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT fk.parent_object_id, fk.name, fkc.constraint_column_id, pc.name, rs.name, rt.name, rc.name,
                   fk.delete_referential_action_desc, fk.update_referential_action_desc, fk.is_disabled, fk.is_not_trusted
            FROM sys.foreign_keys AS fk
            JOIN sys.tables AS t ON t.object_id = fk.parent_object_id
            JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.objects AS rt ON rt.object_id = fkc.referenced_object_id
            JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id
            JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            WHERE t.is_ms_shipped = 0
            ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id
            """;
        var groups = new List<(int ObjectId, string Name, List<object?[]> Rows)>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = Int(row[0]) ?? 0;
            if (!tables.ContainsKey(objectId)) continue;
            var name = Text(row[1]);
            if (groups.Count == 0 || groups[^1].ObjectId != objectId || groups[^1].Name != name) groups.Add((objectId, name, []));
            groups[^1].Rows.Add(row);
        }

        var readTables = tables.Values.Select(t => t.Name).ToHashSet();
        var result = new Dictionary<int, List<ForeignKeySchema>>();
        foreach (var (objectId, name, rows) in groups)
        {
            var first = rows[0];
            var fk = new ForeignKeySchema
            {
                Name = name,
                Table = tables[objectId].Name,
                Columns = rows.Select(r => Text(r[3])).ToList(),
                PrincipalTable = new QualifiedName(Text(first[4]), Text(first[5])),
                PrincipalColumns = rows.Select(r => Text(r[6])).ToList(),
                OnDelete = Action(Str(first[7])),
                OnUpdate = Action(Str(first[8])),
            };
            if (Bool(first[9])) warnings.Add($"Foreign key {name} of {fk.Table} is disabled; its rows may not match.");
            else if (Bool(first[10])) warnings.Add($"Foreign key {name} of {fk.Table} is not trusted (created or re-enabled WITH NOCHECK).");
            if (!readTables.Contains(fk.PrincipalTable))
            {
                warnings.Add($"Table {fk.Table} has a foreign key ({name}) to {fk.PrincipalTable}, which is excluded"
                    + (filter.IncludesSchema(fk.PrincipalTable.Schema) ? "; include it or exclude the child too." : $" (schema {fk.PrincipalTable.Schema} is not read); add it with --schema."));
            }
            if (!result.TryGetValue(objectId, out var list)) result[objectId] = list = [];
            list.Add(fk);
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ForeignKeySchema>)p.Value);
    }

    private static ReferentialAction Action(string? desc) => desc?.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "SET_NULL" => ReferentialAction.SetNull,
        "SET_DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    private static async Task<Dictionary<int, IReadOnlyList<CheckConstraintSchema>>> ReadChecksAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT cc.parent_object_id, cc.name, cc.definition, cc.is_disabled, cc.is_not_trusted
            FROM sys.check_constraints AS cc
            JOIN sys.tables AS t ON t.object_id = cc.parent_object_id
            WHERE t.is_ms_shipped = 0
            ORDER BY cc.parent_object_id, cc.name
            """;
        var result = new Dictionary<int, List<CheckConstraintSchema>>();
        foreach (var row in await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = Int(row[0]) ?? 0;
            if (!tables.TryGetValue(objectId, out var table)) continue;
            var name = Text(row[1]);
            if (Bool(row[3])) warnings.Add($"Check constraint {name} of {table.Name} is disabled; its rows may not satisfy it.");
            else if (Bool(row[4])) warnings.Add($"Check constraint {name} of {table.Name} is not trusted (created or re-enabled WITH NOCHECK).");
            if (!result.TryGetValue(objectId, out var list)) result[objectId] = list = [];
            list.Add(new CheckConstraintSchema(name, Text(row[2])));
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<CheckConstraintSchema>)p.Value);
    }

    private static async Task<IReadOnlyList<ViewSchema>> ReadViewsAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        // An indexed view (a clustered index on the view) is materialised by the server.
        const string sql = """
            SELECT s.name, v.name, m.definition,
                   CASE WHEN EXISTS (SELECT 1 FROM sys.indexes AS i WHERE i.object_id = v.object_id AND i.index_id = 1) THEN 1 ELSE 0 END
            FROM sys.views AS v
            JOIN sys.schemas AS s ON s.schema_id = v.schema_id
            LEFT JOIN sys.sql_modules AS m ON m.object_id = v.object_id
            WHERE v.is_ms_shipped = 0
            ORDER BY s.name, v.name
            """;
        return (await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new ViewSchema(new QualifiedName(Text(r[0]), Text(r[1])), Str(r[2])) { IsMaterialized = Bool(r[3]) })
            .Where(v => filter.Includes(v.Name))
            .ToList();
    }

    private static async Task<IReadOnlyList<SequenceSchema>> ReadSequencesAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.name, q.name
            FROM sys.sequences AS q
            JOIN sys.schemas AS s ON s.schema_id = q.schema_id
            ORDER BY s.name, q.name
            """;
        return (await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new SequenceSchema(new QualifiedName(Text(r[0]), Text(r[1]))))
            .Where(q => filter.IncludesSchema(q.Name.Schema))
            .ToList();
    }

    private static async Task<IReadOnlyList<UserTypeSchema>> ReadUserTypesAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        // Alias types (CREATE TYPE x FROM nvarchar(20) NOT NULL) are SQL Server's nearest thing to a domain.
        const string sql = """
            SELECT s.name, tp.name, bt.name, tp.max_length, tp.precision, tp.scale, tp.is_nullable
            FROM sys.types AS tp
            JOIN sys.schemas AS s ON s.schema_id = tp.schema_id
            JOIN sys.types AS bt ON bt.user_type_id = tp.system_type_id
            WHERE tp.is_user_defined = 1 AND tp.is_table_type = 0 AND tp.is_assembly_type = 0
            ORDER BY s.name, tp.name
            """;
        return (await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new UserTypeSchema(new QualifiedName(Text(r[0]), Text(r[1])))
            {
                BaseType = SqlServerTypeMapping.Map(Text(r[2]), Int(r[3]) ?? 0, Int(r[4]) ?? 0, Int(r[5]) ?? 0).NativeType,
                NotNull = !Bool(r[6]),
            })
            .Where(u => filter.IncludesSchema(u.Name.Schema))
            .ToList();
    }

    private static async Task<long> CountRowsAsync(DbConnection connection, QualifiedName table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, $"SELECT COUNT_BIG(*) FROM {IdentifierQuoting.Brackets.Quote(table)}", cancellationToken).ConfigureAwait(false);
        return Long(rows[0][0]) ?? 0;
    }


    private sealed record TableInfo(QualifiedName Name, string? Comment, IReadOnlyDictionary<string, string> Annotations);

    private sealed class TableIndexes
    {
        public KeySchema? PrimaryKey { get; set; }

        public List<KeySchema> UniqueKeys { get; } = [];

        public List<IndexSchema> Indexes { get; } = [];
    }
}
