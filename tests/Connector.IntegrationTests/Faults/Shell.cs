using System.Diagnostics;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>Runs a system command for the fault tests (initdb, pg_ctl, mount) and says what it printed when it fails.</summary>
internal static class Shell
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<(int Code, string Output)> TryRunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    public static async Task RunAsync(string file, params string[] args)
    {
        var (code, output) = await TryRunAsync(file, args).ConfigureAwait(false);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {code}: {output}");
    }
}
