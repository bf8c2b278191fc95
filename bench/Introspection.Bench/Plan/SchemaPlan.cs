using System.Globalization;

namespace Sdv.Connector.Introspection.Bench.Plan;

/// <summary>
/// A deterministic schema of N tables: 5-8 columns each, foreign keys forming chains (a table
/// referring to the one before it) and trees (a table referring to one of the last 30), some
/// roots, some second parents, some self-references and one table in eight with a composite key.
/// Parents always come first, so the DDL can be run in plan order.
/// </summary>
internal static class SchemaPlan
{
    private static readonly ColumnKind[] ExtraKinds =
    [
        ColumnKind.Int32, ColumnKind.Decimal, ColumnKind.Varchar, ColumnKind.Text,
        ColumnKind.Date, ColumnKind.Timestamp, ColumnKind.Boolean, ColumnKind.Status, ColumnKind.Int64,
    ];

    public static IReadOnlyList<PlannedTable> Generate(int tableCount, int seed)
    {
        // Not Synthesis: a plain seeded Random keeps the plan the same run after run.
        var random = new Random(seed);
        var tables = new List<PlannedTable>(tableCount);
        for (var i = 0; i < tableCount; i++)
        {
            var name = "t_" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            var composite = i > 0 && i % 8 == 0;
            var columns = new List<PlannedColumn> { new("id", ColumnKind.Int64, false, Identity: !composite && i % 2 == 0) };
            var primaryKey = new List<string> { "id" };
            if (composite)
            {
                columns.Add(new PlannedColumn("version", ColumnKind.Int32, false));
                primaryKey.Add("version");
            }

            var foreignKeys = new List<PlannedForeignKey>();
            if (i > 0 && random.NextDouble() >= 0.15)
            {
                // Half chains, half trees.
                var parent = random.NextDouble() < 0.5 ? i - 1 : random.Next(Math.Max(0, i - 30), i);
                AddForeignKey(tables[parent], columns, foreignKeys, nullable: false);
                if (i > 1 && random.NextDouble() < 0.2)
                {
                    var second = random.Next(0, i);
                    if (second != parent) AddForeignKey(tables[second], columns, foreignKeys, nullable: true);
                }
            }
            if (!composite && random.NextDouble() < 0.05)
            {
                columns.Add(new PlannedColumn("parent_id", ColumnKind.Int64, true));
                foreignKeys.Add(new PlannedForeignKey(["parent_id"], name, ["id"]));
            }

            var target = random.Next(5, 9);
            for (var k = 0; columns.Count < target; k++)
            {
                var kind = ExtraKinds[random.Next(ExtraKinds.Length)];
                columns.Add(new PlannedColumn(kind.ToString().ToLowerInvariant() + "_" + k.ToString(CultureInfo.InvariantCulture), kind, random.NextDouble() < 0.4));
            }
            tables.Add(new PlannedTable(name, columns, primaryKey, foreignKeys));
        }
        return tables;
    }

    private static void AddForeignKey(PlannedTable parent, List<PlannedColumn> columns, List<PlannedForeignKey> foreignKeys, bool nullable)
    {
        var childColumns = new List<string>();
        foreach (var key in parent.PrimaryKey)
        {
            var parentColumn = parent.Columns.First(c => c.Name == key);
            var name = parent.Name + "_" + key;
            columns.Add(new PlannedColumn(name, parentColumn.Kind, nullable));
            childColumns.Add(name);
        }
        foreignKeys.Add(new PlannedForeignKey(childColumns, parent.Name, parent.PrimaryKey));
    }
}
