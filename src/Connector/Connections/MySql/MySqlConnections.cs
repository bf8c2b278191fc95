using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections.MySql;

/// <summary>
/// MySQL and MariaDB connection strings through <see cref="MySqlConnectionStringBuilder"/>, always with
/// AllowLoadLocalInfile=true because the bulk writer loads with LOAD DATA LOCAL INFILE.
/// </summary>
internal sealed class MySqlConnections : IServerConnections
{
    public static MySqlConnections Instance { get; } = new();

    public DatabaseEngine Engine => DatabaseEngine.MySql;

    public string DisplayName => "MySQL/MariaDB";

    public int DefaultPort => 3306;

    public string HostKey => "Server";

    public string DatabaseKey => "Database";

    public string? PasswordVariable => "MYSQL_PWD";

    public bool DatabaseNamesIgnoreCase => true;

    public DbConnectionStringBuilder Create(string? connectionString) => new MySqlConnectionStringBuilder(connectionString ?? string.Empty);

    public void SetAddress(DbConnectionStringBuilder builder, string host, int? port, string? user, string? database)
    {
        var b = (MySqlConnectionStringBuilder)builder;
        b.Server = host;
        if (port is { } p)
        {
            b.Port = (uint)p;
        }

        if (user is not null)
        {
            b.UserID = user;
        }

        if (database is not null)
        {
            b.Database = database;
        }
    }

    public void SetPassword(DbConnectionStringBuilder builder, string password) => ((MySqlConnectionStringBuilder)builder).Password = password;

    public ServerAddress Read(DbConnectionStringBuilder builder)
    {
        var b = (MySqlConnectionStringBuilder)builder;
        return new ServerAddress(
            b.Server ?? string.Empty,
            (int)b.Port,
            null,
            Empty(b.Database),
            Empty(b.UserID),
            !string.IsNullOrEmpty(b.Password));
    }

    public void Complete(DbConnectionStringBuilder builder) => ((MySqlConnectionStringBuilder)builder).AllowLoadLocalInfile = true;

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
