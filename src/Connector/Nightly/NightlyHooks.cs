using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly;

/// <summary>
/// Points where tests inject faults into a run (a thrown exception, a killed connection, a stopped
/// server, a cancellation). Not reachable from the command line or the configuration.
/// </summary>
internal sealed class NightlyHooks
{
    /// <summary>Called after each table is loaded into staging, with the staging connection and the try number (1, 2, ...).</summary>
    public Func<System.Data.Common.DbConnection, QualifiedName, int, CancellationToken, Task>? AfterTableLoaded { get; init; }

    /// <summary>
    /// Called at each named step of a run, in order: "introspect", "fit &lt;table&gt;", "clean",
    /// "load &lt;table&gt;", "check", "swap" (the last point where a cancellation stops the run) and
    /// "swapped" (past the swap, which is deliberately not cancellable). A step of a retried try is called again.
    /// </summary>
    public Func<string, CancellationToken, Task>? AtStep { get; init; }

    /// <summary>Runs <see cref="AtStep"/>, then stops at once if the run was cancelled there, so a cancellation at a step always ends the run at that step.</summary>
    internal async Task StepAsync(string step, CancellationToken cancellationToken)
    {
        if (AtStep is not { } hook) return;
        await hook(step, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
