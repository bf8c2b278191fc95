using MySqlConnector;
using Npgsql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The command line's spelling of a test database: a file path for SQLite, a URL for a server (from the fixture's own connection string).</summary>
internal static class DatabaseUrl
{
    public static string For(TestDatabase db) => db.Engine switch
    {
        DatabaseEngine.Sqlite => db.Name,
        DatabaseEngine.PostgreSql => Server("postgresql", new NpgsqlConnectionStringBuilder(db.ConnectionString) is var b
            ? (b.Host!, b.Port, b.Username!, b.Password ?? string.Empty, b.Database!) : default),
        DatabaseEngine.MySql => Server("mariadb", new MySqlConnectionStringBuilder(db.ConnectionString) is var m
            ? (m.Server, (int)m.Port, m.UserID, m.Password, m.Database) : default),
        _ => throw new ArgumentOutOfRangeException(nameof(db), db.Engine, "No URL for this engine in the clone tests."),
    };

    private static string Server(string scheme, (string Host, int Port, string User, string Password, string Database) p) =>
        $"{scheme}://{Uri.EscapeDataString(p.User)}:{Uri.EscapeDataString(p.Password)}@{p.Host}:{p.Port}/{Uri.EscapeDataString(p.Database)}";
}
