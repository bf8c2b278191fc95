using System.Text.Json;
using Sdv.Connector.Cli;
using Sdv.Connector.Demo;
using Sdv.Connector.IntegrationTests.Faults;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// The README's promise: `run --config config/nightly.example.yaml`, after `demo --dir sdv-demo`,
/// refreshes the demo clone end to end, gates included, and the next night reuses the model. The
/// repository's own example file is used as it is, in a folder laid out like the repository.
/// </summary>
public sealed class ExampleConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sdv-example-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string ExampleFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "config", "nightly.example.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("config/nightly.example.yaml not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_example_configuration_refreshes_the_demo_clone_then_reuses_its_model()
    {
        var config = Path.Combine(_root, "config", "nightly.example.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.Copy(ExampleFile(), config);
        var demo = Path.Combine(_root, "sdv-demo");
        Directory.CreateDirectory(demo);
        var sourceRows = ClinicalDemoDatabase.Create(Path.Combine(demo, "clinical.db"), 2000, 42, CancellationToken.None);

        var (code, output, error) = await FaultRun.RunCliAsync("run", "--config", config);
        Assert.True(code == ExitCodes.Success, output + error);
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo, "nightly-summary.json"))).RootElement;
        Assert.True(summary.GetProperty("swapped").GetBoolean());
        Assert.Equal("fitted", summary.GetProperty("model").GetString());
        var gates = summary.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(3, gates.Count);
        Assert.All(gates, g => Assert.Equal("passed", g.GetProperty("status").GetString()));
        Assert.Equal(sourceRows.Count, summary.GetProperty("tables").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(demo, "nightly-clone.db")));
        Assert.True(File.Exists(Path.Combine(demo, "clinical.sdvm")));

        (code, output, error) = await FaultRun.RunCliAsync("run", "--config", config);
        Assert.True(code == ExitCodes.Success, output + error);
        summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo, "nightly-summary.json"))).RootElement;
        Assert.Equal("reused", summary.GetProperty("model").GetString());
        Assert.Contains("reusing the model", output, StringComparison.Ordinal);
    }
}
