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
        SELECT n.nspname::text FROM pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
        """;

    // Relations an extension owns (PostGIS's spatial_ref_sys, geometry_columns) are the extension's: it creates them.
    private const string RelationsSql = """
        SELECT c.oid::int8, n.nspname::text, c.relname::text, c.relkind::text, c.relispartition, c.reltuples::float8,
               obj_description(c.oid, 'pg_class'),
               (SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1),
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
               ARRAY(SELECT i.inhparent::int8 FROM pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
        """;

    // Tables only (r, p) and never partitions: their columns and constraints are the parent's.
    private const string TableScope =
        "c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(@schemas)";

    private const string ColumnsSql = """
        SELECT a.attrelid::int8, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
               CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
               a.attidentity::text, a.attgenerated::text,
               t.oid::int8, tn.nspname::text, t.typname::text, t.typtype::text,
               bt.typname::text, bt.typtype::text, bt.typcategory::text,
               CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
               CASE WHEN bt.typcategory = 'A' THEN format_type(bt.typelem, CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) END,
               et.oid::int8, etn.nspname::text, et.typname::text, et.typtype::text,
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname::text END,
               CASE WHEN a.attidentity = '' AND a.attgenerated = '' AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'
                    THEN (SELECT ARRAY[sn.nspname::text, sc.relname::text] FROM pg_depend sd
                          JOIN pg_class sc ON sc.oid = sd.refobjid AND sc.relkind = 'S'
                          JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                          WHERE sd.classid = 'pg_attrdef'::regclass AND sd.objid = d.oid AND sd.refclassid = 'pg_class'::regclass
                          ORDER BY sc.oid LIMIT 1) END,
               col_description(a.attrelid, a.attnum), a.attislocal
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
        SELECT con.conrelid::int8, con.conname::text, con.contype::text, fn.nspname::text, fc.relname::text,
               con.confdeltype::text, con.confupdtype::text, pg_get_expr(con.conbin, con.conrelid),
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
               pg_get_constraintdef(con.oid, true)
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
        SELECT i.indrelid::int8, ic.relname::text, i.indisunique, pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),
               ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= i.indnkeyatts ORDER BY k.ord),
               i.indexprs IS NOT NULL
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
        "SELECT e.enumtypid::int8, e.enumlabel::text FROM pg_enum e ORDER BY e.enumtypid, e.enumsortorder";

    // Types that belong to an extension (deptype 'e') are the extension's, not the database's.
    private const string UserTypesSql = """
        SELECT t.oid::int8, n.nspname::text, t.typname::text, t.typtype::text,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, t.typnotnull,
               ARRAY(SELECT pg_get_constraintdef(con.oid, true) FROM pg_constraint con WHERE con.contypid = t.oid ORDER BY con.conname::text),
               CASE WHEN t.typtype = 'c' THEN (SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END
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

        var existing = new HashSet<string>(StringComparer.Ordinal);
        await QueryAsync(connection, SchemasSql, null, r => existing.Add(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        foreach (var missing in options.Schemas.Where(s => !existing.Contains(s)))
        {
            warnings.Add($"Schema {missing} does not exist in database {connection.Database}; check the name and its case (--schema).");
        }
        var schemas = existing.Where(filter.IncludesSchema).Order(StringComparer.Ordinal).ToArray();

        // Relations: tables, partitions, views.
        var relations = new Dictionary<long, Relation>();
        await QueryAsync(connection, RelationsSql, schemas, r =>
        {
            var relation = new Relation(
                r.GetInt64(0), new QualifiedName(r.GetString(1), r.GetString(2)), r.GetString(3), r.GetBoolean(4),
                r.GetDouble(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetString(8))
            {
                PartitionKey = r.IsDBNull(9) ? null : r.GetString(9),
                PartitionBound = r.IsDBNull(10) ? null : r.GetString(10),
                InheritsFrom = r.GetFieldValue<long[]>(11),
            };
            relations[relation.Oid] = relation;
        }, cancellationToken).ConfigureAwait(false);

        var tables = relations.Values
            .Where(r => r.Kind is "r" or "p" && !r.IsPartition && filter.Includes(r.Name))
            .ToDictionary(r => r.Oid);
        foreach (var foreign in relations.Values.Where(r => r.Kind == "f" && filter.Includes(r.Name)).OrderBy(r => r.Name, QualifiedName.Order))
        {
            warnings.Add($"Table {foreign.Name} is a foreign table (postgres_fdw or similar); it is not read as a table.");
        }
        var partitions = GroupPartitions(relations);
        var views = relations.Values
            .Where(r => r.Kind is "v" or "m" && filter.Includes(r.Name))
            .Select(r => new ViewSchema(r.Name, r.ViewDefinition) { IsMaterialized = r.Kind == "m" })
            .OrderBy(v => v.Name, QualifiedName.Order)
            .ToList();

        var enumValues = new Dictionary<long, List<string>>();
        await QueryAsync(connection, EnumValuesSql, null, r =>
        {
            var oid = r.GetInt64(0);
            if (!enumValues.TryGetValue(oid, out var list)) enumValues[oid] = list = [];
            list.Add(r.GetString(1));
        }, cancellationToken).ConfigureAwait(false);

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
        await QueryAsync(connection, ColumnsSql, schemas, r =>
        {
            var oid = r.GetInt64(0);
            if (!tables.TryGetValue(oid, out var table)) return;
            if (!result.TryGetValue(oid, out var list)) result[oid] = list = [];
            list.Add(ReadColumn(r, table.Name, list.Count + 1, enumValues, warnings));
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static ColumnSchema ReadColumn(DbDataReader r, QualifiedName table, int ordinal, Dictionary<long, List<string>> enumValues, List<string> warnings)
    {
        var name = r.GetString(1);
        var nativeType = r.GetString(2);
        var defaultSql = r.IsDBNull(4) ? null : r.GetString(4);
        var generatedSql = r.IsDBNull(5) ? null : r.GetString(5);
        var identity = r.GetString(6);
        var generated = r.GetString(7);
        var typeOid = r.GetInt64(8);
        var typeName = new QualifiedName(r.GetString(9), r.GetString(10));
        var typeType = r.GetString(11);
        var baseName = r.GetString(12);
        var baseType = r.GetString(13);
        var baseCategory = r.GetString(14);
        var typmod = r.GetInt32(15);
        var elementType = r.IsDBNull(16) ? null : r.GetString(16);
        long? elementOid = r.IsDBNull(17) ? null : r.GetInt64(17);
        var elementName = r.IsDBNull(18) ? null : new QualifiedName(r.GetString(18), r.GetString(19));
        var elementTypeType = r.IsDBNull(20) ? null : r.GetString(20);
        var collation = r.IsDBNull(21) ? null : r.GetString(21);
        var serialSequence = r.IsDBNull(22) ? null : r.GetFieldValue<string[]>(22);
        var comment = r.IsDBNull(23) ? null : r.GetString(23);

        var (logical, maxLength, precision, scale) = PostgreSqlTypeMapper.Map(baseName, baseType, baseCategory, typmod);
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
            values = enumValues.GetValueOrDefault(typeType == "e" ? typeOid : -1);
        }
        if (baseType == "e" && values is null)
        {
            warnings.Add($"Column {table}.{name} is a domain over an enum; its values are not listed.");
        }
        if (logical == LogicalType.Array && elementTypeType == "e" && elementOid is { } element)
        {
            // An array of enum keeps the enum's values: the generator must draw from them.
            userType = elementName;
            values = enumValues.GetValueOrDefault(element);
        }

        var kind = IdentityKind.None;
        if (identity is "a" or "d")
        {
            kind = IdentityKind.Identity;
            annotations["postgresql:identity"] = identity == "a" ? "always" : "by default";
        }
        else if (serialSequence is not null)
        {
            kind = IdentityKind.Serial;
            // Quoted in full, so that a writer reads the two parts back whatever characters they hold.
            annotations["postgresql:sequence"] = IdentifierQuoting.DoubleQuotes.Quote(new QualifiedName(serialSequence[0], serialSequence[1]));
        }
        if (generated == "s") annotations["postgresql:generated"] = "stored";
        // A column an inheriting table has from its parent: INHERITS brings it, the CREATE TABLE does not name it.
        if (!r.GetBoolean(24)) annotations["postgresql:inherited-column"] = "true";

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
            IsNullable = !r.GetBoolean(3),
            DefaultSql = defaultSql,
            Identity = kind,
            GeneratedSql = generatedSql,
            MaxLength = maxLength,
            Precision = precision,
            Scale = scale,
            Collation = collation,
            EnumValues = values,
            ElementType = elementType,
            UserType = userType,
            Annotations = annotations,
        };
    }

    private static async Task<Dictionary<long, TableConstraints>> ReadConstraintsAsync(
        DbConnection connection, string[] schemas, Dictionary<long, Relation> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, TableConstraints>();
        await QueryAsync(connection, ConstraintsSql, schemas, r =>
        {
            var oid = r.GetInt64(0);
            if (!tables.TryGetValue(oid, out var table)) return;
            if (!result.TryGetValue(oid, out var constraints)) result[oid] = constraints = new TableConstraints();
            var name = r.GetString(1);
            var columns = r.GetFieldValue<string[]>(8);
            switch (r.GetString(2))
            {
                case "p":
                    constraints.PrimaryKey = new KeySchema(name, columns);
                    break;
                case "u":
                    constraints.UniqueKeys.Add(new KeySchema(name, columns));
                    break;
                case "c":
                    constraints.Checks.Add(new CheckConstraintSchema(name, r.IsDBNull(7) ? r.GetString(10) : r.GetString(7)));
                    break;
                case "x":
                    constraints.Annotations["postgresql:exclusion:" + name] = r.GetString(10);
                    warnings.Add($"Table {table.Name} has exclusion constraint {name} ({r.GetString(10)}); the models do not know it: a PostgreSQL clone adds it after the load, removing synthetic rows that conflict.");
                    break;
                case "f":
                    constraints.ForeignKeys.Add(new ForeignKeySchema
                    {
                        Name = name,
                        Table = table.Name,
                        Columns = columns,
                        PrincipalTable = new QualifiedName(r.GetString(3), r.GetString(4)),
                        PrincipalColumns = r.GetFieldValue<string[]>(9),
                        OnDelete = Action(r.GetString(5)),
                        OnUpdate = Action(r.GetString(6)),
                    });
                    break;
            }
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Unique indexes over plain columns become <see cref="KeySchema"/>s; everything else an <see cref="IndexSchema"/>.</summary>
    private static async Task<Dictionary<long, (List<KeySchema> Keys, List<IndexSchema> Indexes)>> ReadIndexesAsync(
        DbConnection connection, string[] schemas, Dictionary<long, Relation> tables, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (List<KeySchema> Keys, List<IndexSchema> Indexes)>();
        await QueryAsync(connection, IndexesSql, schemas, r =>
        {
            var oid = r.GetInt64(0);
            if (!tables.ContainsKey(oid)) return;
            if (!result.TryGetValue(oid, out var lists)) result[oid] = lists = ([], []);
            var name = r.GetString(1);
            var unique = r.GetBoolean(2);
            var definition = r.GetString(3);
            var predicate = r.IsDBNull(4) ? null : r.GetString(4);
            // Expression parts have no column (attnum 0): null in the array.
            var columns = r.GetFieldValue<string?[]>(5);
            var hasExpressions = r.GetBoolean(6) || columns.Any(c => c is null);
            var names = columns.Select(c => c ?? "(expression)").ToList();
            if (unique && predicate is null && !hasExpressions)
            {
                lists.Keys.Add(new KeySchema(name, names) { IsIndex = true });
            }
            else
            {
                lists.Indexes.Add(new IndexSchema(name, names, unique) { Filter = predicate, Definition = definition });
            }
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task<IReadOnlyList<UserTypeSchema>> ReadUserTypesAsync(
        DbConnection connection, string[] schemas, Dictionary<long, List<string>> enumValues, CancellationToken cancellationToken)
    {
        var result = new List<UserTypeSchema>();
        await QueryAsync(connection, UserTypesSql, schemas, r =>
        {
            var name = new QualifiedName(r.GetString(1), r.GetString(2));
            result.Add(r.GetString(3) switch
            {
                "e" => new UserTypeSchema(name) { EnumValues = enumValues.GetValueOrDefault(r.GetInt64(0)) ?? [] },
                "c" => new UserTypeSchema(name) { Attributes = r.IsDBNull(7) ? "" : r.GetString(7) },
                _ => new UserTypeSchema(name) { BaseType = r.GetString(4), NotNull = r.GetBoolean(5), Checks = r.GetFieldValue<string[]>(6) },
            });
        }, cancellationToken).ConfigureAwait(false);
        return result.OrderBy(t => t.Name, QualifiedName.Order).ToList();
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

    private static async Task QueryAsync(DbConnection connection, string sql, string[]? schemas, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (schemas is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "schemas";
            parameter.Value = schemas;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    private sealed record Relation(long Oid, QualifiedName Name, string Kind, bool IsPartition, double RelTuples, string? Comment, long? Parent, string? ViewDefinition)
    {
        public string? PartitionKey { get; init; }

        public string? PartitionBound { get; init; }

        public long[] InheritsFrom { get; init; } = [];
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
