namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>Settings of a whole-database fit; every property documents its default.</summary>
public sealed class DatabaseFitOptions
{
    /// <summary>The per-table settings (seed, rare threshold, model kind, ...). Default <see cref="SynthesisOptions.Default"/>.</summary>
    public SynthesisOptions Synthesis { get; init; } = SynthesisOptions.Default;

    /// <summary>Which tables are copied verbatim. Default automatic.</summary>
    public ReferenceOptions References { get; init; } = ReferenceOptions.Default;

    /// <summary>Called when a table's model is fitted: the table, its rows, the time it took.</summary>
    public Action<QualifiedNameProgress>? TableFitted { get; init; }

    /// <summary>A test hook called with "fit &lt;table&gt;" before each table is read.</summary>
    public Func<string, CancellationToken, Task>? AtStep { get; init; }
}
