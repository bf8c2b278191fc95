using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
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
                Markup.Escape(t.PrimaryKey is null ? "(none)" : string.Join(", ", t.PrimaryKey.Columns) + (t.PrimaryKey.Inference is null ? string.Empty : " (inferred)")),
                Markup.Escape(string.Join(", ", t.ForeignKeys.Select(f => f.PrincipalTable.Name + (f.Inference is null ? string.Empty : "*")).Distinct())),
                Markup.Escape(string.Join(", ", t.Columns.Where(c => c.SdType == SdType.Pii).Select(c => $"{c.Name}:{c.PiiKind}"))));
        }
        console.Write(table);
        WriteInferredKeys(console, schema);
        if (explain) WriteDecisions(console, schema, graph);

        foreach (var cycle in graph.Cycles)
            console.MarkupLine("cycle: {0}", Markup.Escape(string.Join(" -> ", cycle)));
        foreach (var deferred in graph.DeferredKeys)
            console.MarkupLine("deferred key: {0} ({1})", Markup.Escape(deferred.ForeignKey.ToString()), Markup.Escape(deferred.Reason));
        foreach (var warning in schema.Warnings.Concat(graph.Warnings))
            console.MarkupLine("[yellow]warning:[/] {0}", Markup.Escape(warning));
    }

    /// <summary>
    /// How each table is generated, parent-first: copied as a reference table, a root (its rows are the scale
    /// times the source's), or under the primary parent its rows belong to, each with the reason the plan gives.
    /// </summary>
    /// <param name="sidecarName">The sidecar the plan was written to, or null when introspect wrote no file.</param>
    public static void WritePlan(IAnsiConsole console, PlannedDatabase planned, string? sidecarName)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(planned);
        var where = sidecarName is null ? "the sidecar --out writes" : sidecarName;
        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape($"plan: how each table is generated (--scale follows it; change it under tables.NAME.plan in {where})"));
        table.AddColumn("table");
        table.AddColumn("generated as");
        table.AddColumn("why");
        foreach (var plan in planned.Plan.Tables)
        {
            var (how, why) = plan switch
            {
                { IsReference: true } => ("copied (reference table)", plan.ReferenceReason),
                { PrimaryParent: { } parent } => ($"under {parent.PrincipalTable.Name} ({string.Join(", ", parent.Columns)})", Trimmed(plan.PrimaryParentReason, $"belongs to {parent.PrincipalTable}")),
                _ => ("root", Trimmed(plan.PrimaryParentReason, "a root table")),
            };
            table.AddRow(Markup.Escape(plan.Table.ToString()), Markup.Escape(how), Markup.Escape(why));
        }
        console.Write(table);
    }

    /// <summary>A reason without the words the "generated as" column already says ("a root table: " before why).</summary>
    private static string Trimmed(string reason, string said) =>
        reason.StartsWith(said, StringComparison.Ordinal) && reason.Length > said.Length + 2 ? reason[(said.Length + 2)..] : reason;

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

    /// <summary>Keys the source does not declare, apart from the declared ones, each with its name rule and what the data said.</summary>
    private static void WriteInferredKeys(IAnsiConsole console, DatabaseSchema schema)
    {
        var primary = schema.Tables.Where(t => t.PrimaryKey?.Inference is not null).ToList();
        var foreign = schema.ForeignKeys.Where(f => f.Inference is not null).ToList();
        if (primary.Count == 0 && foreign.Count == 0) return;
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]inferred keys[/] (not declared by the source; * in the table above): {0} primary, {1} foreign", primary.Count, foreign.Count);
        foreach (var t in primary)
            console.MarkupLine("  primary key {0}({1}): {2}", Markup.Escape(t.Name.ToString()), Markup.Escape(string.Join(", ", t.PrimaryKey!.Columns)), Markup.Escape(t.PrimaryKey.Inference!.Rule));
        foreach (var f in foreign)
        {
            var e = f.Inference!;
            var data = e.Values is 0 ? "no values to check (the child holds none)"
                : e.Values is { } values
                ? string.Format(CultureInfo.InvariantCulture, "{0:N0} distinct values, {1:P1} found in the parent{2}", values, e.InclusionRate, e.Sampled ? " (sampled)" : string.Empty)
                : "not checked";
            var marker = f.NoParentValue is { } none ? $"; {NoParentText(none)} is read as \"no parent\" (no parent holds it)" : string.Empty;
            console.MarkupLine("  {0}: {1}; {2}{3}{4}", Markup.Escape(f.ToString()), Markup.Escape(e.Rule), Markup.Escape(data), Markup.Escape(marker),
                f.IsEnforced ? string.Empty : f.NoParentValue is not null && e.Orphans is null or 0
                    ? " [yellow]- not enforced on the target (it would refuse the \"no parent\" value)[/]"
                    : " [yellow]- not enforced on the target (orphans in the source)[/]");
        }
    }

    /// <summary>A "no parent" value as the source writes it: 0, or '' for the empty string.</summary>
    private static string NoParentText(string value) => value.Length == 0 ? "''" : value;
}
