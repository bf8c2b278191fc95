using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Finds the nullable foreign keys that are NULL in every row of the source (their parent table is
/// empty, or the relationship is simply unused) and marks them on their table
/// (<see cref="DatabasePlan.EmptyRelationshipsAnnotation"/>), so the plan never makes such a key the
/// table's primary parent: a table born under a parent with no rows would get no rows either (a child
/// of an empty table had 0 rows in the clone where the source had 67). One EXISTS query per nullable
/// key, run by the source in a read-only transaction.
/// </summary>
internal static class EmptyRelationships
{
    public static async Task<DatabaseSchema> MarkAsync(DatabaseEndpoint source, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var candidates = schema.Tables
            .SelectMany(t => t.ForeignKeys.Where(fk => !fk.IsSelfReference && fk.Columns.All(c => t.FindColumn(c)?.IsNullable == true)).Select(fk => (Table: t, Key: fk)))
            .ToList();
        if (candidates.Count == 0) return schema;
        var adapter = OpenDatabase.Adapter(source);
        var d = adapter.Dialect;
        var empty = new Dictionary<QualifiedName, List<string>>();
        await using var connection = await OpenDatabase.SourceAsync(source, cancellationToken).ConfigureAwait(false);
        await using var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var (table, key) in candidates)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            var used = string.Join(" OR ", key.Columns.Select(c => $"{d.Quote(c)} IS NOT NULL"));
            command.CommandText = $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {d.Quote(table.Name)} WHERE {used}) THEN 1 ELSE 0 END";
            var any = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (any != 0) continue;
            if (!empty.TryGetValue(table.Name, out var keys)) empty[table.Name] = keys = [];
            keys.Add(TableEntry.KeyOf(key));
        }
        if (empty.Count == 0) return schema;
        return schema with
        {
            Tables = schema.Tables.Select(t => empty.TryGetValue(t.Name, out var keys)
                ? t with { Annotations = new Dictionary<string, string>(t.Annotations) { [DatabasePlan.EmptyRelationshipsAnnotation] = string.Join("\n", keys) } }
                : t).ToList(),
        };
    }
}
