using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>The built command line as a real process, interrupted with SIGINT while it writes: exit 130 within seconds, the previous clone intact.</summary>
public sealed class ProcessInterruptTests : IDisposable
{
    private readonly FaultRun _run = new();

    public void Dispose() => _run.Dispose();

    [SkippableFact]
    public async Task Sigint_while_writing_exits_130_and_keeps_the_previous_clone()
    {
        Skip.If(!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS(), "SIGINT is sent by bash's kill");
        var sqlite = new SqliteFixture();
        await using var source = await sqlite.CreateDatabaseAsync();
        await using var target = await sqlite.CreateDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        var (code, _, error) = await FaultRun.RunJobAsync(_run.WriteConfig(source.Name, null, target.Name, null));
        Assert.True(code == 0, error);
        var before = await FaultRun.FingerprintAsync(target);

        // Scale 5000 makes the write last seconds (1.3 million rows) so the signal lands inside it; cancelled, it never gets that far.
        var config = _run.WriteConfig(source.Name, null, target.Name, null, seed: 7, scale: 5000);
        // bash starts the CLI, waits until it writes (the staging file appears), sends SIGINT and reports the
        // exit code and the milliseconds from signal to exit. Job control (set -m) keeps SIGINT deliverable to a
        // background job, which a non-interactive shell would otherwise start with SIGINT ignored; env
        // --default-signal=INT undoes an ignored SIGINT inherited from the test host, which no shell can reset (in the
        // whole suite the CLI went on to exit 0 twice, never alone). The CLI's ignored signals are reported on failure.
        var dll = typeof(CliApp).Assembly.Location;
        var staging = target.Name + ".sdv-staging";
        var stdout = Path.Combine(Path.GetTempPath(), $"sdv-sigint-{Guid.NewGuid():N}");
        const string script = """
            set -m
            env --default-signal=INT "$0" "$1" run --config "$2" >"$4.out" 2>"$4.err" &
            pid=$!
            for _ in $(seq 1 1500); do [ -e "$3" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
            if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; echo "result: ended-before-signal $?"; exit 0; fi
            sleep 0.2
            echo "ignored: $(grep SigIgn /proc/$pid/status 2>/dev/null)"
            kill -INT "$pid"
            sent=$(date +%s%N)
            wait "$pid"
            code=$?
            echo "result: $code $(( ($(date +%s%N) - sent) / 1000000 ))"
            """;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var (shellCode, report) = await Shell.TryRunAsync("bash", "-c", script, host, dll, config, staging, stdout);
        var output = File.Exists(stdout + ".out") ? await File.ReadAllTextAsync(stdout + ".out") : "";
        var childError = File.Exists(stdout + ".err") ? await File.ReadAllTextAsync(stdout + ".err") : "";
        File.Delete(stdout + ".out");
        File.Delete(stdout + ".err");
        var parts = report.Split('\n').LastOrDefault(l => l.StartsWith("result: ", StringComparison.Ordinal))?["result: ".Length..].Split(' ') ?? [];
        Assert.True(shellCode == 0 && parts.Length == 2 && parts[0] != "ended-before-signal", $"{report}\n{output}\n{childError}");
        Assert.True(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) == ExitCodes.Cancelled, $"exit {parts[0]}\n{report}\n{output}\n{childError}");
        var milliseconds = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(milliseconds < 5000, $"{milliseconds} ms from SIGINT to exit");
        Assert.Contains("cancelled", childError, StringComparison.Ordinal);
        Assert.Equal(before, await FaultRun.FingerprintAsync(target));
        Assert.Equal("cancelled", _run.Summary().GetProperty("outcome").GetString());

        (code, _, error) = await FaultRun.RunJobAsync(_run.WriteConfig(source.Name, null, target.Name, null, seed: 8));
        Assert.True(code == 0, error);
        Assert.NotEmpty(_run.Strings("cleaned_leftovers"));
        Assert.False(File.Exists(target.Name + ".sdv-staging"));
        Assert.StartsWith(FaultRun.CompletePrefix, await FaultRun.FingerprintAsync(target), StringComparison.Ordinal);
    }
}
