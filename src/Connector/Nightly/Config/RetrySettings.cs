namespace Sdv.Connector.Nightly.Config;

/// <summary>The <c>retry:</c> section: how transient faults are retried (exponential backoff with jitter).</summary>
internal sealed record RetrySettings
{
    /// <summary>Retries after the first try (0 turns retrying off). Default: 3.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Delay before the first retry, doubled each time. Default: 1000 ms.</summary>
    public int BaseDelayMs { get; init; } = 1000;

    /// <summary>Longest delay between two tries. Default: 30000 ms.</summary>
    public int MaxDelayMs { get; init; } = 30_000;
}
