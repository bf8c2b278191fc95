using Sdv.Connector.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Connections;

public sealed class EndpointParserBadInputTests(TempFolder folder) : IClassFixture<TempFolder>
{
    private const string Planted = "S3cr3t!pw";

    /// <summary>The environment of these tests: only SET_PW is set, to the planted password.</summary>
    private static string? Environment(string name) => name == "SET_PW" ? Planted : null;

    /// <summary>input, --x-engine, --x-password-env (or "file:PATH"), role, a fragment the message must hold.</summary>
    public static TheoryData<string, string?, string?, string, string> Cases => new()
    {
        { "postgress://bob:S3cr3t!pw@db/x", null, null, "source",
            "--source: unknown scheme 'postgress' in 'postgress://bob:***@db/x'; did you mean postgresql://? use postgresql://" },
        { "oracle://bob:S3cr3t!pw@db/x", null, null, "source", "unknown scheme 'oracle'" },
        { "postgresql://bob:S3cr3t!pw@db:abc/x", null, null, "target", "--target: port 'abc' is not a number" },
        { "mysql://bob:S3cr3t!pw@db:70000/x", null, null, "source", "port '70000' is out of range" },
        { "postgresql://bob:S3cr3t!pw@db.example:5432", null, null, "source",
            "--source: the URL names no database (postgresql://db.example:5432/DATABASE)" },
        { "sqlserver://sa:S3cr3t!pw@db/", null, null, "source", "the URL names no database (sqlserver://db:1433/DATABASE)" },
        { "postgresql://bob:S3cr3t!pw@:5432/x", null, null, "source", "the URL names no host" },
        { "mysql://bob:S3cr3t!pw@h1,h2/x", null, null, "source", "host 'h1,h2' lists several hosts" },
        { "postgresql://bob:S3cr3t!pw/x@db/x", null, null, "source", "the user or password in 'postgresql://bob:***@db/x' seems to hold a '/'" },
        { "postgresql://bob:S3cr3t!pw%zz@db/x", null, null, "source", "the password in 'postgresql://bob:***@db/x' holds a '%'" },
        { "mysql://bob:S3cr3t!pw@db/x/y", null, null, "source", "the database part 'x/y' holds a '/'" },
        { "mysql://bob:S3cr3t!pw@db/x#top", null, null, "source", "holds a '#'" },
        { "postgresql://bob:S3cr3t!pw@db/x?sslmode=bogus", null, null, "source", "query option 'sslmode=bogus' is not accepted by PostgreSQL: Couldn't set sslmode: Requested value 'bogus' was not found." },
        { "postgresql://bob:S3cr3t!pw@db/x?nosuch=1", null, null, "source", "query option 'nosuch=1' is not accepted by PostgreSQL: Couldn't set nosuch: no such setting" },
        { "postgresql://bob:S3cr3t!pw@db/x?flag", null, null, "source", "query option 'flag' has no value" },
        { "postgresql://bob:S3cr3t!pw@db/x", "mysql", null, "source", "--source-engine mysql does not match the URL's scheme postgresql://" },
        { "postgresql://bob:S3cr3t!pw@db/x", "oracle", null, "source", "--source-engine 'oracle' is not an engine; use postgresql, mysql" },
        { "postgresql://bob:S3cr3t!pw@db/x", null, "SET_PW", "source",
            "the URL holds a password and --source-password-env gives another; keep one" },
        { "postgresql://bob@db/x?password=S3cr3t!pw", null, "SET_PW", "source",
            "the URL holds a password and --source-password-env gives another; keep one" },
        { "Host=db;Username=bob;Password=S3cr3t!pw;Database=x", null, null, "source",
            "--source: an ADO.NET connection string needs --source-engine (postgresql|mysql|mariadb|sqlserver|sqlite)" },
        { "Hots=db;Password=S3cr3t!pw;Database=x", "postgresql", null, "source", "the connection string is not valid for PostgreSQL: Couldn't set hots: no such setting" },
        { "Host=db;Password=S3cr3t!pw;junk", "postgresql", null, "target", "--target: the connection string is not valid for PostgreSQL" },
        { "Server=h;Database=d;Password=S3cr3t!pw;Connect Timeout=abc", "sqlserver", null, "source", "the connection string is not valid for SQL Server" },
        { "Server=h;Database=d;Password=S3cr3t!pw;Nosuch=1", "mysql", null, "source", "the connection string is not valid for MySQL/MariaDB: Option 'nosuch' not supported." },
        { "Server=h;User ID=u;Password=S3cr3t!pw", "mysql", null, "source", "the connection string names no database; add Database=NAME" },
        { "Database=d;User ID=u;Password=S3cr3t!pw", "sqlserver", null, "source", "the connection string names no host; add Data Source=HOST" },
        { "Host=db;Database=d;Password=S3cr3t!pw", "postgresql", "file:{dir}/pw.txt", "source",
            "the connection string holds a password and --source-password-file gives another" },
        { "postgresql://bob@db/x", null, "UNSET_PW", "source", "--source-password-env UNSET_PW is not set" },
        { "postgresql://bob@db/x", null, "file:{dir}/missing.txt", "target", "--target: password file {dir}/missing.txt does not exist" },
        { "{dir}/source.db", null, "SET_PW", "source", "a SQLite file takes no password; drop --source-password-env" },
        { "Data Source={dir}/source.db;Password=S3cr3t!pw", "sqlite", null, "source", "a SQLite file takes no password" },
        { "{dir}/not-sqlite.db", null, null, "source", "{dir}/not-sqlite.db is not a SQLite database" },
        { "sqlite://{dir}/absent.db", null, null, "source", "--source: SQLite file {dir}/absent.db does not exist" },
        { "{dir}/no/such/folder/x.db", null, null, "target", "folder {dir}/no/such/folder of the SQLite file does not exist" },
        { "Data Source=:memory:", "sqlite", null, "target", "an in-memory SQLite database" },
        { "sqlite://{dir}/extracts", null, null, "source", "{dir}/extracts is a folder, not a SQLite file" },
        { "csv://{dir}/absent-folder", null, null, "source", "CSV folder {dir}/absent-folder does not exist" },
        { "csv://{dir}/source.db", null, null, "target", "{dir}/source.db is a file; a CSV endpoint is a folder" },
        { "bob:S3cr3t!pw@db.example.com:5432/x", null, null, "source", "'bob:***@db.example.com:5432/x' is not a URL" },
        { "db.example.com:5432/sales", null, null, "source", "'db.example.com:5432/sales' has no scheme; write postgresql://db.example.com:5432/sales" },
        { "{dir}/plain.bin", null, null, "source", "is not a URL, a .db/.sqlite/.sqlite3 file or an existing folder" },
        { "   ", null, null, "target", "--target is empty; give a URL" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_which_part_is_wrong_and_never_echoes_the_password(
        string input, string? engine, string? passwordOption, string role, string expected)
    {
        File.WriteAllText(Path.Combine(folder.Root, "pw.txt"), Planted + "\n");
        File.WriteAllText(Path.Combine(folder.Root, "not-sqlite.db"), "id,name\n1,Ann\n");
        PasswordSource? password = passwordOption switch
        {
            null => null,
            _ when passwordOption.StartsWith("file:", StringComparison.Ordinal) => PasswordSource.FromFile(folder.Expand(passwordOption[5..])),
            _ => PasswordSource.FromEnvironment(passwordOption),
        };

        var error = Assert.Throws<EndpointException>(() => EndpointParser.Parse(folder.Expand(input), engine, password, role, Environment));

        Assert.Contains(folder.Expand(expected), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Planted, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Has_at_least_fifteen_bad_inputs()
    {
        Assert.True(Cases.Count >= 15);
    }

    [Fact]
    public void Any_password_seen_is_scrubbed_from_messages_as_a_last_defence()
    {
        var context = new ParseContext("source", null, _ => null);
        context.AddSecret(Planted);

        var error = context.Error($"the driver said: bad value {Planted} near Password");

        Assert.Equal("--source: the driver said: bad value *** near Password", error.Message);
    }
}
