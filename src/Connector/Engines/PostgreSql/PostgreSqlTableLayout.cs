using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// How a PostgreSQL table sits among others, recreated on a PostgreSQL clone: a partitioned table
/// gets its PARTITION BY and every partition (sub-partitions under theirs) with its bound, so the
/// load into the parent is routed by the database; a table that inherits from others gets its
/// INHERITS clause, names only its own columns, and is created after its parents. The introspector's
/// annotations carry the layout (see PostgreSqlSchemaIntrospector).
/// </summary>
internal static class PostgreSqlTableLayout
{
    private const string PartitionBy = "postgresql:partition-by";
    private const string PartitionPrefix = "postgresql:partition:";
    private const string Inherits = "postgresql:inherits";
    private const string InheritedColumn = "postgresql:inherited-column";
    private static readonly PostgreSqlDialect D = PostgreSqlDialect.Instance;

    /// <summary>Tables in creation order: each after the tables it inherits from, otherwise as given.</summary>
    public static IReadOnlyList<TableSchema> CreationOrder(IReadOnlyList<TableSchema> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var byName = tables.ToDictionary(t => t.Name);
        var done = new HashSet<QualifiedName>();
        var order = new List<TableSchema>(tables.Count);
        void Visit(TableSchema table, int depth)
        {
            if (done.Contains(table.Name) || depth > tables.Count) return;
            foreach (var parent in ParentsOf(table)) if (byName.TryGetValue(parent, out var p)) Visit(p, depth + 1);
            if (done.Add(table.Name)) order.Add(table);
        }
        foreach (var table in tables) Visit(table, 0);
        return order;
    }

    /// <summary>True for a column the table has from a parent it inherits from: not named in its CREATE TABLE.</summary>
    public static bool IsInherited(TableSchema table, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        return table.Annotations.ContainsKey(Inherits) && column.Annotations.ContainsKey(InheritedColumn);
    }

    /// <summary>What follows the column list: INHERITS (...) and PARTITION BY ..., or nothing.</summary>
    public static string Suffix(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var suffix = "";
        var parents = ParentsOf(table);
        if (parents.Count > 0) suffix += $" INHERITS ({string.Join(", ", parents.Select(D.Quote))})";
        if (table.Annotations.TryGetValue(PartitionBy, out var key)) suffix += " PARTITION BY " + key;
        return suffix;
    }

    /// <summary>Creates the partitions of a partitioned table, each under its own parent, parents first.</summary>
    public static async Task CreatePartitionsAsync(DbConnection connection, TableSchema table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var pending = new List<int>();
        var layout = new Dictionary<int, (int Parent, string Bound, string Key)>();
        for (var i = 0; i < table.Partitions.Count; i++)
        {
            if (!table.Annotations.TryGetValue(PartitionPrefix + i.ToString(CultureInfo.InvariantCulture), out var value)) continue;
            var parts = value.Split('\n');
            if (parts.Length < 3 || parts[1].Length == 0) continue;
            layout[i] = (int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]);
            pending.Add(i);
        }
        var created = new HashSet<int> { -1 };
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var i in pending.ToList())
            {
                var (parent, bound, key) = layout[i];
                if (!created.Contains(parent)) continue;
                var of = parent < 0 ? table.Name : table.Partitions[parent];
                var by = key.Length > 0 ? " PARTITION BY " + key : "";
                await SqlCommands.ExecuteAsync(connection, $"CREATE TABLE {D.Quote(table.Partitions[i])} PARTITION OF {D.Quote(of)} {bound}{by}", cancellationToken);
                created.Add(i);
                pending.Remove(i);
                progress = true;
            }
        }
    }

    private static List<QualifiedName> ParentsOf(TableSchema table)
    {
        if (!table.Annotations.TryGetValue(Inherits, out var list)) return [];
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(PostgreSqlSequences.ParseQualified).OfType<QualifiedName>()
            .Select(n => n.Schema is null ? new QualifiedName(table.Name.Schema, n.Name) : n)
            .ToList();
    }
}
