using System.Text.Json;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// Values a PostgreSQL source keeps as text, or as bytes, that mean something else: ISO timestamps and dates in varchar,
/// JSON in a bounded varchar, text in bytea. Cloned to every engine, each must come out as what it means, written as the
/// source writes it. (Found by probes of application schemas: the clone held <c>2025-01-02T97:13:00Z</c>, JSON cut into
/// words, and random bytes for titles.)
/// </summary>
public sealed class PostgresTextValueTests(PostgresFixture fixture) : EngineTestBase<PostgresFixture>(fixture)
{
    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Iso_timestamps_kept_in_varchar_are_cloned_as_valid_timestamps_of_their_layout(string engine)
    {
        await using var source = await NewDatabaseAsync();
        // Skewed towards the start of the range, so that a uniform draw between its ends would move the mean.
        await source.ExecuteAsync("""
            CREATE TABLE ev (id SERIAL PRIMARY KEY, at VARCHAR(40), d VARCHAR(10), at_ms VARCHAR(40), mw VARCHAR(14))
            ;;
            INSERT INTO ev (at, d, at_ms, mw)
            SELECT to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), to_char(ts, 'YYYY-MM-DD'), to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(ts, 'YYYYMMDDHH24MISS')
            FROM (SELECT timestamp '2024-01-01' + (x * x) * interval '97 seconds' + x * interval '1 millisecond' AS ts FROM generate_series(1, 400) AS x) s
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(400L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM ev"));
        foreach (var (column, format) in new[] { ("at", "yyyy-MM-dd'T'HH:mm:ss'Z'"), ("d", "yyyy-MM-dd"), ("at_ms", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), ("mw", "yyyyMMddHHmmss") })
        {
            var real = CloneValues.AsText(await CloneValues.ReadAsync(source, $"SELECT {column} FROM ev"));
            var made = CloneValues.AsText(await CloneValues.ReadAsync(target, $"SELECT {column} FROM ev"));
            CloneValues.AssertDates(real, made, format);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Json_kept_in_a_bounded_varchar_is_cloned_as_json_that_parses_and_fits(string engine)
    {
        await using var source = await NewDatabaseAsync();
        // Documents of 61 to 120 characters (as PostgreSQL writes them, with spaces) in a varchar(120): a document drawn from their parts can be longer.
        await source.ExecuteAsync("""
            CREATE TABLE setting (id SERIAL PRIMARY KEY, owner VARCHAR(20) NOT NULL, prefs VARCHAR(120))
            ;;
            INSERT INTO setting (owner, prefs)
            SELECT 'user' || x, CASE WHEN x % 10 = 0 THEN NULL ELSE json_build_object('theme', CASE x % 3 WHEN 0 THEN 'dark' ELSE 'light' END, 'size', x % 40,
                'langs', (SELECT json_agg(l) FROM unnest((ARRAY['en', 'de', 'fr', 'it', 'es', 'nl', 'pt', 'pl'])[1:1 + x % 8]) AS l),
                'note', repeat('x', x % 16))::text END
            FROM generate_series(1, 300) AS x
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var made = CloneValues.AsText(await CloneValues.ReadAsync(target, "SELECT prefs FROM setting"));
        Assert.True(made.Count > 240, $"{made.Count} documents");
        Assert.All(made, text =>
        {
            Assert.True(text.Length <= 120, $"{text.Length} characters: {text}");
            using var document = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
        // The structure is the source's: most documents have its keys, of its kinds.
        var withLangs = made.Count(t => JsonDocument.Parse(t).RootElement.TryGetProperty("langs", out var langs) && langs.ValueKind == JsonValueKind.Array);
        Assert.True(withLangs > made.Count / 2, $"{withLangs} of {made.Count} with an array of languages");
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Text_kept_in_bytea_is_cloned_as_text_and_real_binary_stays_binary(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE page (id SERIAL PRIMARY KEY, title BYTEA NOT NULL, user_email BYTEA, digest BYTEA NOT NULL)
            ;;
            INSERT INTO page (title, user_email, digest)
            SELECT convert_to((ARRAY['History of', 'List of', 'Rivers in', 'Zürich and', 'Battle of', 'Music of'])[1 + x % 6] || ' '
                    || (ARRAY['Bern', 'Genève', 'Lugano', 'Basel', 'Chur', 'Sion', 'Thun'])[1 + x % 7] || ' ' || x, 'UTF8'),
                convert_to('editor' || x || '@wiki' || (x % 3) || '.example.org', 'UTF8'),
                decode(md5(x::text), 'hex')
            FROM generate_series(1, 300) AS x
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM page"));
        var realTitles = CloneValues.AsText(await CloneValues.ReadAsync(source, "SELECT title FROM page")).ToHashSet();
        var titles = await CloneValues.ReadAsync(target, "SELECT title FROM page");
        Assert.All(titles, t => Assert.IsType<byte[]>(t));
        // UTF-8 text (AsText throws on anything else), of the source's words, no real (rare) title among them.
        var madeTitles = CloneValues.AsText(titles);
        Assert.Equal(300, madeTitles.Count);
        Assert.All(madeTitles, t => Assert.Matches(@"^\p{L}", t));
        Assert.DoesNotContain(madeTitles, realTitles.Contains);
        Assert.True(madeTitles.Count(t => t.Contains("of", StringComparison.Ordinal) || t.Contains("in", StringComparison.Ordinal)) > 100, string.Join(" | ", madeTitles.Take(10)));
        // Personal data by the usual rules: e-mail addresses, generated, none of the source's.
        var realEmails = CloneValues.AsText(await CloneValues.ReadAsync(source, "SELECT user_email FROM page")).ToHashSet();
        var emails = CloneValues.AsText(await CloneValues.ReadAsync(target, "SELECT user_email FROM page"));
        Assert.True(emails.Count > 250, $"{emails.Count} e-mail addresses");
        Assert.All(emails, e => Assert.Matches(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", e));
        Assert.DoesNotContain(emails, realEmails.Contains);
        // Real binary stays binary: 16 bytes of a hash, most of which no UTF-8 decoder would take.
        var digests = (await CloneValues.ReadAsync(target, "SELECT digest FROM page")).Cast<byte[]>().ToList();
        Assert.Equal(300, digests.Count);
        Assert.True(digests.Count(d => !System.Text.Unicode.Utf8.IsValid(d)) > 250, "the digests came out as text");
    }
}
