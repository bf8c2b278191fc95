using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using Spectre.Console;

namespace Sdv.Connector.Reports;

/// <summary>The summary `introspect` prints: counts, a line per table, cycles and warnings.</summary>
internal static class IntrospectionSummary
{
    public static void Write(IAnsiConsole console, DatabaseSchema schema, ForeignKeyGraph graph, bool explain = false)
    {
        var fks = schema.ForeignKeys.ToList();
        var columns = schema.Tables.Sum(t => t.Columns.Count);
        var rows = schema.Tables.Sum(t => t.RowCount ?? 0);
        console.MarkupLine(CultureInfo.InvariantCulture,
            "[bold]{0}[/] {1}: {2} tables, {3} columns, {4} rows{5}, {6} relationships ({7} self-referencing, {8} composite), {9} views, {10} cycles",
            Markup.Escape(schema.Engine.ToString()), Markup.Escape(schema.DatabaseName ?? string.Empty), schema.Tables.Count, columns,
            rows.ToString("N0", CultureInfo.InvariantCulture), schema.Tables.All(t => t.RowCountIsExact) ? string.Empty : " (estimated)",
            fks.Count, fks.Count(f => f.IsSelfReference), fks.Count(f => f.Columns.Count > 1), schema.Views.Count, graph.Cycles.Count);

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("table");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn(new TableColumn("cols").RightAligned());
        table.AddColumn("primary key");
        table.AddColumn("parents");
        table.AddColumn("pii");
        foreach (var name in graph.ParentFirstOrder)
        {
            var t = schema.Table(name);
            table.AddRow(
                Markup.Escape(name.ToString()),
                (t.RowCount?.ToString("N0", CultureInfo.InvariantCulture) ?? "?") + (t.RowCountIsExact ? string.Empty : "~"),
                t.Columns.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(t.PrimaryKey is null ? "(none)" : string.Join(", ", t.PrimaryKey.Columns)),
                Markup.Escape(string.Join(", ", t.ForeignKeys.Select(f => f.PrincipalTable.Name).Distinct())),
                Markup.Escape(string.Join(", ", t.Columns.Where(c => c.SdType == SdType.Pii).Select(c => $"{c.Name}:{c.PiiKind}"))));
        }
        console.Write(table);
        if (explain) WriteDecisions(console, schema, graph);

        foreach (var cycle in graph.Cycles)
            console.MarkupLine("cycle: {0}", Markup.Escape(string.Join(" -> ", cycle)));
        foreach (var deferred in graph.DeferredKeys)
            console.MarkupLine("deferred key: {0} ({1})", Markup.Escape(deferred.ForeignKey.ToString()), Markup.Escape(deferred.Reason));
        foreach (var warning in schema.Warnings.Concat(graph.Warnings))
            console.MarkupLine("[yellow]warning:[/] {0}", Markup.Escape(warning));
    }

    /// <summary>Every column's sdtype, the rule that chose it and the evidence: sample size, NULL share, distinct values.</summary>
    private static void WriteDecisions(IAnsiConsole console, DatabaseSchema schema, ForeignKeyGraph graph)
    {
        var decisions = new Table().Border(TableBorder.Simple).Title("sdtypes: the rule that chose each, and the evidence");
        decisions.AddColumn("table");
        decisions.AddColumn("column");
        decisions.AddColumn("sdtype");
        decisions.AddColumn("rule");
        decisions.AddColumn(new TableColumn("sample").RightAligned());
        decisions.AddColumn(new TableColumn("null").RightAligned());
        decisions.AddColumn(new TableColumn("distinct").RightAligned());
        foreach (var name in graph.ParentFirstOrder)
        {
            foreach (var c in schema.Table(name).Columns)
            {
                var e = c.Inference;
                decisions.AddRow(
                    Markup.Escape(name.ToString()),
                    Markup.Escape(c.Name),
                    Markup.Escape(c.SdType == SdType.Pii ? $"pii:{c.PiiKind}" : c.SdType.ToString().ToLowerInvariant()),
                    Markup.Escape(e?.Rule ?? "metadata file"),
                    e?.SampleRows is { } rows ? rows.ToString("N0", CultureInfo.InvariantCulture) + (e.WholeTable ? " (all)" : string.Empty) : string.Empty,
                    e?.NullShare is { } nulls ? nulls.ToString("P0", CultureInfo.InvariantCulture) : string.Empty,
                    e?.Distinct is { } distinct ? distinct.ToString("N0", CultureInfo.InvariantCulture) : string.Empty);
            }
        }
        console.Write(decisions);
    }
}
