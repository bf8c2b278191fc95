using System.Diagnostics;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>Debian's chromium, headless and offline: screenshots and the DOM after layout.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    public static Task ScreenshotAsync(string url, string png) =>
        RunAsync($"--screenshot={png}", "--window-size=1280,2000", url);

    public static Task<string> DumpDomAsync(string url) => RunAsync("--dump-dom", url);

    private static async Task<string> RunAsync(params string[] args)
    {
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sdv-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                 }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 90 s: " + await stderr.ConfigureAwait(false));
            }

            var output = await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
            return output;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by a child process; it lives in the temp folder, so leaving it is harmless.
            }
        }
    }
}
