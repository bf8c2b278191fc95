using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly;

/// <summary>
/// Points where tests inject faults into a run (a thrown exception, a killed connection). Not
/// reachable from the command line or the configuration.
/// </summary>
internal sealed class NightlyHooks
{
    /// <summary>Called after each table is loaded into staging, with the staging connection and the try number (1, 2, ...).</summary>
    public Func<System.Data.Common.DbConnection, QualifiedName, int, CancellationToken, Task>? AfterTableLoaded { get; init; }
}
