using System.Text.Json;
using System.Text.Json.Serialization;
using Sdv.Connector.Failures;

namespace Sdv.Connector.Nightly;

/// <summary>
/// The machine-readable record of one run, written as JSON (snake_case) for schedulers and
/// monitoring. Endpoints are redacted; every string is scrubbed of secrets before it is written.
/// </summary>
internal sealed class RunSummary
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Tool { get; set; } = "sdv-connector run";

    public string Version { get; set; } = typeof(RunSummary).Assembly.GetName().Version?.ToString() ?? "unknown";

    public string? Config { get; set; }

    public DateTimeOffset Started { get; set; }

    public DateTimeOffset? Finished { get; set; }

    public double DurationSeconds { get; set; }

    public string? Source { get; set; }

    public string? Target { get; set; }

    /// <summary>fitted, reused, refitted (drift), reused-offline (source unreachable), or null when the run stopped before.</summary>
    public string? Model { get; set; }

    public string? ModelPath { get; set; }

    public string? Fingerprint { get; set; }

    public List<string> Drift { get; set; } = [];

    public List<TableRows> Tables { get; set; } = [];

    public long TotalRows { get; set; }

    public string? Staging { get; set; }

    public List<string> CleanedLeftovers { get; set; } = [];

    public int SourceAttempts { get; set; }

    public int WriteAttempts { get; set; }

    public bool Swapped { get; set; }

    public List<GateResult> Gates { get; set; } = [];

    public List<string> Warnings { get; set; } = [];

    /// <summary>success, or the kind of failure: bad-input, connection-failed, gate-failed, refused, check-failed, busy (another run holds the lock), disk-full, cancelled, failed.</summary>
    public string Outcome { get; set; } = "running";

    /// <summary>
    /// A failure's outcome word. A refused privilege is "connection-failed", as its exit code (3) is: the account's
    /// rights, like its login.
    /// </summary>
    public static string OutcomeOf(FailureKind kind) => kind switch
    {
        FailureKind.BadInput => "bad-input",
        FailureKind.ConnectionFailed or FailureKind.AccessDenied => "connection-failed",
        FailureKind.DiskFull => "disk-full",
        FailureKind.Refused => "refused",
        FailureKind.GateFailed => "gate-failed",
        FailureKind.CheckFailed => "check-failed",
        FailureKind.Busy => "busy",
        _ => "failed",
    };

    public string? Error { get; set; }

    public int ExitCode { get; set; }

    public sealed record TableRows(string Name, long Rows);

    public sealed record GateResult(string Name, double Threshold, string Status, double? Value);

    public string ToJson(Scrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        return scrubber.Scrub(JsonSerializer.Serialize(this, Json));
    }
}
