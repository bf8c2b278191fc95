using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Engines.CatalogRows;

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
        SELECT n.nspname::text, c.relname::text, dn.nspname::text, dc.relname::text, a.attname::text, d.deptype::text,
               format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, ps.last_value
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
        SELECT e.extname::text, n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' ORDER BY e.extname
        """;

    // Functions and procedures (not aggregates or window functions, which pg_get_functiondef does not print), by oid: creation order.
    private const string RoutinesSql = """
        SELECT n.nspname::text, p.proname::text, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
               pg_get_functiondef(p.oid), quote_ident(n.nspname) || '.' || quote_ident(p.proname)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype = 'e')
        ORDER BY p.oid
        """;

    // A partition's copy of its parent's trigger (tgparentid <> 0) comes with the parent's.
    private const string TriggersSql = """
        SELECT n.nspname::text, c.relname::text, t.tgname::text, pg_get_triggerdef(t.oid, true)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY(@schemas)
        ORDER BY 1, 2, 3
        """;

    public static async Task<IReadOnlyList<SequenceSchema>> SequencesAsync(DbConnection connection, string[] schemas, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, SequencesSql, cancellationToken, ("schemas", schemas)).ConfigureAwait(false))
            .Select(r => new SequenceSchema(new QualifiedName(Text(r[0]), Text(r[1])))
            {
                OwnedByTable = r[3] is null ? null : new QualifiedName(Text(r[2]), Text(r[3])),
                OwnedByColumn = Str(r[4]),
                IsIdentity = Str(r[5]) == "i",
                DataType = Str(r[6]),
                Start = Long(r[7]),
                Increment = Long(r[8]),
                MinValue = Long(r[9]),
                MaxValue = Long(r[10]),
                Cache = Long(r[11]),
                Cycle = Bool(r[12]),
                LastValue = Long(r[13]),
            })
            .ToList();

    public static async Task<IReadOnlyList<QualifiedName>> ExtensionsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, ExtensionsSql, cancellationToken).ConfigureAwait(false)).Select(r => new QualifiedName(Text(r[1]), Text(r[0]))).ToList();

    public static async Task<IReadOnlyList<RoutineSchema>> RoutinesAsync(DbConnection connection, string[] schemas, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, RoutinesSql, cancellationToken, ("schemas", schemas)).ConfigureAwait(false))
            .Select(r => new RoutineSchema(new QualifiedName(Text(r[0]), Text(r[1])), Text(r[2]), Text(r[3])) { PrintedName = Str(r[4]) })
            .ToList();

    /// <summary>Triggers of the tables read (<paramref name="tables"/>), not of tables left out.</summary>
    public static async Task<IReadOnlyList<TriggerSchema>> TriggersAsync(DbConnection connection, string[] schemas, HashSet<QualifiedName> tables, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, TriggersSql, cancellationToken, ("schemas", schemas)).ConfigureAwait(false))
            .Select(r => new TriggerSchema(Text(r[2]), new QualifiedName(Text(r[0]), Text(r[1])), Text(r[3])))
            .Where(t => tables.Contains(t.Table))
            .ToList();
}
