using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections.SqlServer;

/// <summary>
/// SQL Server connection strings through <see cref="SqlConnectionStringBuilder"/>. A URL's host becomes
/// <c>Data Source=host,port</c> (or <c>host\instance</c>); <c>?trustServerCertificate=true</c> and
/// <c>?encrypt=false</c> are passed to the builder like every other query option.
/// </summary>
internal sealed class SqlServerConnections : IServerConnections
{
    public static SqlServerConnections Instance { get; } = new();

    public DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public string DisplayName => "SQL Server";

    public int DefaultPort => 1433;

    public string HostKey => "Data Source";

    public string DatabaseKey => "Initial Catalog";

    public string? PasswordVariable => null;

    public bool DatabaseNamesIgnoreCase => true;

    public DbConnectionStringBuilder Create(string? connectionString) => new SqlConnectionStringBuilder(connectionString ?? string.Empty);

    public void SetAddress(DbConnectionStringBuilder builder, string host, int? port, string? user, string? database)
    {
        var b = (SqlConnectionStringBuilder)builder;
        b.DataSource = port is { } p ? $"{host},{p.ToString(CultureInfo.InvariantCulture)}" : host;
        if (user is not null)
        {
            b.UserID = user;
        }

        if (database is not null)
        {
            b.InitialCatalog = database;
        }
    }

    public void SetPassword(DbConnectionStringBuilder builder, string password) => ((SqlConnectionStringBuilder)builder).Password = password;

    public ServerAddress Read(DbConnectionStringBuilder builder)
    {
        var b = (SqlConnectionStringBuilder)builder;
        var source = b.DataSource ?? string.Empty;

        // Data Source is [protocol:]host[\instance][,port].
        var protocol = source.IndexOf(':', StringComparison.Ordinal);
        if (protocol > 0 && source[..protocol].ToLowerInvariant() is "tcp" or "np" or "lpc" or "admin")
        {
            source = source[(protocol + 1)..];
        }

        int? port = null;
        var comma = source.LastIndexOf(',');
        if (comma >= 0)
        {
            if (int.TryParse(source.AsSpan(comma + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                port = p;
            }

            source = source[..comma];
        }

        string? instance = null;
        var backslash = source.IndexOf('\\', StringComparison.Ordinal);
        if (backslash >= 0)
        {
            instance = source[(backslash + 1)..];
            source = source[..backslash];
        }

        // A named instance without a port is found through the SQL Browser, so no port is known.
        port ??= instance is null ? DefaultPort : null;
        return new ServerAddress(
            source.Trim(),
            port,
            string.IsNullOrEmpty(instance) ? null : instance,
            Empty(b.InitialCatalog),
            Empty(b.UserID),
            !string.IsNullOrEmpty(b.Password));
    }

    public void Complete(DbConnectionStringBuilder builder)
    {
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
