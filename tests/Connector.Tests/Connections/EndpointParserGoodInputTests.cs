using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

public sealed class EndpointParserGoodInputTests(TempFolder folder) : IClassFixture<TempFolder>
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    /// <summary>input, --x-engine, role, engine (or Csv), expected connection string keys (a subset), expected display.</summary>
    public static TheoryData<string, string?, string, string, string, string> Cases => new()
    {
        // PostgreSQL
        { "postgresql://bob:pw@db.example.com:5433/sales?sslmode=require", null, "source", "PostgreSql",
            "Host=db.example.com;Port=5433;Database=sales;Username=bob;Password=pw;SSL Mode=Require", "postgresql://bob:***@db.example.com:5433/sales" },
        { "postgres://bob@localhost/sales", null, "source", "PostgreSql",
            "Host=localhost;Database=sales;Username=bob", "postgresql://bob@localhost:5432/sales" },
        { "postgresql://bob:p%40ss%3Aw%2Frd%3F%23%25@db/x", null, "source", "PostgreSql",
            "Host=db;Database=x;Username=bob;Password=p@ss:w/rd?#%", "postgresql://bob:***@db:5432/x" },
        { "postgresql://b%C3%B6b@[::1]:6543/My%20Db?sslmode=verify-full&timeout=30", null, "target", "PostgreSql",
            "Host=::1;Port=6543;Database=My Db;Username=böb;SSL Mode=VerifyFull;Timeout=30", "postgresql://böb@[::1]:6543/My Db" },
        { "postgresql://bob:pw@db/x", "postgresql", "source", "PostgreSql",
            "Host=db;Database=x;Password=pw", "postgresql://bob:***@db:5432/x" },
        { "Host=db;Port=5444;Database=sales;Username=bob;Password=pw", "postgresql", "source", "PostgreSql",
            "Host=db;Port=5444;Database=sales;Username=bob;Password=pw", "postgresql://bob:***@db:5444/sales" },

        // MySQL / MariaDB
        { "mysql://root:pw@127.0.0.1:3307/shop", null, "source", "MySql",
            "Server=127.0.0.1;Port=3307;Database=shop;User ID=root;Password=pw;Allow Load Local Infile=true", "mysql://root:***@127.0.0.1:3307/shop" },
        { "mariadb://u@maria/shop?sslmode=required", null, "target", "MySql",
            "Server=maria;Database=shop;User ID=u;SSL Mode=Required;Allow Load Local Infile=true", "mariadb://u@maria:3306/shop" },
        { "mysql://u@h/shop?ssl-mode=VERIFY-CA", null, "source", "MySql",
            "Server=h;Database=shop;SSL Mode=VerifyCA", "mysql://u@h:3306/shop" },
        { "Server=h;Database=d;User ID=u;AllowLoadLocalInfile=false", "mariadb", "source", "MySql",
            "Server=h;Database=d;User ID=u;Allow Load Local Infile=true", "mariadb://u@h:3306/d" },

        // SQL Server
        { "sqlserver://sa:pw@sql.example:14330/Northwind?trustServerCertificate=true", null, "source", "SqlServer",
            "Data Source=sql.example,14330;Initial Catalog=Northwind;User ID=sa;Password=pw;Trust Server Certificate=true", "sqlserver://sa:***@sql.example:14330/Northwind" },
        { "mssql://sa@sql/db?encrypt=false", null, "target", "SqlServer",
            "Data Source=sql;Initial Catalog=db;User ID=sa;Encrypt=false", "sqlserver://sa@sql:1433/db" },
        { "Server=tcp:h,1500;Database=d;User Id=sa;Password=pw;TrustServerCertificate=True", "sqlserver", "source", "SqlServer",
            "Data Source=tcp:h,1500;Initial Catalog=d;User ID=sa;Password=pw;Trust Server Certificate=true", "sqlserver://sa:***@h:1500/d" },
        { "Data Source=h\\SQLEXPRESS;Initial Catalog=d;Integrated Security=true", "mssql", "source", "SqlServer",
            "Data Source=h\\SQLEXPRESS;Initial Catalog=d;Integrated Security=true", "sqlserver://h\\SQLEXPRESS/d" },

        // SQLite
        { "sqlite://{dir}/source.db", null, "source", "Sqlite", "Data Source={dir}/source.db", "sqlite://{dir}/source.db" },
        { "sqlite://{dir}/with%20space.db?mode=ro", null, "source", "Sqlite", "Data Source={dir}/with space.db;Mode=ReadOnly", "sqlite://{dir}/with space.db" },
        { "sqlite://relative-target.db", null, "target", "Sqlite", "Data Source={cwd}/relative-target.db", "sqlite://{cwd}/relative-target.db" },
        { "sqlite:relative-target.sqlite", null, "target", "Sqlite", "Data Source={cwd}/relative-target.sqlite", "sqlite://{cwd}/relative-target.sqlite" },
        { "{dir}/data.sqlite", null, "source", "Sqlite", "Data Source={dir}/data.sqlite", "sqlite://{dir}/data.sqlite" },
        { "{dir}/sub/../DATA.sqlite3", null, "source", "Sqlite", "Data Source={dir}/DATA.sqlite3", "sqlite://{dir}/DATA.sqlite3" },
        { "new-relative.db", null, "target", "Sqlite", "Data Source={cwd}/new-relative.db", "sqlite://{cwd}/new-relative.db" },
        { "{dir}/plain.bin", "sqlite", "source", "Sqlite", "Data Source={dir}/plain.bin", "sqlite://{dir}/plain.bin" },
        { "Data Source={dir}/source.db;Cache=Shared", "sqlite", "source", "Sqlite", "Data Source={dir}/source.db;Cache=Shared", "sqlite://{dir}/source.db" },

        // CSV folders
        { "csv://{dir}/extracts", null, "source", "Csv", string.Empty, "csv://{dir}/extracts" },
        { "{dir}/extracts", null, "source", "Csv", string.Empty, "csv://{dir}/extracts" },
        { "{dir}/extracts/", null, "source", "Csv", string.Empty, "csv://{dir}/extracts" },
        { "{dir}/new-out/", null, "target", "Csv", string.Empty, "csv://{dir}/new-out" },
        { "csv:relative-out", null, "target", "Csv", string.Empty, "csv://{cwd}/relative-out" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_into_the_drivers_connection_string(
        string input, string? engine, string role, string expectedEngine, string expectedKeys, string expectedDisplay)
    {
        var endpoint = EndpointParser.Parse(folder.Expand(input), engine, null, role, NoEnvironment);

        Assert.Equal(expectedEngine, endpoint.Engine?.ToString() ?? "Csv");
        Assert.Equal(expectedEngine == "Csv" ? EndpointKind.CsvFolder : EndpointKind.Database, endpoint.Kind);
        Assert.Equal(folder.Expand(expectedDisplay), endpoint.Redacted);
        Assert.Equal(endpoint.Redacted, endpoint.ToString());

        if (expectedEngine == "Csv")
        {
            Assert.Null(endpoint.ConnectionString);
            Assert.Equal(folder.Expand(expectedDisplay)["csv://".Length..], endpoint.Path);
            return;
        }

        var actual = new DbConnectionStringBuilder { ConnectionString = endpoint.ConnectionString };
        var expected = new DbConnectionStringBuilder { ConnectionString = folder.Expand(expectedKeys) };
        foreach (string key in expected.Keys)
        {
            Assert.True(actual.TryGetValue(key, out var value), $"'{key}' missing from {Redact(actual)}");
            Assert.Equal(expected[key].ToString(), value?.ToString(), ignoreCase: true);
        }
    }

    [Fact]
    public void Fills_in_default_ports_and_names_the_database()
    {
        var pg = EndpointParser.Parse("postgres://bob@db/sales", null, null, "source", NoEnvironment);
        var my = EndpointParser.Parse("mariadb://bob@db/shop", null, null, "source", NoEnvironment);
        var ms = EndpointParser.Parse("sqlserver://sa@db/Northwind", null, null, "source", NoEnvironment);
        var lite = EndpointParser.Parse(folder.Expand("{dir}/source.db"), null, null, "source", NoEnvironment);

        Assert.Equal((5432, "sales", "db"), (pg.Port!.Value, pg.DatabaseName, pg.Host!));
        Assert.Equal((3306, "shop"), (my.Port!.Value, my.DatabaseName));
        Assert.Equal((1433, "Northwind"), (ms.Port!.Value, ms.DatabaseName));
        Assert.Equal(("source", folder.Expand("{dir}/source.db")), (lite.DatabaseName, lite.Path!));
        Assert.Null(lite.Port);
    }

    [Fact]
    public void The_SQLite_connection_string_opens_the_file_it_names()
    {
        var path = Path.Combine(folder.Root, "real.db");
        using (var create = new SqliteConnection($"Data Source={path}"))
        {
            create.Open();
            using var command = create.CreateCommand();
            command.CommandText = "CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (41), (1);";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var endpoint = EndpointParser.Parse("sqlite://" + path + "?mode=ro", null, null, "source", NoEnvironment);

        using var connection = new SqliteConnection(endpoint.ConnectionString);
        connection.Open();
        using var sum = connection.CreateCommand();
        sum.CommandText = "SELECT SUM(x) FROM t";
        Assert.Equal(42L, sum.ExecuteScalar());
        using var write = connection.CreateCommand();
        write.CommandText = "INSERT INTO t VALUES (0)";
        Assert.Throws<SqliteException>(() => write.ExecuteNonQuery()); // ?mode=ro became Mode=ReadOnly
    }

    private static string Redact(DbConnectionStringBuilder builder)
    {
        var copy = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        copy.Remove("Password");
        return copy.ConnectionString;
    }
}
