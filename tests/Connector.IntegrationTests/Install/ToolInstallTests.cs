using System.Diagnostics;
using System.Xml.Linq;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Install;

/// <summary>
/// The README's install commands, run as written (a tool path instead of --global, so the machine's tools are
/// untouched): `dotnet pack src/Connector -c Release -o FOLDER`, `dotnet tool install --add-source FOLDER Sdv.Connector`,
/// then the installed `sdv-connector`. About 20 s on the project's machine: one incremental Release build and a restore.
/// </summary>
[Trait("Category", "Install")]
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sdv-install-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Project_is_packed_as_the_sdv_connector_tool()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Connector", "Connector.csproj"));
        string? Property(string name) => project.Descendants(name).Select(e => e.Value).FirstOrDefault();
        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("sdv-connector", Property("ToolCommandName"));
        Assert.Equal("Sdv.Connector", Property("PackageId"));
    }

    [Fact]
    public async Task Packed_tool_installs_and_answers_as_sdv_connector()
    {
        var root = RepositoryRoot();
        var packages = Path.Combine(_folder, "nupkg");
        var tools = Path.Combine(_folder, "tools");
        var pack = await DotnetAsync(root, "pack", "src/Connector", "-c", "Release", "-o", packages, "--nologo");
        Assert.True(pack.Code == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(packages, "Sdv.Connector.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["Sdv.Connector.".Length..];

        var install = await DotnetAsync(root, "tool", "install", "--tool-path", tools, "--add-source", packages, "Sdv.Connector");
        Assert.True(install.Code == 0, install.Output);
        Assert.Contains("sdv-connector", install.Output, StringComparison.Ordinal);

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "sdv-connector.exe" : "sdv-connector");
        var versionRun = await RunAsync(tool, _folder, "--version");
        Assert.True(versionRun.Code == 0, versionRun.Output);
        Assert.StartsWith(version, versionRun.Output.Trim(), StringComparison.Ordinal);

        var help = await RunAsync(tool, _folder, "--help");
        Assert.True(help.Code == 0, help.Output);
        Assert.Contains("Usage:\n  sdv-connector [command] [options]", help.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sdv.Connector", help.Output, StringComparison.Ordinal);
        foreach (var command in new[] { "introspect", "fit", "sample", "clone", "demo", "evaluate", "run" })
            Assert.Matches($"(?m)^  {command} ", help.Output);

        var cloneHelp = await RunAsync(tool, _folder, "clone", "--help");
        Assert.Contains("sdv-connector clone [options]", cloneHelp.Output, StringComparison.Ordinal);
    }

    /// <summary>The folder holding Sdv.Connector.sln, above the test's binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdv.Connector.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Sdv.Connector.sln above {AppContext.BaseDirectory}");
    }

    private static Task<(int Code, string Output)> DotnetAsync(string directory, params string[] args) =>
        RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", directory, args);

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings point at its own build; a child `dotnet pack` must find the SDK by itself.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
