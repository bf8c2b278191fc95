using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

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
            SELECT DB_NAME() AS DatabaseName,
                   CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) AS DatabaseCollation,
                   CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS ProductVersion,
                   CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS Edition
            """;
        var head = (await CatalogQuery.ListAsync<ServerRow>(connection, headSql, cancellationToken).ConfigureAwait(false))[0];
        var databaseName = head.DatabaseName;
        var databaseCollation = head.DatabaseCollation;
        var version = $"SQL Server {head.ProductVersion} {head.Edition}".Trim();
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
            SELECT t.object_id AS ObjectId, s.name AS SchemaName, t.name AS TableName, CAST(ep.value AS nvarchar(4000)) AS Comment,
                   t.temporal_type AS TemporalType
            FROM sys.tables AS t
            JOIN sys.schemas AS s ON s.schema_id = t.schema_id
            LEFT JOIN sys.extended_properties AS ep
              ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
            WHERE t.is_ms_shipped = 0
            ORDER BY s.name, t.name
            """;
        var tables = new SortedDictionary<int, TableInfo>();
        foreach (var row in await CatalogQuery.ListAsync<TableRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(row.SchemaName, row.TableName);
            if (!filter.Includes(name)) continue;
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (row.TemporalType)
            {
                case 1:
                    annotations["sqlserver.temporal"] = "history";
                    warnings.Add($"Table {name} is the history table of a system-versioned table; it is read as a plain table.");
                    break;
                case 2:
                    annotations["sqlserver.temporal"] = "system_versioned";
                    break;
            }
            tables[row.ObjectId] = new TableInfo(name, row.Comment, annotations);
        }
        return tables;
    }

    private static async Task<Dictionary<int, IReadOnlyList<ColumnSchema>>> ReadColumnsAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, string? databaseCollation, List<string> warnings,
        CancellationToken cancellationToken)
    {
        // bt is the system type under an alias type (sysname -> nvarchar); CLR types (geography, hierarchyid) have none.
        const string sql = """
            SELECT c.object_id AS ObjectId, c.name AS Name, tp.name AS TypeName, SCHEMA_NAME(tp.schema_id) AS TypeSchema,
                   tp.is_user_defined AS IsUserType, bt.name AS SystemType, c.max_length AS MaxLength, c.precision AS NumericPrecision,
                   c.scale AS NumericScale, c.is_nullable AS IsNullable, c.is_identity AS IsIdentity, c.collation_name AS Collation,
                   dc.definition AS DefaultSql, cc.definition AS ComputedSql, cc.is_persisted AS IsPersisted,
                   CAST(ic.seed_value AS nvarchar(64)) AS IdentitySeed, CAST(ic.increment_value AS nvarchar(64)) AS IdentityIncrement,
                   c.generated_always_type AS GeneratedAlwaysType, c.is_rowguidcol AS IsRowGuid, c.is_sparse AS IsSparse
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
        foreach (var row in await CatalogQuery.ListAsync<ColumnRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = row.ObjectId;
            if (!tables.TryGetValue(objectId, out var table)) continue;
            if (!result.TryGetValue(objectId, out var list)) result[objectId] = list = [];
            var name = row.Name;
            var typeName = row.TypeName;
            var systemType = row.SystemType ?? typeName;
            var mapped = SqlServerTypeMapping.Map(systemType, row.MaxLength, row.NumericPrecision, row.NumericScale);
            if (mapped.Warning is not null) warnings.Add($"Column {table.Name}.{name}: {mapped.Warning}.");
            if (mapped.LogicalType is LogicalType.Spatial)
            {
                warnings.Add($"Column {table.Name}.{name} has the spatial type {mapped.NativeType}; it is kept and flagged, not modelled.");
            }

            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            if (row.IsIdentity)
            {
                if (row.IdentitySeed is { } seed) annotations["sqlserver.identity_seed"] = seed;
                if (row.IdentityIncrement is { } increment) annotations["sqlserver.identity_increment"] = increment;
            }
            var generatedSql = row.ComputedSql;
            if (generatedSql is not null) annotations["sqlserver.computed"] = row.IsPersisted ? "persisted" : "virtual";
            var generatedAlways = row.GeneratedAlwaysType;
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
            if (row.IsRowGuid) annotations["sqlserver.rowguidcol"] = "true";
            if (row.IsSparse) annotations["sqlserver.sparse"] = "true";

            var collation = row.Collation;
            if (string.Equals(collation, databaseCollation, StringComparison.OrdinalIgnoreCase)) collation = null;

            list.Add(new ColumnSchema
            {
                Name = name,
                Ordinal = list.Count + 1,
                NativeType = mapped.NativeType,
                LogicalType = mapped.LogicalType,
                IsNullable = row.IsNullable,
                DefaultSql = SqlServerDefaults.Normalize(row.DefaultSql),
                Identity = row.IsIdentity ? IdentityKind.Identity : IdentityKind.None,
                GeneratedSql = generatedSql,
                MaxLength = mapped.MaxLength,
                Precision = mapped.Precision,
                Scale = mapped.Scale,
                Collation = collation,
                UserType = row.IsUserType ? new QualifiedName(row.TypeSchema, typeName) : null,
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
            SELECT p.object_id AS ObjectId, SUM(p.rows) AS RowTotal, COUNT(*) AS PartitionCount
            FROM sys.partitions AS p
            JOIN sys.tables AS t ON t.object_id = p.object_id
            WHERE p.index_id IN (0, 1) AND t.is_ms_shipped = 0
            GROUP BY p.object_id
            """;
        var result = new Dictionary<int, (long? Rows, int Partitions)>();
        foreach (var row in await CatalogQuery.ListAsync<RowCountRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            if (tables.ContainsKey(row.ObjectId)) result[row.ObjectId] = (row.RowTotal, row.PartitionCount);
        }
        return result;
    }

    private static async Task<Dictionary<int, TableIndexes>> ReadIndexesAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.object_id AS ObjectId, i.index_id AS IndexId, i.name AS Name, i.is_primary_key AS IsPrimaryKey,
                   i.is_unique_constraint AS IsUniqueConstraint, i.is_unique AS IsUnique, i.has_filter AS HasFilter,
                   i.filter_definition AS FilterDefinition, i.type_desc AS IndexType, ic.key_ordinal AS KeyOrdinal,
                   ic.is_included_column AS IsIncluded, ic.is_descending_key AS IsDescending, c.name AS ColumnName
            FROM sys.indexes AS i
            JOIN sys.tables AS t ON t.object_id = i.object_id
            JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.is_ms_shipped = 0 AND i.type > 0 AND i.is_hypothetical = 0
            ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id
            """;
        var groups = new List<(int ObjectId, int IndexId, List<IndexRow> Rows)>();
        foreach (var row in await CatalogQuery.ListAsync<IndexRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = row.ObjectId;
            if (!tables.ContainsKey(objectId)) continue;
            var indexId = row.IndexId;
            if (groups.Count == 0 || groups[^1].ObjectId != objectId || groups[^1].IndexId != indexId) groups.Add((objectId, indexId, []));
            groups[^1].Rows.Add(row);
        }

        var result = new Dictionary<int, TableIndexes>();
        foreach (var (objectId, _, rows) in groups)
        {
            var first = rows[0];
            var name = first.Name;
            if (!result.TryGetValue(objectId, out var tableIndexes)) result[objectId] = tableIndexes = new TableIndexes();
            var keyColumns = rows.Where(r => !r.IsIncluded && r.KeyOrdinal > 0).Select(r => r.ColumnName).ToList();
            var included = rows.Where(r => r.IsIncluded).Select(r => r.ColumnName).ToList();
            // Columnstore indexes have no key order: every column they cover is listed with key_ordinal 0.
            if (keyColumns.Count == 0) keyColumns = rows.Select(r => r.ColumnName).ToList();
            var filter = first.HasFilter ? first.FilterDefinition : null;
            var type = first.IndexType;
            if (first.IsPrimaryKey)
            {
                tableIndexes.PrimaryKey = new KeySchema(name, keyColumns);
            }
            else if (first.IsUnique && filter is null)
            {
                tableIndexes.UniqueKeys.Add(new KeySchema(name, keyColumns) { IsIndex = !first.IsUniqueConstraint });
            }
            else
            {
                var needsDefinition = included.Count > 0 || rows.Any(r => r.IsDescending)
                    || !type.Equals("NONCLUSTERED", StringComparison.OrdinalIgnoreCase);
                tableIndexes.Indexes.Add(new IndexSchema(name, keyColumns, first.IsUnique)
                {
                    Filter = filter,
                    Definition = needsDefinition ? Describe(type, rows, included) : null,
                });
                if (first.IsUnique) warnings.Add($"Unique index {name} of {tables[objectId].Name} is filtered ({filter}); it is kept as an index, not a key.");
            }
        }
        return result;
    }

    private static string Describe(string type, List<IndexRow> rows, List<string> included)
    {
        var keys = rows.Where(r => !r.IsIncluded).Select(r => IdentifierQuoting.Brackets.Quote(r.ColumnName) + (r.IsDescending ? " DESC" : string.Empty));
        var text = $"{type} ({string.Join(", ", keys)})";
        return included.Count > 0 ? $"{text} INCLUDE ({string.Join(", ", included.Select(IdentifierQuoting.Brackets.Quote))})" : text;
    }

    private static async Task<Dictionary<int, IReadOnlyList<ForeignKeySchema>>> ReadForeignKeysAsync(
        DbConnection connection, SortedDictionary<int, TableInfo> tables, TableFilter filter, List<string> warnings,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT fk.parent_object_id AS ObjectId, fk.name AS Name, pc.name AS ColumnName, rs.name AS PrincipalSchema,
                   rt.name AS PrincipalTable, rc.name AS PrincipalColumn, fk.delete_referential_action_desc AS DeleteAction,
                   fk.update_referential_action_desc AS UpdateAction, fk.is_disabled AS IsDisabled, fk.is_not_trusted AS IsNotTrusted
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
        var groups = new List<(int ObjectId, string Name, List<ForeignKeyRow> Rows)>();
        foreach (var row in await CatalogQuery.ListAsync<ForeignKeyRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = row.ObjectId;
            if (!tables.ContainsKey(objectId)) continue;
            var name = row.Name;
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
                Columns = rows.Select(r => r.ColumnName).ToList(),
                PrincipalTable = new QualifiedName(first.PrincipalSchema, first.PrincipalTable),
                PrincipalColumns = rows.Select(r => r.PrincipalColumn).ToList(),
                OnDelete = Action(first.DeleteAction),
                OnUpdate = Action(first.UpdateAction),
            };
            if (first.IsDisabled) warnings.Add($"Foreign key {name} of {fk.Table} is disabled; its rows may not match.");
            else if (first.IsNotTrusted) warnings.Add($"Foreign key {name} of {fk.Table} is not trusted (created or re-enabled WITH NOCHECK).");
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
            SELECT cc.parent_object_id AS ObjectId, cc.name AS Name, cc.definition AS Definition, cc.is_disabled AS IsDisabled,
                   cc.is_not_trusted AS IsNotTrusted
            FROM sys.check_constraints AS cc
            JOIN sys.tables AS t ON t.object_id = cc.parent_object_id
            WHERE t.is_ms_shipped = 0
            ORDER BY cc.parent_object_id, cc.name
            """;
        var result = new Dictionary<int, List<CheckConstraintSchema>>();
        foreach (var row in await CatalogQuery.ListAsync<CheckRow>(connection, sql, cancellationToken).ConfigureAwait(false))
        {
            var objectId = row.ObjectId;
            if (!tables.TryGetValue(objectId, out var table)) continue;
            var name = row.Name;
            if (row.IsDisabled) warnings.Add($"Check constraint {name} of {table.Name} is disabled; its rows may not satisfy it.");
            else if (row.IsNotTrusted) warnings.Add($"Check constraint {name} of {table.Name} is not trusted (created or re-enabled WITH NOCHECK).");
            if (!result.TryGetValue(objectId, out var list)) result[objectId] = list = [];
            list.Add(new CheckConstraintSchema(name, row.Definition));
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<CheckConstraintSchema>)p.Value);
    }

    private static async Task<IReadOnlyList<ViewSchema>> ReadViewsAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        // An indexed view (a clustered index on the view) is materialised by the server.
        const string sql = """
            SELECT s.name AS SchemaName, v.name AS ViewName, m.definition AS Definition,
                   CASE WHEN EXISTS (SELECT 1 FROM sys.indexes AS i WHERE i.object_id = v.object_id AND i.index_id = 1) THEN 1 ELSE 0 END AS IsMaterialized
            FROM sys.views AS v
            JOIN sys.schemas AS s ON s.schema_id = v.schema_id
            LEFT JOIN sys.sql_modules AS m ON m.object_id = v.object_id
            WHERE v.is_ms_shipped = 0
            ORDER BY s.name, v.name
            """;
        return (await CatalogQuery.ListAsync<ViewRow>(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new ViewSchema(new QualifiedName(r.SchemaName, r.ViewName), r.Definition) { IsMaterialized = r.IsMaterialized })
            .Where(v => filter.Includes(v.Name))
            .ToList();
    }

    private static async Task<IReadOnlyList<SequenceSchema>> ReadSequencesAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.name AS SchemaName, q.name AS Name
            FROM sys.sequences AS q
            JOIN sys.schemas AS s ON s.schema_id = q.schema_id
            ORDER BY s.name, q.name
            """;
        return (await CatalogQuery.ListAsync<NameRow>(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new SequenceSchema(new QualifiedName(r.SchemaName, r.Name)))
            .Where(q => filter.IncludesSchema(q.Name.Schema))
            .ToList();
    }

    private static async Task<IReadOnlyList<UserTypeSchema>> ReadUserTypesAsync(DbConnection connection, TableFilter filter, CancellationToken cancellationToken)
    {
        // Alias types (CREATE TYPE x FROM nvarchar(20) NOT NULL) are SQL Server's nearest thing to a domain.
        const string sql = """
            SELECT s.name AS SchemaName, tp.name AS Name, bt.name AS BaseType, tp.max_length AS MaxLength,
                   tp.precision AS NumericPrecision, tp.scale AS NumericScale, tp.is_nullable AS IsNullable
            FROM sys.types AS tp
            JOIN sys.schemas AS s ON s.schema_id = tp.schema_id
            JOIN sys.types AS bt ON bt.user_type_id = tp.system_type_id
            WHERE tp.is_user_defined = 1 AND tp.is_table_type = 0 AND tp.is_assembly_type = 0
            ORDER BY s.name, tp.name
            """;
        return (await CatalogQuery.ListAsync<UserTypeRow>(connection, sql, cancellationToken).ConfigureAwait(false))
            .Select(r => new UserTypeSchema(new QualifiedName(r.SchemaName, r.Name))
            {
                BaseType = SqlServerTypeMapping.Map(r.BaseType, r.MaxLength, r.NumericPrecision, r.NumericScale).NativeType,
                NotNull = !r.IsNullable,
            })
            .Where(u => filter.IncludesSchema(u.Name.Schema))
            .ToList();
    }

    private static async Task<long> CountRowsAsync(DbConnection connection, QualifiedName table, CancellationToken cancellationToken)
    {
        var rows = await CatalogQuery.ListAsync<long>(connection, $"SELECT COUNT_BIG(*) FROM {IdentifierQuoting.Brackets.Quote(table)}", cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    // Catalog rows mapped by Dapper by column alias; a property left unset by a NULL keeps its initial value. The
    // catalog's tinyint and smallint columns are converted to int by Dapper.
    private sealed record ServerRow
    {
        public string? DatabaseName { get; init; }
        public string? DatabaseCollation { get; init; }
        public string? ProductVersion { get; init; }
        public string? Edition { get; init; }
    }

    private sealed record TableRow
    {
        public int ObjectId { get; init; }
        public string SchemaName { get; init; } = "";
        public string TableName { get; init; } = "";
        public string? Comment { get; init; }
        public int TemporalType { get; init; }
    }

    private sealed record ColumnRow
    {
        public int ObjectId { get; init; }
        public string Name { get; init; } = "";
        public string TypeName { get; init; } = "";
        public string? TypeSchema { get; init; }
        public bool IsUserType { get; init; }
        public string? SystemType { get; init; }
        public int MaxLength { get; init; }
        public int NumericPrecision { get; init; }
        public int NumericScale { get; init; }
        public bool IsNullable { get; init; }
        public bool IsIdentity { get; init; }
        public string? Collation { get; init; }
        public string? DefaultSql { get; init; }
        public string? ComputedSql { get; init; }
        public bool IsPersisted { get; init; }
        public string? IdentitySeed { get; init; }
        public string? IdentityIncrement { get; init; }
        public int GeneratedAlwaysType { get; init; }
        public bool IsRowGuid { get; init; }
        public bool IsSparse { get; init; }
    }

    private sealed record RowCountRow
    {
        public int ObjectId { get; init; }
        public long? RowTotal { get; init; }
        public int PartitionCount { get; init; } = 1;
    }

    private sealed record IndexRow
    {
        public int ObjectId { get; init; }
        public int IndexId { get; init; }
        public string Name { get; init; } = "";
        public bool IsPrimaryKey { get; init; }
        public bool IsUniqueConstraint { get; init; }
        public bool IsUnique { get; init; }
        public bool HasFilter { get; init; }
        public string? FilterDefinition { get; init; }
        public string IndexType { get; init; } = "";
        public int KeyOrdinal { get; init; }
        public bool IsIncluded { get; init; }
        public bool IsDescending { get; init; }
        public string ColumnName { get; init; } = "";
    }

    private sealed record ForeignKeyRow
    {
        public int ObjectId { get; init; }
        public string Name { get; init; } = "";
        public string ColumnName { get; init; } = "";
        public string PrincipalSchema { get; init; } = "";
        public string PrincipalTable { get; init; } = "";
        public string PrincipalColumn { get; init; } = "";
        public string? DeleteAction { get; init; }
        public string? UpdateAction { get; init; }
        public bool IsDisabled { get; init; }
        public bool IsNotTrusted { get; init; }
    }

    private sealed record CheckRow
    {
        public int ObjectId { get; init; }
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
        public bool IsDisabled { get; init; }
        public bool IsNotTrusted { get; init; }
    }

    private sealed record ViewRow
    {
        public string SchemaName { get; init; } = "";
        public string ViewName { get; init; } = "";
        public string? Definition { get; init; }
        public bool IsMaterialized { get; init; }
    }

    private sealed record NameRow
    {
        public string SchemaName { get; init; } = "";
        public string Name { get; init; } = "";
    }

    private sealed record UserTypeRow
    {
        public string SchemaName { get; init; } = "";
        public string Name { get; init; } = "";
        public string BaseType { get; init; } = "";
        public int MaxLength { get; init; }
        public int NumericPrecision { get; init; }
        public int NumericScale { get; init; }
        public bool IsNullable { get; init; }
    }

    private sealed record TableInfo(QualifiedName Name, string? Comment, IReadOnlyDictionary<string, string> Annotations);

    private sealed class TableIndexes
    {
        public KeySchema? PrimaryKey { get; set; }

        public List<KeySchema> UniqueKeys { get; } = [];

        public List<IndexSchema> Indexes { get; } = [];
    }
}
