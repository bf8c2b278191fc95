using System.Runtime.InteropServices;
using Sdv.Connector.Cli;

namespace Sdv.Connector;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and SIGTERM (systemd stop, kill) cancel the run: every step stops at its next
        // await, a nightly run leaves its staging for the next run to remove, and the exit code is 130.
        // A second signal is not intercepted, so it ends the process at once.
        void Cancel(PosixSignalContext context)
        {
            if (cancel.IsCancellationRequested) return;
            context.Cancel = true;
            cancel.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
    }
}
