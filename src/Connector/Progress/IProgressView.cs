namespace Sdv.Connector.Progress;

/// <summary>
/// Where <see cref="Pipeline.RunProgress"/> sends structured events beyond its plain lines: the live terminal view or
/// the JSON lines. Called from the workers' threads; an implementation only records, and draws or writes on a
/// thread of its own at most ten times a second, so that progress never holds the work up.
/// </summary>
internal interface IProgressView : IAsyncDisposable
{
    /// <summary>The clock the view counts time by since the command started; a progress that reports to the view counts by it too.</summary>
    System.Diagnostics.Stopwatch Clock { get; }

    /// <param name="tables">Tables the phase works through (0 when it is not per table).</param>
    void PhaseStarted(string phase, int tables, TimeSpan elapsed);

    /// <summary>A step within the phase that is not a table (the load's foreign keys and indexes, a nightly swap).</summary>
    void Step(string phase, string step, TimeSpan elapsed);

    void TableStarted(ProgressTable table);

    /// <param name="number">Tables of the phase done, this one included.</param>
    void TableDone(ProgressTable table, int number, int tables, TimeSpan elapsed);
}
