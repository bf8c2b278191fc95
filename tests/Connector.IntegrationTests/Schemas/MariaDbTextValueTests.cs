using System.Text.Json;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// Values a MariaDB source keeps as text, or as bytes, that mean something else, as MediaWiki keeps them: ISO
/// timestamps in varchar, 14-digit timestamps in BINARY(14), JSON in a varchar(255), titles and user names in
/// VARBINARY, wikitext in a BLOB, hashes in BINARY(16). Cloned to every engine, each must come out as what it means,
/// written as the source writes it.
/// </summary>
public sealed class MariaDbTextValueTests(MariaDbFixture fixture) : EngineTestBase<MariaDbFixture>(fixture)
{
    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Timestamps_kept_in_varchar_and_binary_are_cloned_as_valid_timestamps_of_their_layout(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE ev (id INT AUTO_INCREMENT PRIMARY KEY, at VARCHAR(40), d VARCHAR(10), rev_timestamp BINARY(14) NOT NULL)
            ;;
            INSERT INTO ev (at, d, rev_timestamp)
            SELECT DATE_FORMAT(ts, '%Y-%m-%dT%H:%i:%sZ'), DATE_FORMAT(ts, '%Y-%m-%d'), DATE_FORMAT(ts, '%Y%m%d%H%i%s')
            FROM (SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (seq * seq * 97) SECOND AS ts FROM seq_1_to_400) s
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(400L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM ev"));
        foreach (var (column, format) in new[] { ("at", "yyyy-MM-dd'T'HH:mm:ss'Z'"), ("d", "yyyy-MM-dd"), ("rev_timestamp", "yyyyMMddHHmmss") })
        {
            var real = CloneValues.AsText(await CloneValues.ReadAsync(source, $"SELECT {column} FROM ev"));
            var made = await CloneValues.ReadAsync(target, $"SELECT {column} FROM ev");
            // BINARY(14) stays bytes: the text of a timestamp, as MediaWiki writes it.
            if (column == "rev_timestamp") Assert.All(made, v => Assert.IsType<byte[]>(v));
            CloneValues.AssertDates(real, CloneValues.AsText(made), format);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Json_kept_in_a_varchar_is_cloned_as_json_that_parses_and_fits(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE user_props (id INT AUTO_INCREMENT PRIMARY KEY, props VARCHAR(100) NOT NULL)
            ;;
            INSERT INTO user_props (props)
            SELECT JSON_OBJECT('skin', ELT(1 + seq % 3, 'vector', 'monobook', 'timeless'), 'rows', seq % 30,
                'watch', JSON_ARRAY(seq % 5, seq % 7, seq % 11), 'tag', REPEAT('t', seq % 20))
            FROM seq_1_to_300
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        var made = CloneValues.AsText(await CloneValues.ReadAsync(target, "SELECT props FROM user_props"));
        Assert.Equal(300, made.Count);
        Assert.All(made, text =>
        {
            Assert.True(text.Length <= 100, $"{text.Length} characters: {text}");
            using var document = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
        var withSkin = made.Count(t => JsonDocument.Parse(t).RootElement.TryGetProperty("skin", out var skin) && skin.ValueKind == JsonValueKind.String);
        Assert.True(withSkin > made.Count / 2, $"{withSkin} of {made.Count} with a skin");
    }

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Text_kept_in_varbinary_and_blob_is_cloned_as_text_and_hashes_stay_binary(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync("""
            CREATE TABLE page (page_id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, page_namespace INT NOT NULL, page_title VARBINARY(255) NOT NULL,
                user_name VARBINARY(255) NOT NULL, old_text MEDIUMBLOB NOT NULL, rev_sha1 BINARY(16) NOT NULL)
            ;;
            INSERT INTO page (page_namespace, page_title, user_name, old_text, rev_sha1)
            SELECT seq % 3,
                CONCAT(ELT(1 + seq % 6, 'History_of', 'List_of', 'Rivers_in', 'Zürich_and', 'Battle_of', 'Music_of'), '_',
                    ELT(1 + seq % 7, 'Bern', 'Genève', 'Lugano', 'Basel', 'Chur', 'Sion', 'Thun'), '_', seq),
                CONCAT(ELT(1 + seq % 9, 'Anna', 'Bruno', 'Chloé', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines'), ' ',
                    ELT(1 + seq % 11, 'Keller', 'Meier', 'Müller', 'Schmid', 'Weber', 'Huber', 'Frei', 'Graf', 'Roth', 'Baumann', 'Moser'), seq),
                CONCAT('== ', ELT(1 + seq % 4, 'History', 'Geography', 'Culture', 'Economy'), ' ==\nThe town lies on the river and was first named in the year ',
                    1000 + seq, '. It has a market, a church and a school, and the people who live there speak ', ELT(1 + seq % 3, 'German', 'French', 'Italian'), '.'),
                UNHEX(MD5(seq))
            FROM seq_1_to_300
            """);
        await using var target = await CloneTargets.NewAsync(engine);

        await CloneTargets.CloneAsync(source, target);

        Assert.Equal(300L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM page"));
        foreach (var column in new[] { "page_title", "user_name", "old_text" })
        {
            var real = CloneValues.AsText(await CloneValues.ReadAsync(source, $"SELECT {column} FROM page")).ToHashSet();
            var values = await CloneValues.ReadAsync(target, $"SELECT {column} FROM page");
            Assert.All(values, v => Assert.IsType<byte[]>(v));
            // UTF-8 text (AsText throws on anything else) of the source's kind, no real one among them: each was one of a kind.
            var made = CloneValues.AsText(values);
            Assert.Equal(300, made.Count);
            Assert.All(made, t => Assert.Matches(@"^[\p{L}=]", t));
            Assert.DoesNotContain(made, real.Contains);
            Assert.True(made.Distinct().Count() > 100, $"{column}: {string.Join(" | ", made.Distinct().Take(5))}");
        }
        var sha1 = (await CloneValues.ReadAsync(target, "SELECT rev_sha1 FROM page")).Cast<byte[]>().ToList();
        Assert.True(sha1.Count(d => !System.Text.Unicode.Utf8.IsValid(d)) > 250, "the hashes came out as text");
    }
}
