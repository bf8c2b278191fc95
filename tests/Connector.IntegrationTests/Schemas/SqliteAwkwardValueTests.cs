using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// Values of application schemas a tester would laugh at in a clone, found by probes: ISO timestamps in text written as
/// digits of their shape, all-NULL columns filled because of their names, codes turned into city names, snowflake ids
/// rounded to multiples of 256, free text cut at 400 characters and JSON text that no longer parsed. Each is cloned from
/// SQLite (where applications keep all of these as text) into every engine and read back as a DBA would.
/// </summary>
public sealed class SqliteAwkwardValueTests(SqliteFixture fixture) : EngineTestBase<SqliteFixture>(fixture)
{
    /// <summary>
    /// Timestamps as JavaScript, an API with an offset, and a logger with milliseconds write them (the logger, as Python's
    /// isoformat(), without the fraction on the whole second).
    /// </summary>
    private const string TimestampsDdl = """
        CREATE TABLE api_events (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, updated_at VARCHAR(40), logged_at TEXT, kind TEXT)
        ;;
        WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 400)
        INSERT INTO api_events (created_at, updated_at, logged_at, kind)
        SELECT strftime('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || (x * 7919 % 200000) || ' minutes'),
            CASE WHEN x % 10 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f', '2025-01-01', '+' || (x * 7919 % 200000) || ' minutes', '+' || (x * 1.237) || ' seconds') || '+02:00' END,
            CASE WHEN x % 50 = 0 THEN strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+' || (x * 7919 % 200000) || ' minutes')
                ELSE strftime('%Y-%m-%d %H:%M:%f', '2025-01-01', '+' || (x * 7919 % 200000) || ' minutes', '+' || (x * 3.141) || ' seconds') END,
            'k' || (x % 3)
        FROM g
        """;

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Iso_timestamps_in_text_are_cloned_as_valid_dates_in_the_source_layout(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync(TimestampsDdl);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        // The source runs from 2025-01-01 to 2025-05-19 (200,000 minutes); every clone value is a date of that range.
        foreach (var column in new[] { "created_at", "updated_at", "logged_at" })
        {
            Assert.Equal(await target.ScalarAsync<long>($"SELECT COUNT({column}) FROM api_events"),
                await target.ScalarAsync<long>($"SELECT COUNT(*) FROM api_events WHERE {column} >= '2025-01-01' AND {column} < '2025-05-20'"));
        }
        Assert.Equal(400L, await target.ScalarAsync<long>("SELECT COUNT(created_at) FROM api_events"));
        Assert.InRange(await target.ScalarAsync<long>("SELECT COUNT(updated_at) FROM api_events"), 330L, 390L);
        if (engine != "sqlite") return;
        // On SQLite, in the source's own layout, and each a valid date (SQLite writes it back the same).
        Assert.Equal(400L, await target.ScalarAsync<long>(
            "SELECT COUNT(*) FROM api_events WHERE strftime('%Y-%m-%dT%H:%M:%SZ', created_at) = created_at"));
        Assert.Equal(await target.ScalarAsync<long>("SELECT COUNT(updated_at) FROM api_events"), await target.ScalarAsync<long>(
            "SELECT COUNT(*) FROM api_events WHERE strftime('%Y-%m-%dT%H:%M:%f', substr(updated_at, 1, 23)) || '+02:00' = updated_at"));
        Assert.Equal(400L, await target.ScalarAsync<long>(
            "SELECT COUNT(*) FROM api_events WHERE strftime('%Y-%m-%d %H:%M:%f', logged_at) = logged_at"));
        // Milliseconds are drawn, not all zero.
        Assert.True(await target.ScalarAsync<long>("SELECT COUNT(DISTINCT substr(logged_at, 21, 3)) FROM api_events") > 50);
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task A_column_of_digit_codes_in_a_product_table_gets_new_codes_of_its_width(string engine)
    {
        // PrestaShop's ean13: unique 13-digit codes in 60% of the rows, '' in the rest. It came out as product names
        // ("Deluxe Camping Tent"), which PostgreSQL and MariaDB refused as too long for varchar(13).
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE product (id INTEGER PRIMARY KEY, ean13 VARCHAR(13) NOT NULL DEFAULT '', reference VARCHAR(32), price DECIMAL(20,6))
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
            INSERT INTO product (ean13, reference, price)
            SELECT CASE WHEN x % 5 < 2 THEN '' ELSE printf('%013d', 4006381333931 + x * 7919) END, 'REF' || x, x * 1.25 FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM product"));
        var codes = (await target.StringsAsync("SELECT ean13 FROM product")).Select(c => c ?? "NULL").ToList();
        Assert.All(codes, c => Assert.Matches("^([0-9]{13})?$", c));
        // '' at about the source's 40%, the codes new and distinct.
        Assert.InRange(codes.Count(c => c.Length == 0), 80, 160);
        var real = Enumerable.Range(1, 300).Where(x => x % 5 >= 2).Select(x => (4006381333931L + (x * 7919L)).ToString("D13", CultureInfo.InvariantCulture)).ToHashSet();
        Assert.DoesNotContain(codes, real.Contains);
        Assert.True(codes.Where(c => c.Length > 0).Distinct().Count() > 100);
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task A_not_null_column_equal_to_a_nullable_parent_column_never_takes_its_nulls(string engine)
    {
        // Odoo's res_users.login is its partner's e-mail where the partner has one; the clone copied the partner's NULLs
        // into the NOT NULL login and every target refused the table.
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE partner (id INTEGER PRIMARY KEY, name TEXT, email TEXT)
            ;;
            CREATE TABLE users (id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL REFERENCES partner (id), login TEXT NOT NULL UNIQUE)
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
            INSERT INTO partner (name, email) SELECT 'Partner ' || x, CASE WHEN x % 6 = 0 THEN NULL ELSE 'p' || (x * 7919 % 100000) || '@mail.example' END FROM g
            ;;
            INSERT INTO users (partner_id, login) SELECT id, COALESCE(email, 'user' || id || '@example.com') FROM partner WHERE id % 3 = 0
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(100L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
        Assert.Equal(100L, await target.ScalarAsync<long>("SELECT COUNT(DISTINCT login) FROM users"));
        // Where the partner has an e-mail, the login is mostly that e-mail, as in the source (half the users: 50 of 100).
        Assert.InRange(await target.ScalarAsync<long>("SELECT COUNT(*) FROM users u JOIN partner p ON p.id = u.partner_id WHERE u.login = p.email"), 25L, 100L);
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Personal_columns_left_empty_stay_empty_in_their_share(string engine)
    {
        // GitLab's public_email and website_url are '' in every row, phpBB's birthday in most: the clone made up an
        // address, a website and a birthday for every user.
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, public_email TEXT NOT NULL DEFAULT '',
                website_url TEXT NOT NULL DEFAULT '', phone VARCHAR(20) NOT NULL DEFAULT '')
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
            INSERT INTO users (email, phone) SELECT 'user' || x || '@mail.example', CASE WHEN x % 3 = 0 THEN '+49 151 ' || (1000000 + x * 7919 % 9000000) ELSE '' END FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE public_email = '' AND website_url = ''"));
        Assert.Equal(0L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = ''"));
        // A third of the phones are set, as in the source; those are new numbers.
        Assert.InRange(await target.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE phone <> ''"), 70L, 130L);
        Assert.Equal(0L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE phone LIKE '+49 151 1%' AND email LIKE 'user%@mail.example'"));
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task A_unique_key_over_a_copied_parent_column_and_a_name_holds(string engine)
    {
        // Odoo's ir_model_fields: UNIQUE (model, name), model copied from the row's ir_model. The copy came after the
        // sampler kept the tuples unique, two rows repeated one and every target refused the table.
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE ir_model (id INTEGER PRIMARY KEY, model TEXT NOT NULL UNIQUE)
            ;;
            CREATE TABLE ir_model_fields (id INTEGER PRIMARY KEY, model_id INTEGER NOT NULL REFERENCES ir_model (id), model TEXT NOT NULL,
                name TEXT NOT NULL, ttype TEXT, UNIQUE (model, name))
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 15)
            INSERT INTO ir_model (model) SELECT 'module' || x || '.model' FROM g
            ;;
            WITH RECURSIVE f(y) AS (SELECT 1 UNION ALL SELECT y + 1 FROM f WHERE y < 20)
            INSERT INTO ir_model_fields (model_id, model, name, ttype)
            SELECT m.id, m.model, 'field_' || f.y, CASE WHEN f.y % 3 = 0 THEN 'char' ELSE 'many2one' END
            FROM ir_model m JOIN f ON f.y <= 8 + (m.id * 7) % 13
            """);
        SqliteConnection.ClearAllPools();
        var rows = await source.ScalarAsync<long>("SELECT COUNT(*) FROM ir_model_fields");
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(rows, await target.ScalarAsync<long>("SELECT COUNT(*) FROM ir_model_fields"));
        Assert.Equal(rows, await target.ScalarAsync<long>("SELECT COUNT(*) FROM (SELECT DISTINCT model, name FROM ir_model_fields) d"));
        // The model still follows the row's parent.
        Assert.Equal(rows, await target.ScalarAsync<long>("SELECT COUNT(*) FROM ir_model_fields f JOIN ir_model m ON m.id = f.model_id AND m.model = f.model"));
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Columns_null_in_every_row_stay_null_whatever_their_names(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, city VARCHAR(50), phone VARCHAR(20),
                notes TEXT, score INTEGER, signed_up DATETIME, country TEXT)
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
            INSERT INTO customers (name) SELECT 'Customer ' || x FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(name) FROM customers"));
        var filled = new List<string>();
        foreach (var column in new[] { "email", "city", "phone", "notes", "score", "signed_up", "country" })
        {
            if (await target.ScalarAsync<long>($"SELECT COUNT({column}) FROM customers") is var count and > 0) filled.Add($"{column}: {count} values");
        }
        Assert.Empty(filled);
    }

    /// <summary>Unique codes and tokens of several shapes, each row's its own.</summary>
    private const string CodesDdl = """
        CREATE TABLE vouchers (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE, token VARCHAR(20) UNIQUE, sku VARCHAR(12),
            promo VARCHAR(10), api_key VARCHAR(40), amount INTEGER)
        ;;
        WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
        INSERT INTO vouchers (code, token, sku, promo, api_key, amount)
        SELECT printf('%06X', x * 2654435761 % 16777216),
            'tok_' || printf('%06x', (x * 40503 + 12345) % 16777216),
            char(65 + x % 26, 65 + (x * 7) % 26) || printf('%06d', (x * 7919) % 1000000),
            char(97 + (x * 7) % 26, 97 + (x * 11 + 3) % 26, 97 + (x * 13 + 5) % 26, 97 + (x / 26) % 26, 97 + (x * 19 + 2) % 26, 97 + x % 26, 97 + (x * 29 + 6) % 26, 97 + (x * 31 + 7) % 26),
            printf('%08x%08x%08x%08x', x * 2654435761 % 4294967296, x * 40503 % 4294967296, x * 97 % 4294967296, x * 7919 % 4294967296),
            x % 90
        FROM g
        """;

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Unique_codes_and_tokens_keep_their_shape_and_are_never_real_values(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync(CodesDdl);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var shapes = new Dictionary<string, string>
        {
            ["code"] = "^[0-9A-F]{6}$",
            ["token"] = "^tok_[0-9a-f]{6}$",
            ["sku"] = "^[A-Z]{2}[0-9]{6}$",
            ["promo"] = "^[a-z]{8}$",
            ["api_key"] = "^[0-9a-f]{32}$",
        };
        var failures = new List<string>();
        foreach (var (column, shape) in shapes)
        {
            var real = (await ColumnAsync(source, $"SELECT {column} FROM vouchers")).ToHashSet(StringComparer.Ordinal);
            var clone = await ColumnAsync(target, $"SELECT {column} FROM vouchers");
            Assert.Equal(300, clone.Count);
            var misshapen = clone.Where(v => v is null || !Regex.IsMatch(v, shape)).ToList();
            if (misshapen.Count > 0) failures.Add($"{column}: {misshapen.Count} values not of the shape {shape}, e.g. {misshapen[0]}");
            if (clone.Count(real.Contains) is var copied and > 0) failures.Add($"{column}: {copied} real values");
            if (column is "code" or "token" && clone.Distinct(StringComparer.Ordinal).Count() is var distinct and < 300) failures.Add($"{column}: {distinct} distinct of 300");
        }
        Assert.Empty(failures);
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Integers_past_two_to_the_53_keep_their_low_digits_and_range(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE posts (id INTEGER PRIMARY KEY, snowflake BIGINT NOT NULL, hash BIGINT, likes INTEGER)
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 400)
            INSERT INTO posts (snowflake, hash, likes) SELECT 1234567890123456789 + x * 7919 * 1000003, 9007199254740993 + x * 3, x % 50 FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var snowflakes = (await ColumnAsync(target, "SELECT snowflake FROM posts")).Select(v => long.Parse(v!, CultureInfo.InvariantCulture)).ToList();
        var hashes = (await ColumnAsync(target, "SELECT hash FROM posts WHERE hash IS NOT NULL")).Select(v => long.Parse(v!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(400, snowflakes.Count);
        Assert.All(snowflakes, v => Assert.InRange(v, 1234567890123456789L + (7919L * 1000003), 1234567890123456789L + (400L * 7919 * 1000003)));
        Assert.All(hashes, v => Assert.InRange(v, 9007199254740996L, 9007199254740993L + 1200));
        // Rounded through a double, every snowflake was a multiple of 256 and every hash even.
        Assert.True(snowflakes.Count(v => v % 256 == 0) < 40, $"{snowflakes.Count(v => v % 256 == 0)} of 400 snowflakes are multiples of 256");
        Assert.True(hashes.Count(v => v % 2 != 0) > 100, $"{hashes.Count(v => v % 2 != 0)} of {hashes.Count} hashes are odd");
        Assert.Equal(typeof(long), await FieldTypeAsync(target, "SELECT snowflake FROM posts"));
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Long_free_text_keeps_the_source_lengths(string engine)
    {
        await using var source = await NewDatabaseAsync();
        // Bodies of 1,200 to 5,200 characters (mean about 3,200), of a few dozen words.
        await source.ExecuteAsync("""
            CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT)
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 200)
            INSERT INTO articles (title, body) SELECT 'Article ' || x,
                replace(hex(zeroblob(30 + (x * 37) % 100)), '00', CASE x % 4 WHEN 0 THEN 'the quick brown fox jumps over the lazy dog. '
                    WHEN 1 THEN 'our customers report that shipping was fast. ' WHEN 2 THEN 'the system keeps every order and its invoice. '
                    ELSE 'data from the last quarter shows steady growth. ' END)
            FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var real = await source.ScalarAsync<double>("SELECT AVG(LENGTH(body)) FROM articles");
        var clone = await target.ScalarAsync<double>("SELECT AVG(LENGTH(body)) FROM articles");
        Assert.InRange(clone, real * 0.8, real * 1.2);
        Assert.True(await target.ScalarAsync<long>("SELECT MAX(LENGTH(body)) FROM articles") > 4000);
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Json_kept_in_text_is_cloned_as_valid_json_of_the_same_structure(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE settings (id INTEGER PRIMARY KEY, prefs TEXT NOT NULL, tags TEXT)
            ;;
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
            INSERT INTO settings (prefs, tags)
            SELECT json_object('theme', CASE x % 3 WHEN 0 THEN 'dark' WHEN 1 THEN 'light' ELSE 'system' END, 'size', 10 + x % 40,
                    'flags', json_array(x % 2, x % 5), 'nested', json_object('beta', json(CASE x % 2 WHEN 0 THEN 'true' ELSE 'false' END), 'level', x % 7)),
                json_array('t' || (x % 5), 't' || (x % 7))
            FROM g
            """);
        SqliteConnection.ClearAllPools();
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var prefs = await ColumnAsync(target, "SELECT prefs FROM settings");
        Assert.Equal(300, prefs.Count);
        foreach (var text in prefs)
        {
            using var document = JsonDocument.Parse(text!);
            var root = document.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Equal(JsonValueKind.String, root.GetProperty("theme").ValueKind);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("size").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("flags").ValueKind);
            Assert.Equal(JsonValueKind.Object, root.GetProperty("nested").ValueKind);
        }
        foreach (var text in await ColumnAsync(target, "SELECT tags FROM settings WHERE tags IS NOT NULL"))
        {
            using var document = JsonDocument.Parse(text!);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        }
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as invariant text (NULL as null).</summary>
    private static async Task<List<string?>> ColumnAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>The .NET type the engine reads the first column of <paramref name="sql"/> as.</summary>
    private static async Task<Type> FieldTypeAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetValue(0).GetType();
    }
}
