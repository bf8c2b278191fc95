using System.Data.Common;
using Npgsql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections.PostgreSql;

/// <summary>PostgreSQL connection strings through <see cref="NpgsqlConnectionStringBuilder"/>.</summary>
internal sealed class PostgreSqlConnections : IServerConnections
{
    public static PostgreSqlConnections Instance { get; } = new();

    public DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public string DisplayName => "PostgreSQL";

    public int DefaultPort => NpgsqlConnection.DefaultPort;

    public string HostKey => "Host";

    public string DatabaseKey => "Database";

    public string? PasswordVariable => "PGPASSWORD";

    public bool DatabaseNamesIgnoreCase => false;

    public DbConnectionStringBuilder Create(string? connectionString) => new NpgsqlConnectionStringBuilder(connectionString ?? string.Empty);

    public void SetAddress(DbConnectionStringBuilder builder, string host, int? port, string? user, string? database)
    {
        var b = (NpgsqlConnectionStringBuilder)builder;
        b.Host = host;
        if (port is { } p)
        {
            b.Port = p;
        }

        b.Username = user;
        b.Database = database;
    }

    public void SetPassword(DbConnectionStringBuilder builder, string password) => ((NpgsqlConnectionStringBuilder)builder).Password = password;

    public ServerAddress Read(DbConnectionStringBuilder builder)
    {
        var b = (NpgsqlConnectionStringBuilder)builder;
        var host = b.Host ?? string.Empty;
        var port = b.Port;

        // Npgsql accepts "Host=db:5433"; that port wins over Port=.
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains(',', StringComparison.Ordinal) && host.Count(c => c == ':') == 1
            && int.TryParse(host.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var embedded))
        {
            host = host[..colon];
            port = embedded;
        }

        return new ServerAddress(host, port, null, Empty(b.Database), Empty(b.Username), !string.IsNullOrEmpty(b.Password));
    }

    public void Complete(DbConnectionStringBuilder builder)
    {
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
