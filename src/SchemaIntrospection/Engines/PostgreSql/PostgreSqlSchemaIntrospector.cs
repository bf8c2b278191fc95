using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;

/// <summary>
/// Reads PostgreSQL's pg_catalog: one query per kind of object for all selected schemas, grouped in
/// memory by the relation's oid. Only SELECTs are run, so a caller's read-only transaction (if any)
/// is used as it is; none is begun here.
/// </summary>
internal sealed class PostgreSqlSchemaIntrospector : ISchemaIntrospector
{
    private const string SchemasSql = """
        SELECT n.nspname::text AS Name FROM pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
        """;

    // Relations an extension owns (PostGIS's spatial_ref_sys, geometry_columns) are the extension's: it creates them.
    private const string RelationsSql = """
        SELECT c.oid::int8 AS Oid, n.nspname::text AS SchemaName, c.relname::text AS RelationName, c.relkind::text AS Kind,
               c.relispartition AS IsPartition, c.reltuples::float8 AS RelTuples, obj_description(c.oid, 'pg_class') AS Comment,
               (SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1) AS Parent,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS ViewDefinition,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS PartitionKey,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS PartitionBound,
               ARRAY(SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS InheritsFrom
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
        """;

    // Tables only (r, p) and never partitions: their columns and constraints are the parent's.
    private const string TableScope =
        "c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(@schemas)";

    private const string ColumnsSql = """
        SELECT a.attrelid::int8 AS TableOid, a.attname::text AS Name, format_type(a.atttypid, a.atttypmod) AS NativeType, a.attnotnull AS NotNull,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS DefaultSql,
               CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS GeneratedSql,
               a.attidentity::text AS Identity, a.attgenerated::text AS Generated,
               t.oid::int8 AS TypeOid, tn.nspname::text AS TypeSchema, t.typname::text AS TypeName, t.typtype::text AS TypeType,
               bt.typname::text AS BaseName, bt.typtype::text AS BaseType, bt.typcategory::text AS BaseCategory,
               CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS TypeModifier,
               CASE WHEN bt.typcategory = 'A' THEN format_type(bt.typelem, CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) END AS ElementType,
               et.oid::int8 AS ElementOid, etn.nspname::text AS ElementSchema, et.typname::text AS ElementName, et.typtype::text AS ElementTypeType,
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname::text END AS Collation,
               CASE WHEN a.attidentity = '' AND a.attgenerated = '' AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'
                    THEN (SELECT ARRAY[sn.nspname::text, sc.relname::text] FROM pg_depend sd
                          JOIN pg_class sc ON sc.oid = sd.refobjid AND sc.relkind = 'S'
                          JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                          WHERE sd.classid = 'pg_attrdef'::regclass AND sd.objid = d.oid AND sd.refclassid = 'pg_class'::regclass
                          ORDER BY sc.oid LIMIT 1) END AS SerialSequence,
               col_description(a.attrelid, a.attnum) AS Comment, a.attislocal AS IsLocal
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_namespace tn ON tn.oid = t.typnamespace
        JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
        LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
        LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE a.attnum > 0 AND NOT a.attisdropped AND 
        """ + TableScope + """

        ORDER BY a.attrelid, a.attnum
        """;

    // conparentid = 0 drops the copies PostgreSQL makes of a key that references a partitioned table.
    private const string ConstraintsSql = """
        SELECT con.conrelid::int8 AS TableOid, con.conname::text AS Name, con.contype::text AS Kind,
               fn.nspname::text AS PrincipalSchema, fc.relname::text AS PrincipalTable,
               con.confdeltype::text AS OnDelete, con.confupdtype::text AS OnUpdate, pg_get_expr(con.conbin, con.conrelid) AS CheckExpression,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS Columns,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS PrincipalColumns,
               pg_get_constraintdef(con.oid, true) AS Definition
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0 AND 
        """ + TableScope + """

        ORDER BY con.conrelid, con.conname
        """;

    // Indexes that back a primary key, unique or exclusion constraint are reported as those constraints.
    private const string IndexesSql = """
        SELECT i.indrelid::int8 AS TableOid, ic.relname::text AS Name, i.indisunique AS IsUnique,
               pg_get_indexdef(i.indexrelid) AS Definition, pg_get_expr(i.indpred, i.indrelid) AS Predicate,
               ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS Columns,
               i.indexprs IS NOT NULL AS HasExpressions
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                          AND con.contype IN ('p', 'u', 'x'))
          AND 
        """ + TableScope + """

        ORDER BY i.indrelid, ic.relname
        """;

    // Every enum, whatever its schema: a column of a selected table may use an enum declared elsewhere.
    private const string EnumValuesSql =
        "SELECT e.enumtypid::int8 AS TypeOid, e.enumlabel::text AS Label FROM pg_enum e ORDER BY e.enumtypid, e.enumsortorder";

    // Types that belong to an extension (deptype 'e') are the extension's, not the database's.
    private const string UserTypesSql = """
        SELECT t.oid::int8 AS Oid, n.nspname::text AS SchemaName, t.typname::text AS TypeName, t.typtype::text AS TypeType,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS BaseType, t.typnotnull AS NotNull,
               ARRAY(SELECT pg_get_constraintdef(con.oid, true) FROM pg_constraint con WHERE con.contypid = t.oid ORDER BY con.conname::text) AS Checks,
               CASE WHEN t.typtype = 'c' THEN (SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END AS Attributes
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_class tc ON tc.oid = t.typrelid
        WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND tc.relkind = 'c')) AND n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_type'::regclass AND dep.objid = t.oid AND dep.deptype = 'e')
        """;

    public DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IntrospectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var filter = new TableFilter(options);
        var warnings = new List<string>();

        var existing = (await CatalogQuery.ListAsync<string>(connection, SchemasSql, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in options.Schemas.Where(s => !existing.Contains(s)))
        {
            warnings.Add($"Schema {missing} does not exist in database {connection.Database}; check the name and its case (--schema).");
        }
        var schemas = existing.Where(filter.IncludesSchema).Order(StringComparer.Ordinal).ToArray();

        // Relations: tables, partitions, views.
        var relations = (await CatalogQuery.ListAsync<Relation>(connection, RelationsSql, cancellationToken, new { schemas }).ConfigureAwait(false)).ToDictionary(r => r.Oid);

        var tables = relations.Values
            .Where(r => r.Kind is "r" or "p" && !r.IsPartition && filter.Includes(r.Name))
            .ToDictionary(r => r.Oid);
        foreach (var foreign in relations.Values.Where(r => r.Kind == "f" && filter.Includes(r.Name)).OrderBy(r => r.Name, QualifiedName.Order))
        {
            warnings.Add($"Table {foreign.Name} is a foreign table (postgres_fdw or similar); it{ColumnlessTables.LeftOutWords}: its rows live on another server.");
        }
        var partitions = GroupPartitions(relations);
        var views = relations.Values
            .Where(r => r.Kind is "v" or "m" && filter.Includes(r.Name))
            .Select(r => new ViewSchema(r.Name, r.ViewDefinition) { IsMaterialized = r.Kind == "m" })
            .OrderBy(v => v.Name, QualifiedName.Order)
            .ToList();

        var enumValues = (await CatalogQuery.ListAsync<EnumValueRow>(connection, EnumValuesSql, cancellationToken).ConfigureAwait(false))
            .GroupBy(e => e.TypeOid)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Label).ToList());

        var columns = await ReadColumnsAsync(connection, schemas, tables, enumValues, warnings, cancellationToken).ConfigureAwait(false);
        var constraints = await ReadConstraintsAsync(connection, schemas, tables, warnings, cancellationToken).ConfigureAwait(false);
        var indexes = await ReadIndexesAsync(connection, schemas, tables, cancellationToken).ConfigureAwait(false);

        var result = new List<TableSchema>(tables.Count);
        foreach (var table in tables.Values.OrderBy(t => t.Name, QualifiedName.Order))
        {
            var keys = constraints.GetValueOrDefault(table.Oid) ?? new TableConstraints();
            var tableIndexes = indexes.TryGetValue(table.Oid, out var found) ? found : (Keys: new List<KeySchema>(), Indexes: new List<IndexSchema>());
            var tablePartitions = partitions.GetValueOrDefault(table.Oid) ?? [];
            result.Add(new TableSchema
            {
                Name = table.Name,
                Columns = columns.GetValueOrDefault(table.Oid) ?? [],
                PrimaryKey = keys.PrimaryKey,
                ForeignKeys = keys.ForeignKeys,
                UniqueKeys = [.. keys.UniqueKeys, .. tableIndexes.Keys],
                CheckConstraints = keys.Checks,
                Indexes = tableIndexes.Indexes,
                Partitions = tablePartitions.Select(p => p.Name).OrderBy(n => n, QualifiedName.Order).ToList(),
                RowCount = Estimate(table, tablePartitions),
                RowCountIsExact = false,
                Comment = table.Comment,
                Annotations = TableAnnotations(table, keys, tablePartitions, relations),
            });
        }

        if (options.ExactRowCounts)
        {
            result = await CountRowsAsync(connection, result, cancellationToken).ConfigureAwait(false);
        }

        return new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            DatabaseName = connection.Database,
            ServerVersion = connection.ServerVersion,
            Tables = result,
            Views = views,
            UserTypes = await ReadUserTypesAsync(connection, schemas, enumValues, cancellationToken).ConfigureAwait(false),
            Sequences = await PostgreSqlCatalogObjects.SequencesAsync(connection, schemas, cancellationToken).ConfigureAwait(false),
            Extensions = await PostgreSqlCatalogObjects.ExtensionsAsync(connection, cancellationToken).ConfigureAwait(false),
            Routines = await PostgreSqlCatalogObjects.RoutinesAsync(connection, schemas, cancellationToken).ConfigureAwait(false),
            Triggers = await PostgreSqlCatalogObjects.TriggersAsync(connection, schemas, result.Select(t => t.Name).ToHashSet(), cancellationToken).ConfigureAwait(false),
            Warnings = warnings,
        };
    }

    /// <summary>Where a partitioned table's layout is kept: its key, and per partition (by its index in <see cref="TableSchema.Partitions"/>) its parent, bound and own key.</summary>
    public const string PartitionByAnnotation = "postgresql:partition-by";

    /// <summary>Prefix of "postgresql:partition:{index}" = "{parent index, -1 for the table}\n{bound}\n{its own key or empty}".</summary>
    public const string PartitionAnnotationPrefix = "postgresql:partition:";

    /// <summary>The tables a table inherits from (INHERITS), one a line: a quoted name in the table's schema, or "schema"."name" quoted.</summary>
    public const string InheritsAnnotation = "postgresql:inherits";

    /// <summary>Set on a table other tables inherit from: its own rows are read with ONLY.</summary>
    public const string InheritedAnnotation = "postgresql:inherited";

    private static Dictionary<string, string> TableAnnotations(Relation table, TableConstraints keys, List<Relation> partitions, Dictionary<long, Relation> relations)
    {
        var annotations = new Dictionary<string, string>(keys.Annotations, StringComparer.Ordinal);
        if (table.Kind == "p") annotations["postgresql:partitioned"] = "true";
        if (table.PartitionKey is { } key) annotations[PartitionByAnnotation] = key;
        var ordered = partitions.OrderBy(p => p.Name, QualifiedName.Order).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var parent = ordered.FindIndex(p => p.Oid == ordered[i].Parent);
            annotations[PartitionAnnotationPrefix + i.ToString(CultureInfo.InvariantCulture)] =
                $"{parent.ToString(CultureInfo.InvariantCulture)}\n{ordered[i].PartitionBound}\n{ordered[i].PartitionKey}";
        }
        var parents = table.InheritsFrom.Select(relations.GetValueOrDefault).OfType<Relation>().ToList();
        if (parents.Count > 0)
        {
            annotations[InheritsAnnotation] = string.Join("\n", parents.Select(p => p.Name.Schema == table.Name.Schema ? IdentifierQuoting.DoubleQuotes.Quote(p.Name.Name) : IdentifierQuoting.DoubleQuotes.Quote(p.Name)));
        }
        if (relations.Values.Any(r => r.InheritsFrom.Contains(table.Oid))) annotations[InheritedAnnotation] = "true";
        return annotations;
    }

    /// <summary>Partitions by their top-level parent: a sub-partitioned partition's own partitions belong to the root too.</summary>
    private static Dictionary<long, List<Relation>> GroupPartitions(Dictionary<long, Relation> relations)
    {
        var result = new Dictionary<long, List<Relation>>();
        foreach (var partition in relations.Values.Where(r => r.IsPartition))
        {
            var root = partition;
            var guard = 0;
            while (root.IsPartition && root.Parent is { } parent && relations.TryGetValue(parent, out var up) && guard++ < 64)
            {
                root = up;
            }
            if (root == partition) continue;
            if (!result.TryGetValue(root.Oid, out var list)) result[root.Oid] = list = [];
            list.Add(partition);
        }
        return result;
    }

    /// <summary>reltuples is -1 until the table is first vacuumed or analysed: that is "unknown", not zero.</summary>
    private static long? Estimate(Relation table, List<Relation> partitions)
    {
        if (table.Kind != "p") return table.RelTuples < 0 ? null : (long)table.RelTuples;
        if (table.RelTuples >= 0) return (long)table.RelTuples;
        var leaves = partitions.Where(p => p.Kind == "r").ToList();
        if (leaves.Count == 0 || leaves.Any(p => p.RelTuples < 0)) return null;
        return (long)leaves.Sum(p => p.RelTuples);
    }

    private static async Task<Dictionary<long, List<ColumnSchema>>> ReadColumnsAsync(
        DbConnection connection, string[] schemas, Dictionary<long, Relation> tables, Dictionary<long, List<string>> enumValues,
        List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<ColumnSchema>>();
        foreach (var row in await CatalogQuery.ListAsync<ColumnRow>(connection, ColumnsSql, cancellationToken, new { schemas }).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(row.TableOid, out var table)) continue;
            if (!result.TryGetValue(row.TableOid, out var list)) result[row.TableOid] = list = [];
            list.Add(ReadColumn(row, table.Name, list.Count + 1, enumValues, warnings));
        }
        return result;
    }

    private static ColumnSchema ReadColumn(ColumnRow row, QualifiedName table, int ordinal, Dictionary<long, List<string>> enumValues, List<string> warnings)
    {
        var name = row.Name;
        var nativeType = row.NativeType;
        var typeName = new QualifiedName(row.TypeSchema, row.TypeName);
        var typeType = row.TypeType;
        var baseName = row.BaseName;
        var baseType = row.BaseType;
        var elementName = row.ElementSchema is null ? null : new QualifiedName(row.ElementSchema, row.ElementName);
        var comment = row.Comment;

        var (logical, maxLength, precision, scale) = PostgreSqlTypeMapper.Map(baseName, baseType, row.BaseCategory, row.TypeModifier);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (comment is not null) annotations["comment"] = comment;

        QualifiedName? userType = null;
        IReadOnlyList<string>? values = null;
        if (typeType == "d")
        {
            userType = typeName;
            annotations["postgresql:domain"] = typeName.ToString();
            if (baseType == "d")
            {
                warnings.Add($"Column {table}.{name} has domain {typeName}, which is declared over another domain; its base type is read one level deep only.");
            }
        }
        if (logical == LogicalType.Spatial && baseName is "point" or "line" or "lseg" or "box" or "path" or "polygon" or "circle")
        {
            // PostgreSQL's own geometric types, written in their own text form (MySQL's POINT is a geometry).
            annotations["postgresql:geometric"] = baseName;
        }
        if (baseType == "c")
        {
            // A composite column: generated as a row of its fields, and its type created before the table.
            userType ??= typeName;
            annotations["postgresql:composite"] = "true";
        }
        if (typeType == "e" || baseType == "e")
        {
            userType ??= typeName;
            values = enumValues.GetValueOrDefault(typeType == "e" ? row.TypeOid : -1);
        }
        if (baseType == "e" && values is null)
        {
            warnings.Add($"Column {table}.{name} is a domain over an enum; its values are not listed.");
        }
        if (logical == LogicalType.Array && row.ElementTypeType == "e" && row.ElementOid is { } element)
        {
            // An array of enum keeps the enum's values: the generator must draw from them.
            userType = elementName;
            values = enumValues.GetValueOrDefault(element);
        }

        var kind = IdentityKind.None;
        if (row.Identity is "a" or "d")
        {
            kind = IdentityKind.Identity;
            annotations["postgresql:identity"] = row.Identity == "a" ? "always" : "by default";
        }
        else if (row.SerialSequence is { } serialSequence)
        {
            kind = IdentityKind.Serial;
            // Quoted in full, so that a writer reads the two parts back whatever characters they hold.
            annotations["postgresql:sequence"] = IdentifierQuoting.DoubleQuotes.Quote(new QualifiedName(serialSequence[0], serialSequence[1]));
        }
        if (row.Generated == "s") annotations["postgresql:generated"] = "stored";
        // A column an inheriting table has from its parent: INHERITS brings it, the CREATE TABLE does not name it.
        if (!row.IsLocal) annotations["postgresql:inherited-column"] = "true";

        // Composites, tsvector and hstore have no logical type but are generated from their own structure.
        if (logical == LogicalType.Other && !annotations.ContainsKey("postgresql:composite") && nativeType is not ("tsvector" or "hstore" or "public.hstore"))
        {
            warnings.Add($"Column {table}.{name} has type {nativeType}, which the connector does not model; it is kept and flagged.");
        }

        return new ColumnSchema
        {
            Name = name,
            Ordinal = ordinal,
            NativeType = nativeType,
            LogicalType = logical,
            IsNullable = !row.NotNull,
            DefaultSql = row.DefaultSql,
            Identity = kind,
            GeneratedSql = row.GeneratedSql,
            MaxLength = maxLength,
            Precision = precision,
            Scale = scale,
            Collation = row.Collation,
            EnumValues = values,
            ElementType = row.ElementType,
            UserType = userType,
            Annotations = annotations,
        };
    }

    private static async Task<Dictionary<long, TableConstraints>> ReadConstraintsAsync(
        DbConnection connection, string[] schemas, Dictionary<long, Relation> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, TableConstraints>();
        foreach (var row in await CatalogQuery.ListAsync<ConstraintRow>(connection, ConstraintsSql, cancellationToken, new { schemas }).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(row.TableOid, out var table)) continue;
            if (!result.TryGetValue(row.TableOid, out var constraints)) result[row.TableOid] = constraints = new TableConstraints();
            var name = row.Name;
            var columns = row.Columns;
            switch (row.Kind)
            {
                case "p":
                    constraints.PrimaryKey = new KeySchema(name, columns);
                    break;
                case "u":
                    constraints.UniqueKeys.Add(new KeySchema(name, columns));
                    break;
                case "c":
                    constraints.Checks.Add(new CheckConstraintSchema(name, row.CheckExpression ?? row.Definition));
                    break;
                case "x":
                    constraints.Annotations["postgresql:exclusion:" + name] = row.Definition;
                    warnings.Add($"Table {table.Name} has exclusion constraint {name} ({row.Definition}); the models do not know it: a PostgreSQL clone adds it after the load, removing synthetic rows that conflict.");
                    break;
                case "f":
                    constraints.ForeignKeys.Add(new ForeignKeySchema
                    {
                        Name = name,
                        Table = table.Name,
                        Columns = columns,
                        PrincipalTable = new QualifiedName(row.PrincipalSchema, row.PrincipalTable),
                        PrincipalColumns = row.PrincipalColumns,
                        OnDelete = Action(row.OnDelete),
                        OnUpdate = Action(row.OnUpdate),
                    });
                    break;
            }
        }
        return result;
    }

    /// <summary>Unique indexes over plain columns become <see cref="KeySchema"/>s; everything else an <see cref="IndexSchema"/>.</summary>
    private static async Task<Dictionary<long, (List<KeySchema> Keys, List<IndexSchema> Indexes)>> ReadIndexesAsync(
        DbConnection connection, string[] schemas, Dictionary<long, Relation> tables, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (List<KeySchema> Keys, List<IndexSchema> Indexes)>();
        foreach (var row in await CatalogQuery.ListAsync<IndexRow>(connection, IndexesSql, cancellationToken, new { schemas }).ConfigureAwait(false))
        {
            if (!tables.ContainsKey(row.TableOid)) continue;
            if (!result.TryGetValue(row.TableOid, out var lists)) result[row.TableOid] = lists = ([], []);
            // Expression parts have no column (attnum 0): null in the array.
            var hasExpressions = row.HasExpressions || row.Columns.Any(c => c is null);
            var names = row.Columns.Select(c => c ?? "(expression)").ToList();
            if (row.IsUnique && row.Predicate is null && !hasExpressions)
            {
                lists.Keys.Add(new KeySchema(row.Name, names) { IsIndex = true });
            }
            else
            {
                lists.Indexes.Add(new IndexSchema(row.Name, names, row.IsUnique) { Filter = row.Predicate, Definition = row.Definition });
            }
        }
        return result;
    }

    private static async Task<IReadOnlyList<UserTypeSchema>> ReadUserTypesAsync(
        DbConnection connection, string[] schemas, Dictionary<long, List<string>> enumValues, CancellationToken cancellationToken)
    {
        return (await CatalogQuery.ListAsync<UserTypeRow>(connection, UserTypesSql, cancellationToken, new { schemas }).ConfigureAwait(false))
            .Select(row => row.TypeType switch
            {
                "e" => new UserTypeSchema(row.Name) { EnumValues = enumValues.GetValueOrDefault(row.Oid) ?? [] },
                "c" => new UserTypeSchema(row.Name) { Attributes = row.Attributes },
                _ => new UserTypeSchema(row.Name) { BaseType = row.BaseType, NotNull = row.NotNull, Checks = row.Checks },
            })
            .OrderBy(t => t.Name, QualifiedName.Order)
            .ToList();
    }

    private static async Task<List<TableSchema>> CountRowsAsync(DbConnection connection, List<TableSchema> tables, CancellationToken cancellationToken)
    {
        var counted = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {IdentifierQuoting.DoubleQuotes.Quote(table.Name)}";
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            counted.Add(table with { RowCount = Convert.ToInt64(value, CultureInfo.InvariantCulture), RowCountIsExact = true });
        }
        return counted;
    }

    private static ReferentialAction Action(string code) => code switch
    {
        "r" => ReferentialAction.Restrict,
        "c" => ReferentialAction.Cascade,
        "n" => ReferentialAction.SetNull,
        "d" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    // Catalog rows, one record per query; a property left unset by a NULL keeps its initial value.
    private sealed record Relation
    {
        public long Oid { get; init; }
        public string SchemaName { get; init; } = "";
        public string RelationName { get; init; } = "";
        public string Kind { get; init; } = "";
        public bool IsPartition { get; init; }
        public double RelTuples { get; init; }
        public string? Comment { get; init; }
        public long? Parent { get; init; }
        public string? ViewDefinition { get; init; }
        public string? PartitionKey { get; init; }
        public string? PartitionBound { get; init; }
        public long[] InheritsFrom { get; init; } = [];

        public QualifiedName Name => new(SchemaName, RelationName);
    }

    private sealed record EnumValueRow
    {
        public long TypeOid { get; init; }
        public string Label { get; init; } = "";
    }

    private sealed record ColumnRow
    {
        public long TableOid { get; init; }
        public string Name { get; init; } = "";
        public string NativeType { get; init; } = "";
        public bool NotNull { get; init; }
        public string? DefaultSql { get; init; }
        public string? GeneratedSql { get; init; }
        public string Identity { get; init; } = "";
        public string Generated { get; init; } = "";
        public long TypeOid { get; init; }
        public string TypeSchema { get; init; } = "";
        public string TypeName { get; init; } = "";
        public string TypeType { get; init; } = "";
        public string BaseName { get; init; } = "";
        public string BaseType { get; init; } = "";
        public string BaseCategory { get; init; } = "";
        public int TypeModifier { get; init; }
        public string? ElementType { get; init; }
        public long? ElementOid { get; init; }
        public string? ElementSchema { get; init; }
        public string ElementName { get; init; } = "";
        public string? ElementTypeType { get; init; }
        public string? Collation { get; init; }
        public string[]? SerialSequence { get; init; }
        public string? Comment { get; init; }
        public bool IsLocal { get; init; }
    }

    private sealed record ConstraintRow
    {
        public long TableOid { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string PrincipalSchema { get; init; } = "";
        public string PrincipalTable { get; init; } = "";
        public string OnDelete { get; init; } = "";
        public string OnUpdate { get; init; } = "";
        public string? CheckExpression { get; init; }
        public string[] Columns { get; init; } = [];
        public string[] PrincipalColumns { get; init; } = [];
        public string Definition { get; init; } = "";
    }

    private sealed record IndexRow
    {
        public long TableOid { get; init; }
        public string Name { get; init; } = "";
        public bool IsUnique { get; init; }
        public string Definition { get; init; } = "";
        public string? Predicate { get; init; }
        public string?[] Columns { get; init; } = [];
        public bool HasExpressions { get; init; }
    }

    private sealed record UserTypeRow
    {
        public long Oid { get; init; }
        public string SchemaName { get; init; } = "";
        public string TypeName { get; init; } = "";
        public string TypeType { get; init; } = "";
        public string? BaseType { get; init; }
        public bool NotNull { get; init; }
        public string[] Checks { get; init; } = [];
        public string Attributes { get; init; } = "";

        public QualifiedName Name => new(SchemaName, TypeName);
    }

    private sealed class TableConstraints
    {
        public KeySchema? PrimaryKey { get; set; }

        public List<KeySchema> UniqueKeys { get; } = [];

        public List<ForeignKeySchema> ForeignKeys { get; } = [];

        public List<CheckConstraintSchema> Checks { get; } = [];

        public Dictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);
    }
}
