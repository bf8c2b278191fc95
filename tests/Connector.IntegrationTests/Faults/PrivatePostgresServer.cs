using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL 15 server of a test class's own (initdb into a temporary folder as the postgres OS
/// user, a free port on 127.0.0.1, trust authentication, fsync off), so a test may stop and restart
/// it without disturbing the shared server other tests use at the same time.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;

    private PrivatePostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    /// <summary>Null where a private server can be started here; otherwise why the tests that need one are skipped.</summary>
    public static string? SkipReason =>
        !OperatingSystem.IsLinux() ? "a private PostgreSQL server needs Linux"
        : !Shell.IsRoot ? "a private PostgreSQL server is started as the postgres OS user through runuser, which needs root"
        : !File.Exists(Path.Combine(Bin, "initdb")) || !File.Exists(Path.Combine(Bin, "pg_ctl")) ? $"PostgreSQL 15 binaries are missing ({Bin}/initdb, pg_ctl)"
        : !File.Exists("/usr/sbin/runuser") && !File.Exists("/usr/bin/runuser") && !File.Exists("/sbin/runuser") ? "runuser is missing"
        : null;

    public int Port { get; }

    public bool Running { get; private set; }

    /// <summary>A folder the server's OS user owns, inside this server's temporary folder (for a tablespace, say).</summary>
    public string Folder => _folder;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=5";

    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sdv-pg-").FullName;
        await Shell.RunAsync("chown", "postgres:postgres", folder).ConfigureAwait(false);
        var server = new PrivatePostgresServer(folder, FreePort());
        try
        {
            await Shell.RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", server.DataFolder, "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions").ConfigureAwait(false);
            await server.StartAgainAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Starts the (stopped) server and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40";
        await Shell.RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"),
            "-o", options, "-w", "-t", "60", "start").ConfigureAwait(false);
        Running = true;
    }

    /// <summary>Stops the server (fast: sessions are terminated, as a service restart does) and waits until it is down.</summary>
    public async Task StopAsync()
    {
        Running = false;
        await Shell.RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop").ConfigureAwait(false);
    }

    /// <summary>A URL of a database of this server, for a configuration (trust authentication: no password).</summary>
    public string Url(string database) => $"postgresql://postgres@127.0.0.1:{Port}/{database}";

    public async Task<TestDatabase> CreateDatabaseAsync(string? tablespace = null)
    {
        var name = "sdvp_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name}{(tablespace is null ? "" : " TABLESPACE " + tablespace)}").ConfigureAwait(false);
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseEngine.PostgreSql, name, connectionString, () => new NpgsqlConnection(connectionString), async () =>
        {
            if (Running) await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
        });
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await Shell.TryRunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop").ConfigureAwait(false);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A tablespace folder still mounted, say: the temporary folder is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
