namespace Sdv.Connector.Progress;

/// <summary>How a command reports its progress: chosen by --quiet, --json-progress and whether stdout is a terminal.</summary>
internal enum ProgressMode
{
    /// <summary>One line per table as it ends (stdout redirected: logs, cron mail, tests).</summary>
    Plain,

    /// <summary>A live view of the tables in flight, redrawn in place (stdout is a terminal), above which the plain lines scroll.</summary>
    Live,

    /// <summary>Only errors (stderr) and the final one-line result (--quiet).</summary>
    Quiet,

    /// <summary>One JSON object per line on stdout per event, then a result object (--json-progress).</summary>
    Json,
}
