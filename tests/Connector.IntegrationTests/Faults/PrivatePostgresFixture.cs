using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>One private PostgreSQL server per test class (its tests run one after another, so one may stop it while no other uses it).</summary>
public sealed class PrivatePostgresFixture : IAsyncLifetime
{
    private PrivatePostgresServer? _server;

    /// <summary>Null where the server runs; otherwise why the tests that need it are skipped.</summary>
    public string? SkipReason { get; private set; } = PrivatePostgresServer.SkipReason;

    public PrivatePostgresServer Server => _server ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        try
        {
            _server = await PrivatePostgresServer.StartAsync();
        }
        catch (InvalidOperationException e)
        {
            SkipReason = "the private PostgreSQL server did not start: " + e.Message;
        }
    }

    /// <summary>Starts the server again if a test left it stopped.</summary>
    public async Task EnsureRunningAsync()
    {
        if (_server is { Running: false }) await _server.StartAgainAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
