using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Finds the reference tables of a schema: small lookup tables that other tables point at for a code
/// or a label (genres, media types, statuses, countries, vocabularies), which hold no personal data and
/// are copied verbatim into the clone, keys included, so that every code a child uses is a real one.
/// A table is one when another table references it, it has rows but at most
/// <see cref="ReferenceOptions.MaxRows"/> and at most the square root of its largest referrer's rows, none of its columns is personal data or a date (entities carry
/// dates; lookups do not; a stamp the database sets itself does not count), numbers only where it is very small, and every table it references itself is a
/// reference table. The user's word (<see cref="TableSchema.ReferenceOverride"/>, <c>--reference-tables</c>) wins, except
/// that a table with personal data is never copied.
/// </summary>
public static partial class ReferenceTables
{
    /// <summary>The reference tables, each with the reason it is (or is not) one, for every table.</summary>
    public static IReadOnlyDictionary<QualifiedName, TableRole> Detect(DatabaseSchema schema, ReferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        // Per referenced table, its rows and those of its largest referencing table: counted by the source where the
        // relationship's statistics are known (the fit counts them first), else the catalog's estimates, which a
        // table never analysed gives as 0.
        var referenced = schema.ForeignKeys.Where(f => !f.IsSelfReference && schema.FindTable(f.PrincipalTable) is not null)
            .GroupBy(f => f.PrincipalTable)
            .ToDictionary(g => g.Key, g => (
                Rows: g.Select(f => f.Statistics?.ParentRows).Max() ?? schema.Table(g.Key).RowCount ?? 0,
                ChildRows: g.Max(f => f.Statistics?.ChildRows ?? schema.FindTable(f.Table)?.RowCount ?? 0)));
        var roles = new Dictionary<QualifiedName, TableRole>();
        // Parent-first, so a table's own parents are decided before it.
        foreach (var name in ForeignKeyGraph.Build(schema).ParentFirstOrder)
        {
            var table = schema.Table(name);
            roles[name] = Decide(table, referenced.TryGetValue(name, out var counts) ? counts : null, roles, options);
        }

        return roles;
    }

    private static TableRole Decide(TableSchema table, (long Rows, long ChildRows)? referenced, Dictionary<QualifiedName, TableRole> decided, ReferenceOptions options)
    {
        var userSays = table.ReferenceOverride ?? options.Explicit(table.Name);
        // A parent not decided yet is later in the order (a cycle): it is generated, so its keys could not be copied.
        var parents = table.ForeignKeys.Where(f => !f.IsSelfReference).Select(f => f.PrincipalTable).Distinct().ToList();
        var generatedParent = parents.FirstOrDefault(p => !decided.TryGetValue(p, out var role) || !role.IsReference);
        var personal = table.Columns.FirstOrDefault(c => c.SdType == SdType.Pii);
        if (userSays == true)
        {
            // Personal data is generated, never copied, whoever names the table: a metadata file written before a
            // column was marked personal (its plan said lookup) must not copy that column's real values.
            if (personal is not null)
                return new TableRole(false, $"named a reference table, but column {personal.Name} is personal data, which is never copied: generated");
            return generatedParent is null
                ? new TableRole(true, "a reference table, as the metadata or --reference-tables says")
                : new TableRole(false, $"named a reference table, but it references {generatedParent}, which is generated: its keys could not point at real rows; mark {generatedParent} as a reference table too");
        }

        if (userSays == false) return new TableRole(false, "generated, as the metadata or --reference-tables says");
        if (!options.Automatic) return new TableRole(false, "generated (--reference-tables none)");
        if (referenced is not { } counts) return new TableRole(false, "no table references it");
        var (rows, childRows) = counts;
        if (rows == 0) return new TableRole(false, "it has no rows");
        if (rows > options.MaxRows) return new TableRole(false, $"{rows:N0} rows, more than a lookup table's {options.MaxRows:N0}");
        // A label is shared: a lookup's rows are few beside the rows that point at them (25 genres for 3,503 tracks).
        // A table with about as many rows as its referrers (347 albums for 3,503 tracks, 275 artists for 347 albums)
        // holds entities, whose names and titles are the source's content, not a vocabulary.
        if (rows * rows > childRows)
            return new TableRole(false, $"{rows:N0} rows for {childRows:N0} rows that reference it: entities, not a vocabulary (a lookup has at most the square root of its referrers' rows)");
        if (personal is not null) return new TableRole(false, $"column {personal.Name} is personal data");
        // Two e-mail addresses among three account names are too few for the column to be called personal data, and
        // copying the lookup would write them verbatim.
        var shaped = table.Columns.FirstOrDefault(c => c.Inference?.PersonalValues > 0);
        if (shaped is not null)
            return new TableRole(false, $"column {shaped.Name} holds {shaped.Inference!.PersonalValues} value(s) shaped like personal data (e-mail addresses, ID, account or card numbers), which are never copied");
        var date = table.Columns.FirstOrDefault(c => c.SdType == SdType.Datetime && !IsKey(table, c.Name) && !IsClockStamp(c));
        if (date is not null) return new TableRole(false, $"column {date.Name} is a date (entities carry dates, lookups do not)");
        var number = table.Columns.FirstOrDefault(c => c.SdType == SdType.Numerical && !IsKey(table, c.Name));
        if (number is not null && rows > options.MaxRowsWithNumbers)
            return new TableRole(false, $"column {number.Name} is a measure and the table has {rows:N0} rows (lookups with numbers have at most {options.MaxRowsWithNumbers})");
        if (generatedParent is not null) return new TableRole(false, $"it references {generatedParent}, which is generated");
        return new TableRole(true, $"a lookup table: {rows:N0} rows of labels that other tables point at, no personal data");
    }

    /// <summary>
    /// A date the database stamps itself, by a default of the clock or MySQL's ON UPDATE: an audit column such as
    /// Sakila's and Pagila's last_update, which every table carries, lookups included, and which says nothing of what a
    /// row is. (It made no Sakila lookup a reference table, and languages came out with generated codes.)
    /// </summary>
    private static bool IsClockStamp(ColumnSchema column) =>
        column.Annotations.ContainsKey("mysql.on_update")
        || (column.DefaultSql is { } sql && ClockDefault().IsMatch(sql));

    [GeneratedRegex(@"^\W*(now\s*\(|current_timestamp|localtimestamp|transaction_timestamp|statement_timestamp|clock_timestamp|getdate|getutcdate|sysdatetime|utc_timestamp|sysdate|datetime\s*\(\s*'now')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockDefault();

    private static bool IsKey(TableSchema table, string column) =>
        table.PrimaryKey?.Columns.Contains(column) == true || table.ForeignKeys.Any(f => f.Columns.Contains(column));
}
