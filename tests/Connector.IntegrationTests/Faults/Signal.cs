using System.Runtime.InteropServices;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>kill(2) from libc: .NET sends no signal but SIGKILL, and Ctrl+C is SIGINT.</summary>
internal static class Signal
{
    public const int Sigint = 2;

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project, for one test call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
