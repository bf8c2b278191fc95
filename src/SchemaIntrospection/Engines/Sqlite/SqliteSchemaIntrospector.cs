using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// Reads a SQLite database through sqlite_master and the pragma table-valued functions, one query
/// per kind of object for all tables. What the pragmas do not report (CHECK constraints, generated
/// expressions, collations, constraint names, AUTOINCREMENT) is read from the stored CREATE text.
/// </summary>
/// <remarks>
/// Only SELECTs are run. Microsoft.Data.Sqlite refuses a command without its transaction while one
/// is pending on the connection, and ISchemaIntrospector receives only the connection; so a caller's
/// read transaction is found on the connection (<see cref="PendingTransaction"/>) and joined.
/// </remarks>
internal sealed class SqliteSchemaIntrospector : ISchemaIntrospector
{
    // sqlite_master rather than sqlite_schema: the alias exists in every SQLite version, the new name only from 3.33.
    private const string UserObject = "m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    private const string ObjectsSql =
        "SELECT m.type AS Type, m.name AS Name, m.tbl_name AS TableName, m.sql AS Sql FROM sqlite_master AS m WHERE m.type IN ('table', 'view', 'index', 'trigger') ORDER BY m.name";

    // Virtual tables are left out: their pragmas fail where their module is not loaded.
    private const string ColumnsSql =
        "SELECT m.name AS TableName, p.name AS Name, p.type AS DeclaredType, p.\"notnull\" AS \"NotNull\", p.dflt_value AS \"Default\", " +
        "p.pk AS PrimaryKeyPosition, p.hidden AS Hidden " +
        "FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p " +
        "WHERE m.type = 'table' AND " + UserObject + " AND COALESCE(upper(m.sql), '') NOT LIKE 'CREATE VIRTUAL%' " +
        "ORDER BY m.name, p.cid";

    private const string ForeignKeysSql =
        "SELECT m.name AS TableName, f.id AS Id, f.\"table\" AS Parent, f.\"from\" AS \"From\", f.\"to\" AS \"To\", " +
        "f.on_update AS OnUpdate, f.on_delete AS OnDelete " +
        "FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f " +
        "WHERE m.type = 'table' AND " + UserObject + " AND COALESCE(upper(m.sql), '') NOT LIKE 'CREATE VIRTUAL%' " +
        "ORDER BY m.name, f.id, f.seq";

    private const string IndexesSql =
        "SELECT m.name AS TableName, il.name AS IndexName, il.\"unique\" AS IsUnique, il.origin AS Origin, il.partial AS IsPartial, " +
        "ii.cid AS ColumnId, ii.name AS ColumnName " +
        "FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_info(il.name) AS ii " +
        "WHERE m.type = 'table' AND " + UserObject + " AND COALESCE(upper(m.sql), '') NOT LIKE 'CREATE VIRTUAL%' " +
        "ORDER BY m.name, il.name, ii.seqno";

    public DatabaseEngine Engine => DatabaseEngine.Sqlite;

    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IntrospectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var filter = new TableFilter(options);
        var warnings = new List<string>();

        var tableSql = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var indexSql = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var views = new List<ViewSchema>();
        var triggers = new List<TriggerSchema>();
        var virtualTables = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hasStat1 = false;
        foreach (var row in await QueryAsync<ObjectRow>(connection, ObjectsSql, cancellationToken).ConfigureAwait(false))
        {
            var type = row.Type;
            var name = row.Name;
            var sql = row.Sql;
            if (name.Equals("sqlite_stat1", StringComparison.OrdinalIgnoreCase)) hasStat1 = true;
            if (type == "index")
            {
                indexSql[name] = sql;
            }
            else if (type == "trigger")
            {
                if (sql is not null && filter.Includes(new QualifiedName(null, row.TableName))) triggers.Add(new TriggerSchema(name, new QualifiedName(null, row.TableName), sql));
            }
            else if (name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (type == "view")
            {
                if (filter.Includes(new QualifiedName(null, name))) views.Add(new ViewSchema(new QualifiedName(null, name), sql));
            }
            else if (sql is not null && sql.TrimStart().StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase))
            {
                virtualTables[name] = sql.Trim();
            }
            else
            {
                tableSql[name] = sql;
            }
        }

        var shadowTables = LeaveOutVirtualTables(virtualTables, tableSql, warnings);

        var rawColumns = (await QueryAsync<RawColumn>(connection, ColumnsSql, cancellationToken).ConfigureAwait(false))
            .Where(c => !shadowTables.Contains(c.TableName))
            .GroupBy(c => c.TableName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var definitions = tableSql.ToDictionary(p => p.Key, p => SqliteCreateTableParser.Parse(p.Value), StringComparer.OrdinalIgnoreCase);
        // Primary keys of every table (also excluded ones): a foreign key without parent columns refers to its parent's key.
        var primaryKeys = rawColumns.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)p.Value.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToList(),
            StringComparer.OrdinalIgnoreCase);
        var actualNames = rawColumns.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

        var foreignKeys = await ReadForeignKeysAsync(connection, definitions, primaryKeys, actualNames, warnings, cancellationToken).ConfigureAwait(false);
        var indexes = await ReadIndexesAsync(connection, cancellationToken).ConfigureAwait(false);

        var tables = new List<TableSchema>();
        foreach (var (tableName, columns) in rawColumns)
        {
            var name = new QualifiedName(null, tableName);
            if (!filter.Includes(name)) continue;
            var definition = definitions.GetValueOrDefault(tableName) ?? SqliteTableDefinition.Empty;
            tables.Add(BuildTable(name, columns, definition, foreignKeys.GetValueOrDefault(tableName) ?? [],
                indexes.GetValueOrDefault(tableName) ?? [], indexSql, warnings));
        }
        tables.Sort((a, b) => QualifiedName.Order.Compare(a.Name, b.Name));
        views.Sort((a, b) => QualifiedName.Order.Compare(a.Name, b.Name));

        tables = await CountRowsAsync(connection, tables, options.ExactRowCounts || !hasStat1, cancellationToken).ConfigureAwait(false);
        tables = await TypeUntypedColumnsAsync(connection, tables, warnings, cancellationToken).ConfigureAwait(false);
        tables = await SqliteTextColumns.TypeAsync(connection, tables, warnings, cancellationToken).ConfigureAwait(false);
        tables = await SqliteIntegerWidths.WidenAsync(connection, tables, warnings, cancellationToken).ConfigureAwait(false);

        return new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            DatabaseName = connection.DataSource,
            ServerVersion = connection.ServerVersion,
            Tables = tables,
            Views = views,
            // Triggers of tables that were read (a view's INSTEAD OF trigger goes with the view and is left out).
            Triggers = triggers.Where(t => tables.Any(table => table.Name.Equals(t.Table))).ToList(),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Virtual tables are not read (their pragmas fail where their module is not loaded), and neither are their shadow
    /// tables (<see cref="SqliteShadowTables"/>); one warning for each names both. Returns the shadow tables' names.
    /// </summary>
    private static HashSet<string> LeaveOutVirtualTables(
        IReadOnlyDictionary<string, string> virtualTables, Dictionary<string, string?> tableSql, List<string> warnings)
    {
        var left = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, shadows) in SqliteShadowTables.Of(virtualTables.Keys, tableSql.Keys))
        {
            var shadowText = shadows.Count == 0
                ? string.Empty
                : $", with its shadow tables {string.Join(", ", shadows)}, which hold its data in the module's own format";
            warnings.Add($"Table {name} is a virtual table ({virtualTables[name]}); it{ColumnlessTables.LeftOutWords}{shadowText}.");
            foreach (var shadow in shadows)
            {
                tableSql.Remove(shadow);
                left.Add(shadow);
            }
        }
        return left;
    }

    private static TableSchema BuildTable(
        QualifiedName name, List<RawColumn> raw, SqliteTableDefinition definition, List<ForeignKeySchema> foreignKeys,
        List<RawIndex> indexes, Dictionary<string, string?> indexSql, List<string> warnings)
    {
        var keyColumns = raw.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).ToList();
        // INTEGER PRIMARY KEY (exactly that type name, single column, rowid table) is an alias of the rowid.
        var rowIdAlias = !definition.WithoutRowId && keyColumns.Count == 1
            && string.Equals(keyColumns[0].DeclaredType.Trim(), "INTEGER", StringComparison.OrdinalIgnoreCase)
            ? keyColumns[0].Name
            : null;

        var columns = new List<ColumnSchema>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var c = raw[i];
            var declared = definition.FindColumn(c.Name);
            var type = SqliteTypeMapper.Map(c.DeclaredType);
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { ["sqlite:affinity"] = type.Affinity };
            // ANY (the type of a STRICT table's column that takes every value) says no more than no type at all.
            if (c.DeclaredType.Trim().Length == 0 || c.DeclaredType.Trim().Equals("ANY", StringComparison.OrdinalIgnoreCase))
            {
                annotations[UntypedAnnotation] = "true";
            }
            else if (!type.IsRecognised)
            {
                warnings.Add($"Column {name}.{c.Name} has declared type '{c.DeclaredType}' with no known meaning ({type.Affinity} affinity); it is kept as Other.");
            }

            string? generated = null;
            if (c.Hidden is 2 or 3)
            {
                annotations["sqlite:generated"] = c.Hidden == 3 ? "stored" : "virtual";
                generated = declared?.GeneratedSql;
                if (generated is null)
                {
                    generated = "(generated)";
                    warnings.Add($"Column {name}.{c.Name} is generated but its expression could not be read from the CREATE TABLE text.");
                }
            }
            else if (c.Hidden == 1)
            {
                annotations["sqlite:hidden"] = "true";
            }

            var identity = IdentityKind.None;
            if (c.Name == rowIdAlias)
            {
                identity = IdentityKind.RowId;
                if (declared?.IsAutoIncrement == true) annotations["sqlite:autoincrement"] = "true";
            }

            columns.Add(new ColumnSchema
            {
                Name = c.Name,
                Ordinal = i + 1,
                NativeType = c.DeclaredType,
                LogicalType = type.LogicalType,
                // A rowid alias never holds NULL, and WITHOUT ROWID enforces NOT NULL on its key; elsewhere SQLite
                // lets a key column hold NULL unless declared NOT NULL, so the pragma's word stands.
                IsNullable = !c.NotNull && c.Name != rowIdAlias && !(definition.WithoutRowId && c.PrimaryKeyPosition > 0),
                DefaultSql = SqliteDefaults.Normalised(c.Default),
                Identity = identity,
                GeneratedSql = generated,
                MaxLength = type.MaxLength,
                Precision = type.Precision,
                Scale = type.Scale,
                Collation = declared?.Collation,
                Annotations = annotations,
            });
        }

        var uniqueKeys = new List<KeySchema>();
        var otherIndexes = new List<IndexSchema>();
        var usedUniqueNames = new HashSet<SqliteNamedColumns>();
        foreach (var index in indexes)
        {
            if (index.Origin == "pk") continue;
            var sql = indexSql.GetValueOrDefault(index.Name);
            var allNamed = index.Columns.All(c => c is not null);
            var columnNames = index.Columns.Select(c => c ?? "(expression)").ToList();
            if (index.IsUnique && !index.IsPartial && allNamed)
            {
                if (index.Origin == "u")
                {
                    var declared = definition.Uniques.FirstOrDefault(u => !usedUniqueNames.Contains(u) && SameColumns(u.Columns, columnNames));
                    if (declared is not null) usedUniqueNames.Add(declared);
                    uniqueKeys.Add(new KeySchema(declared?.Name, columnNames));
                }
                else
                {
                    uniqueKeys.Add(new KeySchema(index.Name, columnNames) { IsIndex = true });
                }
            }
            else
            {
                otherIndexes.Add(new IndexSchema(index.Name, columnNames, index.IsUnique)
                {
                    Filter = index.IsPartial ? SqliteCreateTableParser.IndexFilter(sql) : null,
                    Definition = sql,
                });
            }
        }

        var tableAnnotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (definition.WithoutRowId) tableAnnotations["sqlite:without_rowid"] = "true";
        if (definition.IsStrict) tableAnnotations["sqlite:strict"] = "true";

        return new TableSchema
        {
            Name = name,
            Columns = columns,
            PrimaryKey = keyColumns.Count == 0 ? null : new KeySchema(definition.PrimaryKeyName, keyColumns.Select(c => c.Name).ToList()),
            ForeignKeys = foreignKeys,
            UniqueKeys = uniqueKeys,
            CheckConstraints = definition.Checks,
            Indexes = otherIndexes,
            Annotations = tableAnnotations,
        };
    }

    private static async Task<Dictionary<string, List<ForeignKeySchema>>> ReadForeignKeysAsync(
        DbConnection connection, Dictionary<string, SqliteTableDefinition> definitions,
        Dictionary<string, IReadOnlyList<string>> primaryKeys, Dictionary<string, string> actualNames,
        List<string> warnings, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<ForeignKeyRow>(connection, ForeignKeysSql, cancellationToken).ConfigureAwait(false);

        var result = new Dictionary<string, List<ForeignKeySchema>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in rows.GroupBy(r => (r.TableName, r.Id)))
        {
            var first = group.First();
            var table = new QualifiedName(null, first.TableName);
            var columns = group.Select(r => r.From).ToList();
            // SQLite resolves names case-insensitively; report the parent as it is actually named.
            var parentName = actualNames.GetValueOrDefault(first.Parent);
            if (parentName is null)
            {
                warnings.Add($"Table {first.TableName} has a foreign key ({string.Join(", ", columns)}) to {first.Parent}, which does not exist; the key is left out.");
                continue;
            }
            IReadOnlyList<string> principal = group.Select(r => r.To!).ToList();
            if (group.Any(r => r.To is null))
            {
                principal = primaryKeys.GetValueOrDefault(parentName) ?? [];
                if (principal.Count != columns.Count)
                {
                    warnings.Add($"Table {first.TableName} has a foreign key ({string.Join(", ", columns)}) to {parentName} without parent columns, and {parentName}'s primary key does not match it; the key is left out.");
                    continue;
                }
            }
            var definition = definitions.GetValueOrDefault(first.TableName) ?? SqliteTableDefinition.Empty;
            if (!result.TryGetValue(first.TableName, out var list)) result[first.TableName] = list = [];
            // Two keys over the same columns (to different parents) must not share one name.
            var declared = definition.ForeignKeys.FirstOrDefault(f => f.Name is not null && SameColumns(f.Columns, columns)
                && !list.Any(k => k.Name == f.Name));
            list.Add(new ForeignKeySchema
            {
                Name = declared?.Name,
                Table = table,
                Columns = columns,
                PrincipalTable = new QualifiedName(null, parentName),
                PrincipalColumns = principal,
                OnDelete = Action(first.OnDelete),
                OnUpdate = Action(first.OnUpdate),
            });
        }
        foreach (var list in result.Values)
        {
            // pragma_foreign_key_list numbers keys from the last declared; declaration order reads better.
            list.Reverse();
        }
        return result;
    }

    private static async Task<Dictionary<string, List<RawIndex>>> ReadIndexesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<RawIndex>>(StringComparer.OrdinalIgnoreCase);
        RawIndex? current = null;
        string? currentTable = null;
        foreach (var row in await QueryAsync<IndexRow>(connection, IndexesSql, cancellationToken).ConfigureAwait(false))
        {
            if (current is null || currentTable != row.TableName || current.Name != row.IndexName)
            {
                current = new RawIndex(row.IndexName, row.IsUnique, row.Origin, row.IsPartial);
                currentTable = row.TableName;
                if (!result.TryGetValue(row.TableName, out var list)) result[row.TableName] = list = [];
                list.Add(current);
            }
            // cid -1 is the rowid, -2 an expression: neither has a column name.
            current.Columns.Add(row.ColumnName ?? (row.ColumnId == -1 ? "rowid" : null));
        }
        return result;
    }

    private const string UntypedAnnotation = "sqlite:untyped";

    /// <summary>Rows whose stored types decide an untyped column's type: enough to see what it holds, cheap on any table.</summary>
    private const int TypeSampleRows = 10_000;

    /// <summary>
    /// A column declared without a type (<c>CREATE TABLE people (id INTEGER PRIMARY KEY, name, notes)</c>, common in
    /// SQLite files) holds whatever was stored: its type is taken from the values, by the storage classes SQLite reports
    /// for the first rows: integers only, an integer; numbers, a real; any text, text; blobs only, binary. Before, such a
    /// column was kept as Other and written as NULL. So is a column of type ANY (STRICT tables).
    /// </summary>
    private static async Task<List<TableSchema>> TypeUntypedColumnsAsync(DbConnection connection, List<TableSchema> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var typed = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            if (!table.Columns.Any(c => c.Annotations.ContainsKey(UntypedAnnotation)))
            {
                typed.Add(table);
                continue;
            }
            var columns = new List<ColumnSchema>(table.Columns.Count);
            foreach (var column in table.Columns)
            {
                if (!column.Annotations.ContainsKey(UntypedAnnotation) || column.GeneratedSql is not null)
                {
                    columns.Add(column);
                    continue;
                }
                var quote = IdentifierQuoting.DoubleQuotes;
                var sql = $"SELECT DISTINCT typeof(v) FROM (SELECT {quote.Quote(column.Name)} AS v FROM {quote.Quote(table.Name.Name)} LIMIT {TypeSampleRows})";
                var classes = (await QueryAsync<string>(connection, sql, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                classes.Remove("null");
                var logical = classes.Contains("text") || classes.Count == 0 ? LogicalType.Text
                    : classes.SetEquals(["integer"]) ? LogicalType.Int64
                    : classes.SetEquals(["blob"]) ? LogicalType.Binary
                    : classes.Contains("blob") ? LogicalType.Text
                    : LogicalType.Float64;
                var declaredAs = column.NativeType.Trim().Length == 0 ? "has no declared type" : $"is declared {column.NativeType.Trim()}";
                warnings.Add($"Column {table.Name}.{column.Name} {declaredAs}; it holds {(classes.Count == 0 ? "no value" : string.Join(" and ", classes.Order(StringComparer.Ordinal)))}, so it is read as {logical}.");
                columns.Add(column with { LogicalType = logical });
            }
            typed.Add(table with { Columns = columns });
        }
        return typed;
    }

    private static async Task<List<TableSchema>> CountRowsAsync(DbConnection connection, List<TableSchema> tables, bool exact, CancellationToken cancellationToken)
    {
        var estimates = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        if (!exact)
        {
            // sqlite_stat1's stat column starts with the table's row count as of the last ANALYZE.
            // stat is text as ANALYZE writes it; CAST keeps a hand-edited number readable too.
            const string statSql = "SELECT tbl AS TableName, CAST(stat AS TEXT) AS Stat FROM sqlite_stat1 WHERE tbl IS NOT NULL AND stat IS NOT NULL";
            foreach (var row in await QueryAsync<StatRow>(connection, statSql, cancellationToken).ConfigureAwait(false))
            {
                var head = row.Stat.Split(' ', 2)[0];
                if (long.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
                {
                    estimates[row.TableName] = Math.Max(rows, estimates.GetValueOrDefault(row.TableName));
                }
            }
        }

        var counted = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            if (!exact && estimates.TryGetValue(table.Name.Name, out var estimate))
            {
                counted.Add(table with { RowCount = estimate, RowCountIsExact = false });
                continue;
            }
            // No statistics for this table: SQLite counts locally and cheaply, so the exact figure is used.
            await using var command = CreateCommand(connection, "SELECT COUNT(*) FROM " + IdentifierQuoting.DoubleQuotes.Quote(table.Name.Name));
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            counted.Add(table with { RowCount = Convert.ToInt64(value, CultureInfo.InvariantCulture), RowCountIsExact = true });
        }
        return counted;
    }

    private static ReferentialAction Action(string text) => text.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        "RESTRICT" => ReferentialAction.Restrict,
        _ => ReferentialAction.NoAction,
    };

    private static bool SameColumns(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.Zip(b).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));


    /// <summary>
    /// The transaction pending on a SqliteConnection. Microsoft.Data.Sqlite keeps it in a non-public
    /// property; if a future version renames it, this returns null and SQLite's own error says what happened.
    /// </summary>
    private static DbTransaction? PendingTransaction(DbConnection connection) =>
        connection.GetType().GetProperty("Transaction", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            ?.GetValue(connection) as DbTransaction;

    internal static DbCommand CreateCommand(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = PendingTransaction(connection);
        return command;
    }

    private static Task<IReadOnlyList<T>> QueryAsync<T>(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        CatalogQuery.ListAsync<T>(connection, sql, cancellationToken, transaction: PendingTransaction(connection));

    // Catalog rows mapped by Dapper by column alias; a property left unset by a NULL keeps its initial value.
    private sealed record ObjectRow
    {
        public string Type { get; init; } = "";
        public string Name { get; init; } = "";
        public string TableName { get; init; } = "";
        public string? Sql { get; init; }
    }

    private sealed record RawColumn
    {
        public string TableName { get; init; } = "";
        public string Name { get; init; } = "";
        public string DeclaredType { get; init; } = "";
        public bool NotNull { get; init; }
        public string? Default { get; init; }
        public int PrimaryKeyPosition { get; init; }
        public int Hidden { get; init; }
    }

    private sealed record ForeignKeyRow
    {
        public string TableName { get; init; } = "";
        public long Id { get; init; }
        public string Parent { get; init; } = "";
        public string From { get; init; } = "";
        public string? To { get; init; }
        public string OnUpdate { get; init; } = "";
        public string OnDelete { get; init; } = "";
    }

    private sealed record IndexRow
    {
        public string TableName { get; init; } = "";
        public string IndexName { get; init; } = "";
        public bool IsUnique { get; init; }
        public string Origin { get; init; } = "";
        public bool IsPartial { get; init; }
        public long ColumnId { get; init; }
        public string? ColumnName { get; init; }
    }

    private sealed record StatRow
    {
        public string TableName { get; init; } = "";
        public string Stat { get; init; } = "";
    }

    private sealed record RawIndex(string Name, bool IsUnique, string Origin, bool IsPartial)
    {
        public List<string?> Columns { get; } = [];
    }
}
