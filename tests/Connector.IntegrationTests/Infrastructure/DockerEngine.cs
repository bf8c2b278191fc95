using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// Whether a Docker engine answers on this machine, so that the fixtures start their servers with Testcontainers.
/// Asked once per run, quietly and within a second: the engine's API is pinged (GET /_ping) on DOCKER_HOST, or else
/// on the usual sockets (and Docker Desktop's pipe on Windows). Where none answers, the fixtures fall back to the
/// servers test.sh starts. Testcontainers' own discovery is not asked, because it logs and waits where no engine runs.
/// </summary>
internal static class DockerEngine
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    public static bool IsReachable { get; } = Endpoints().Any(Answers);

    private static IEnumerable<Func<CancellationToken, Task<Stream>>> Endpoints()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            // DOCKER_HOST names the engine: no other place is tried.
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) yield break;
            if (uri.Scheme == "unix") yield return token => ConnectAsync(new UnixDomainSocketEndPoint(uri.AbsolutePath), token);
            if (uri.Scheme == "tcp") yield return token => ConnectAsync(new DnsEndPoint(uri.Host, uri.Port), token);
            if (uri.Scheme == "npipe") yield return token => ConnectPipeAsync(uri.Segments[^1], token);
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return token => ConnectPipeAsync("docker_engine", token);
            yield break;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            Path.Combine(home, ".docker", "run", "docker.sock"),
            Path.Combine(home, ".docker", "desktop", "docker.sock"),
            runtime is null ? null : Path.Combine(runtime, "docker.sock"),
        ];
        foreach (var socket in sockets)
        {
            if (socket is not null && File.Exists(socket)) yield return token => ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
        }
    }

    private static bool Answers(Func<CancellationToken, Task<Stream>> connect)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return PingAsync(connect, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or UnauthorizedAccessException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(Func<CancellationToken, Task<Stream>> connect, CancellationToken cancellationToken)
    {
        await using var stream = await connect(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var status = Encoding.ASCII.GetString(buffer, 0, read);
        return status.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || status.StartsWith("HTTP/1.0 200", StringComparison.Ordinal);
    }

    private static async Task<Stream> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        // A TCP socket made without an address family is dual-mode: DOCKER_HOST may name an IPv4 or IPv6 host.
        var socket = endpoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<Stream> ConnectPipeAsync(string name, CancellationToken cancellationToken)
    {
        var pipe = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return pipe;
        }
        catch
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
