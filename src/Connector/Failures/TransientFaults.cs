using System.Data.Common;
using System.Net.Sockets;
using Sdv.Connector.Engines;

namespace Sdv.Connector.Failures;

/// <summary>
/// Which failures are worth another try: the connection dropped or was refused (a server
/// restarting), the server shutting down or killing the session, a deadlock, a serialization
/// failure, a timeout. A wrong password, a missing table or a constraint violation is not:
/// trying again gives the same answer. Each engine's adapter says which of its errors are transient.
/// </summary>
internal static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        // A full disk stays full for the seconds a retry waits: fail at once, with its own message.
        if (DiskFull.Is(exception)) return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    return false;
                // A failure the connector has judged is final, except that a database could not be reached (yet).
                case FailureException failure when failure.Kind != FailureKind.ConnectionFailed:
                    return false;
                case var driver when EngineAdapters.AllFaults.Any(faults => faults.IsTransient(driver)):
                    return true;
                case TimeoutException or SocketException or IOException or EndOfStreamException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A transient fault of a database connection (not a local file's): a database that could not be reached, or
    /// dropped the connection, whatever the command. A run has retried it before it gets here.
    /// </summary>
    public static bool IsConnectionLost(Exception exception)
    {
        if (!IsTransient(exception)) return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException or TimeoutException) return true;
        }
        return false;
    }
}
