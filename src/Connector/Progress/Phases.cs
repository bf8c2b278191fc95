namespace Sdv.Connector.Progress;

/// <summary>The phases progress is reported in, in the order a clone goes through them.</summary>
internal static class Phases
{
    /// <summary>Reading the catalog, inferring keys and profiling each table's values.</summary>
    public const string Introspect = "introspect";

    /// <summary>Reading each table's rows into its model.</summary>
    public const string Fit = "fit";

    /// <summary>Generating each table's rows and bulk-loading them into the target (the two run together, row batches between them).</summary>
    public const string Sample = "sample";

    /// <summary>Finishing the target once every row is in: keys that close cycles, foreign keys, indexes, views, triggers, identities, statistics.</summary>
    public const string Load = "load";

    /// <summary>Comparing the clone with the source, table by table, then across relationships.</summary>
    public const string Evaluate = "evaluate";

    /// <summary>A nightly run's swap of the staged clone into the live one.</summary>
    public const string Swap = "swap";
}
