using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;

/// <summary>
/// The PostgreSQL objects beside the tables that a same-engine clone recreates: sequences (with
/// their parameters), extensions, functions and procedures (pg_get_functiondef), and triggers
/// (pg_get_triggerdef). Objects an extension owns are the extension's and are left out.
/// </summary>
internal static class PostgreSqlCatalogObjects
{
    // pg_sequences.last_value is NULL where the reader may not read the sequence (or it was never used).
    private const string SequencesSql = """
        SELECT n.nspname::text AS SchemaName, c.relname::text AS SequenceName, dn.nspname::text AS OwnerSchema, dc.relname::text AS OwnerTable,
               a.attname::text AS OwnerColumn, d.deptype::text AS DependencyType, format_type(s.seqtypid, NULL) AS DataType,
               s.seqstart AS Start, s.seqincrement AS Increment, s.seqmin AS MinValue, s.seqmax AS MaxValue, s.seqcache AS Cache,
               s.seqcycle AS Cycle, ps.last_value AS LastValue
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_sequence s ON s.seqrelid = c.oid
        LEFT JOIN pg_sequences ps ON ps.schemaname = n.nspname AND ps.sequencename = c.relname
        LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        LEFT JOIN pg_class dc ON dc.oid = d.refobjid
        LEFT JOIN pg_namespace dn ON dn.oid = dc.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE c.relkind = 'S' AND n.nspname = ANY(@schemas)
        ORDER BY 1, 2
        """;

    // plpgsql is in every database already.
    private const string ExtensionsSql = """
        SELECT e.extname::text AS Name, n.nspname::text AS SchemaName FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' ORDER BY e.extname
        """;

    // Functions and procedures (not aggregates or window functions, which pg_get_functiondef does not print), by oid: creation order.
    private const string RoutinesSql = """
        SELECT n.nspname::text AS SchemaName, p.proname::text AS Name, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS Kind,
               pg_get_functiondef(p.oid) AS Definition, quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS PrintedName
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype = 'e')
        ORDER BY p.oid
        """;

    // A partition's copy of its parent's trigger (tgparentid <> 0) comes with the parent's.
    private const string TriggersSql = """
        SELECT n.nspname::text AS SchemaName, c.relname::text AS TableName, t.tgname::text AS Name, pg_get_triggerdef(t.oid, true) AS Definition
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY(@schemas)
        ORDER BY 1, 2, 3
        """;

    public static async Task<IReadOnlyList<SequenceSchema>> SequencesAsync(DbConnection connection, string[] schemas, CancellationToken cancellationToken) =>
        (await CatalogQuery.ListAsync<SequenceRow>(connection, SequencesSql, cancellationToken, new { schemas }).ConfigureAwait(false))
            .Select(r => new SequenceSchema(new QualifiedName(r.SchemaName, r.SequenceName))
            {
                OwnedByTable = r.OwnerTable is null ? null : new QualifiedName(r.OwnerSchema, r.OwnerTable),
                OwnedByColumn = r.OwnerColumn,
                IsIdentity = r.DependencyType == "i",
                DataType = r.DataType,
                Start = r.Start,
                Increment = r.Increment,
                MinValue = r.MinValue,
                MaxValue = r.MaxValue,
                Cache = r.Cache,
                Cycle = r.Cycle,
                LastValue = r.LastValue,
            })
            .ToList();

    public static async Task<IReadOnlyList<QualifiedName>> ExtensionsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await CatalogQuery.ListAsync<ExtensionRow>(connection, ExtensionsSql, cancellationToken).ConfigureAwait(false)).Select(r => new QualifiedName(r.SchemaName, r.Name)).ToList();

    public static async Task<IReadOnlyList<RoutineSchema>> RoutinesAsync(DbConnection connection, string[] schemas, CancellationToken cancellationToken) =>
        (await CatalogQuery.ListAsync<RoutineRow>(connection, RoutinesSql, cancellationToken, new { schemas }).ConfigureAwait(false))
            .Select(r => new RoutineSchema(new QualifiedName(r.SchemaName, r.Name), r.Kind, r.Definition) { PrintedName = r.PrintedName })
            .ToList();

    /// <summary>Triggers of the tables read (<paramref name="tables"/>), not of tables left out.</summary>
    public static async Task<IReadOnlyList<TriggerSchema>> TriggersAsync(DbConnection connection, string[] schemas, HashSet<QualifiedName> tables, CancellationToken cancellationToken) =>
        (await CatalogQuery.ListAsync<TriggerRow>(connection, TriggersSql, cancellationToken, new { schemas }).ConfigureAwait(false))
            .Select(r => new TriggerSchema(r.Name, new QualifiedName(r.SchemaName, r.TableName), r.Definition))
            .Where(t => tables.Contains(t.Table))
            .ToList();

    // Catalog rows mapped by Dapper by column alias; a property left unset by a NULL keeps its initial value.
    private sealed record SequenceRow
    {
        public string SchemaName { get; init; } = "";
        public string SequenceName { get; init; } = "";
        public string OwnerSchema { get; init; } = "";
        public string? OwnerTable { get; init; }
        public string? OwnerColumn { get; init; }
        public string? DependencyType { get; init; }
        public string? DataType { get; init; }
        public long? Start { get; init; }
        public long? Increment { get; init; }
        public long? MinValue { get; init; }
        public long? MaxValue { get; init; }
        public long? Cache { get; init; }
        public bool Cycle { get; init; }
        public long? LastValue { get; init; }
    }

    private sealed record ExtensionRow
    {
        public string Name { get; init; } = "";
        public string SchemaName { get; init; } = "";
    }

    private sealed record RoutineRow
    {
        public string SchemaName { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Definition { get; init; } = "";
        public string? PrintedName { get; init; }
    }

    private sealed record TriggerRow
    {
        public string SchemaName { get; init; } = "";
        public string TableName { get; init; } = "";
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
    }
}
