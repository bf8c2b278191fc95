namespace Sdv.Connector.Progress;

/// <summary>One table in flight in one phase, as the views see it: its counter, its expected rows, when it started and, once done, its final figures.</summary>
internal sealed class ProgressTable(string phase, string table, long? total, bool estimated, TimeSpan started)
{
    public string Phase { get; } = phase;

    public string Table { get; } = table;

    /// <summary>Rows expected: the catalog's count (fit), the model's rows times the scale (sample); null when unknown.</summary>
    public long? Total { get; } = total;

    /// <summary>True when <see cref="Total"/> is an estimate (a catalog estimate, or rows a sample is expected to draw).</summary>
    public bool Estimated { get; } = estimated;

    /// <summary>Time since the run started at which this table started.</summary>
    public TimeSpan Started { get; } = started;

    public TableCounter Counter { get; } = new();

    /// <summary>Rows done: the final count once done, the counter's until then.</summary>
    public long Rows => FinalRows ?? Counter.Rows;

    public long? FinalRows { get; private set; }

    /// <summary>The table's own time, once done.</summary>
    public TimeSpan? Duration { get; private set; }

    /// <summary>When its last row went by (time since the run started), as a view first saw it; the rate stops there.</summary>
    public TimeSpan? RowsEnded { get; set; }

    public void Done(long rows, TimeSpan duration)
    {
        FinalRows = rows;
        Duration = duration;
    }

    /// <summary>Rows per second since the table started, at <paramref name="now"/> (time since the run started).</summary>
    public double Rate(TimeSpan now)
    {
        var seconds = (Duration ?? ((RowsEnded ?? now) - Started)).TotalSeconds;
        return seconds > 0.05 ? Rows / seconds : 0;
    }

    /// <summary>Time left at the current rate where the total is known and rows are moving; null otherwise.</summary>
    public TimeSpan? Left(TimeSpan now)
    {
        if (Total is not { } total || FinalRows is not null) return null;
        var rate = Rate(now);
        var rows = Rows;
        if (rate <= 0 || rows == 0) return null;
        return TimeSpan.FromSeconds(Math.Max(0, total - rows) / rate);
    }
}
