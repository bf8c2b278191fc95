using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The plan a fit would follow (reference tables, each table's primary parent and why), for <c>introspect</c>:
/// the source counts the children per parent of each foreign key with the fit's own aggregate query (one
/// GROUP BY per key, in a read-only transaction: no row leaves the database), and the plan is made from
/// those counts as the fit makes it.
/// </summary>
internal static class PlanStep
{
    public static async Task<PlannedDatabase> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, ReferenceOptions references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(references);
        var adapter = OpenDatabase.Adapter(source);
        await using var connection = await OpenDatabase.SourceAsync(source, cancellationToken);
        var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken);
        try
        {
            var counts = new FitStep.SourceRows(adapter, schema, [connection], [transaction], holdout: null, new RunProgress(Spectre.Console.AnsiConsole.Console, quiet: true));
            return await DatabaseSynthesizer.PlanAsync(schema, counts, references, cancellationToken);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>Each table's plan as the sidecar records it (reference table or primary parent, and why).</summary>
    public static IReadOnlyDictionary<QualifiedName, TablePlanChoice> Choices(PlannedDatabase planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return planned.Plan.Tables.ToDictionary(static t => t.Table, t => t.IsReference
            ? new TablePlanChoice(true, null, null, t.ReferenceReason)
            : new TablePlanChoice(false, t.PrimaryParent?.Columns, t.PrimaryParent?.PrincipalTable, t.PrimaryParentReason, planned.Roles.GetValueOrDefault(t.Table)?.Reason ?? t.ReferenceReason));
    }
}
