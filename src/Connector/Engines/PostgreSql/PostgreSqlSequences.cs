using System.Data.Common;
using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// The sequences of a PostgreSQL clone of a PostgreSQL source. Every sequence that is not an
/// identity's is created with the source's parameters before the tables (a column's
/// <c>nextval('x_id_seq'::regclass)</c> default needs it, whether the sequence is owned, as serial
/// makes it, or made by hand, as older schemas do), owned by its column again after them, and after
/// the load moved past the largest value of every column whose default draws from it, so a plain
/// INSERT works on the clone. A sequence no column draws from is moved to the source's last value.
/// </summary>
internal static class PostgreSqlSequences
{
    private static readonly PostgreSqlDialect D = PostgreSqlDialect.Instance;

    /// <summary>Columns of the given tables whose default draws from a sequence, with the sequence (quoted names).</summary>
    private const string DrawingColumnsSql = """
        SELECT '"' || replace(sn.nspname, '"', '""') || '"."' || replace(sc.relname, '"', '""') || '"',
               format('%I.%I', tn.nspname, tc.relname), quote_ident(a.attname)
        FROM pg_attrdef ad
        JOIN pg_depend dd ON dd.classid = 'pg_attrdef'::regclass AND dd.objid = ad.oid AND dd.refclassid = 'pg_class'::regclass
        JOIN pg_class sc ON sc.oid = dd.refobjid AND sc.relkind = 'S'
        JOIN pg_namespace sn ON sn.oid = sc.relnamespace
        JOIN pg_class tc ON tc.oid = ad.adrelid
        JOIN pg_namespace tn ON tn.oid = tc.relnamespace
        JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
        JOIN pg_type ty ON ty.oid = a.atttypid
        WHERE ad.adrelid IN (SELECT to_regclass(x) FROM unnest(@tables) x) AND ty.typcategory = 'N'
        ORDER BY 1, 2, 3
        """;

    /// <summary>The sequences to create: those of the source that no identity owns.</summary>
    public static IEnumerable<SequenceSchema> Created(DatabaseSchema schema) => schema.Sequences.Where(s => !s.IsIdentity);

    public static string CreateDdl(SequenceSchema sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var sql = new StringBuilder("CREATE SEQUENCE IF NOT EXISTS ").Append(D.Quote(sequence.Name));
        if (sequence.DataType is "smallint" or "integer" or "bigint") sql.Append(" AS ").Append(sequence.DataType);
        void Part(string keyword, long? value)
        {
            if (value is { } v) sql.Append(' ').Append(keyword).Append(' ').Append(v.ToString(CultureInfo.InvariantCulture));
        }
        Part("INCREMENT BY", sequence.Increment);
        Part("MINVALUE", sequence.MinValue);
        Part("MAXVALUE", sequence.MaxValue);
        Part("START WITH", sequence.Start);
        Part("CACHE", sequence.Cache);
        sql.Append(sequence.Cycle ? " CYCLE" : " NO CYCLE");
        return sql.ToString();
    }

    /// <summary>Creates every sequence the clone needs; before the tables, whose defaults name them.</summary>
    public static async Task CreateAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        foreach (var sequence in Created(schema))
        {
            await SqlCommands.ExecuteAsync(connection, CreateDdl(sequence), cancellationToken);
        }
    }

    /// <summary>Gives each owned sequence back to its column (after the tables exist), so dropping the column drops it, as in the source.</summary>
    public static async Task OwnAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        var tables = schema.Tables.Select(t => t.Name).ToHashSet();
        foreach (var sequence in Created(schema).Where(s => s.OwnedByTable is { } t && tables.Contains(t) && s.OwnedByColumn is not null))
        {
            var table = schema.Table(sequence.OwnedByTable!);
            if (table.FindColumn(sequence.OwnedByColumn!) is null) continue;
            await SqlCommands.ExecuteAsync(connection,
                $"ALTER SEQUENCE {D.Quote(sequence.Name)} OWNED BY {D.Quote(table.Name)}.{D.Quote(sequence.OwnedByColumn!)}", cancellationToken);
        }
    }

    /// <summary>
    /// The default of a serial or hand-made-sequence column, pointing at the clone's sequence by its full name
    /// (so it does not depend on the search_path the table is created under), or null where the clone has no
    /// such sequence (the writer then makes the column an identity).
    /// </summary>
    public static string? DefaultFor(TableSchema table, ColumnSchema column, DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(schema);
        if (!column.Annotations.TryGetValue("postgresql:sequence", out var quoted) || ParseQualified(quoted) is not { } name) return null;
        var candidates = Created(schema).Where(s => s.Name.Name == name.Name).ToList();
        var sequence = candidates.FirstOrDefault(s => s.Name.Schema == name.Schema)
            ?? candidates.FirstOrDefault(s => s.Name.Schema == table.Name.Schema)
            ?? (candidates.Count == 1 ? candidates[0] : null);
        return sequence is null ? null : $"nextval({PostgreSqlDialect.Literal(D.Quote(sequence.Name))}::regclass)";
    }

    /// <summary>
    /// Moves each sequence past the largest value of the columns that draw from it (setval(seq, max, true): the
    /// next value is max + increment); a sequence no cloned column draws from goes to the source's last value.
    /// </summary>
    public static async Task ResetAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        var drawing = new SortedDictionary<string, List<(string Table, string Column)>>(StringComparer.Ordinal);
        var tables = schema.Tables.Select(t => D.Quote(t.Name)).ToArray();
        await SqlCommands.QueryAsync(connection, DrawingColumnsSql, r =>
        {
            if (!drawing.TryGetValue(r.GetString(0), out var list)) drawing[r.GetString(0)] = list = [];
            list.Add((r.GetString(1), r.GetString(2)));
        }, cancellationToken, ("tables", tables));
        foreach (var (sequence, columns) in drawing)
        {
            var maxima = string.Join(" UNION ALL ", columns.Select(c => $"SELECT max({c.Column})::numeric AS x FROM {c.Table}"));
            var literal = PostgreSqlDialect.Literal(sequence);
            // Only where the largest value is one the sequence can hold and it counts upwards.
            await SqlCommands.ExecuteAsync(connection,
                $"SELECT setval({literal}::regclass, m.v::bigint, true) FROM (SELECT max(x) AS v FROM ({maxima}) u) m, pg_sequence s " +
                $"WHERE s.seqrelid = {literal}::regclass AND m.v IS NOT NULL AND s.seqincrement > 0 AND m.v BETWEEN s.seqmin AND s.seqmax",
                cancellationToken);
        }
        // The catalog spells the sequences as D.Quote does: always quoted.
        foreach (var sequence in Created(schema).Where(s => s.LastValue is not null && !drawing.ContainsKey(D.Quote(s.Name))))
        {
            await SqlCommands.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"SELECT setval({PostgreSqlDialect.Literal(D.Quote(sequence.Name))}::regclass, {sequence.LastValue!.Value}, true)"), cancellationToken);
        }
    }

    /// <summary>Reads a name written as two quoted identifiers ("schema"."name") back into its parts; null if it is not one.</summary>
    public static QualifiedName? ParseQualified(string quoted)
    {
        ArgumentNullException.ThrowIfNull(quoted);
        var parts = new List<string>();
        var i = 0;
        while (i < quoted.Length)
        {
            if (quoted[i] != '"') return null;
            var part = new StringBuilder();
            i++;
            while (i < quoted.Length)
            {
                if (quoted[i] == '"')
                {
                    if (i + 1 < quoted.Length && quoted[i + 1] == '"')
                    {
                        part.Append('"');
                        i += 2;
                        continue;
                    }
                    break;
                }
                part.Append(quoted[i++]);
            }
            if (i >= quoted.Length) return null;
            parts.Add(part.ToString());
            i++;
            if (i < quoted.Length)
            {
                if (quoted[i] != '.') return null;
                i++;
            }
        }
        return parts.Count switch { 1 => new QualifiedName(null, parts[0]), 2 => new QualifiedName(parts[0], parts[1]), _ => null };
    }
}
