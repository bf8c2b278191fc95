using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// A MariaDB schema as legacy applications leave them: zero dates ('0000-00-00') in a NOT NULL column and as its
/// default, ZEROFILL and UNSIGNED keys, ENUM, SET, YEAR, BIT(1), JSON, POINT, a virtual column, a table name with a space
/// and a column named like a keyword. Cloned to every engine, each must load whole with its keys. (Found by hand: zero
/// dates read as NULL came out NULL in a NOT NULL column, and PostgreSQL refused the zero-date default.)
/// </summary>
public sealed class MariaDbAwkwardSchemaTests(MariaDbFixture fixture) : EngineTestBase<MariaDbFixture>(fixture)
{
    private const string Ddl = """
        SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'
        ;;
        CREATE TABLE `Order Status` (`code` CHAR(2) PRIMARY KEY, `label` VARCHAR(40) NOT NULL)
        ;;
        CREATE TABLE `client` (`id` INT UNSIGNED ZEROFILL AUTO_INCREMENT PRIMARY KEY, `name` VARCHAR(80) NOT NULL, `active` TINYINT(1) NOT NULL DEFAULT 1,
            `kind` ENUM('retail', 'wholesale', 'online') NOT NULL, `prefs` SET('email', 'sms', 'post'), `since` YEAR,
            `created` DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00', `birthday` DATE DEFAULT '0000-00-00', `flag` BIT(1), `meta` JSON)
        ;;
        CREATE TABLE `order` (`id` BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, `client_id` INT UNSIGNED ZEROFILL NOT NULL, `status` CHAR(2) NOT NULL,
            `total` DECIMAL(10,2) NOT NULL, `net` DECIMAL(10,2) AS (`total` * 0.8) VIRTUAL, `placed` DATETIME(3), `where` POINT,
            FOREIGN KEY (`client_id`) REFERENCES `client` (`id`) ON UPDATE CASCADE, FOREIGN KEY (`status`) REFERENCES `Order Status` (`code`))
        ;;
        INSERT INTO `Order Status` VALUES ('NW', 'New'), ('SH', 'Shipped'), ('CA', 'Cancelled'), ('RT', 'Returned')
        ;;
        INSERT INTO `client` (`name`, `active`, `kind`, `prefs`, `since`, `created`, `birthday`, `flag`, `meta`)
            SELECT CONCAT('Client ', seq), seq % 2, ELT(1 + seq % 3, 'retail', 'wholesale', 'online'), IF(seq % 4 = 0, NULL, 'email,sms'), 1990 + seq % 30,
                IF(seq % 10 = 0, '0000-00-00 00:00:00', '2020-01-01' + INTERVAL seq HOUR), IF(seq % 7 = 0, '0000-00-00', '1970-01-01' + INTERVAL seq * 37 DAY),
                seq % 2, JSON_OBJECT('tier', seq % 3)
            FROM seq_1_to_400
        ;;
        INSERT INTO `order` (`client_id`, `status`, `total`, `placed`, `where`)
            SELECT 1 + seq % 400, ELT(1 + seq % 4, 'NW', 'SH', 'CA', 'RT'), (seq * 7) % 500 + 0.99, '2021-01-01' + INTERVAL seq MINUTE, POINT(seq % 90, seq % 45)
            FROM seq_1_to_2000
        """;

    [SkippableTheory]
    [MemberData(nameof(CloneTargets.Names), MemberType = typeof(CloneTargets))]
    public async Task Clones_whole_with_zero_dates_made_real_dates(string engine)
    {
        await using var source = await NewDatabaseAsync();
        await source.ExecuteAsync(Ddl);
        await using var target = await CloneTargets.NewAsync(engine);

        var run = await CloneTargets.CloneAsync(source, target);
        // Reported once, for the table that holds them: not again for each child that reads them beside its rows.
        Assert.Contains("value(s) of " + source.Name + ".client.created (datetime) have no DateTime form", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("__parent__", run.Output + run.Error, StringComparison.Ordinal);

        var q = engine == "mariadb" ? "`" : "\"";
        Assert.Equal(400L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM client"));
        Assert.Equal(2000L, await target.ScalarAsync<long>($"SELECT COUNT(*) FROM {q}order{q}"));
        Assert.Equal(0L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM client WHERE created IS NULL"));
        Assert.Equal(0L, await target.ScalarAsync<long>($"SELECT COUNT(*) FROM {q}order{q} o LEFT JOIN client c ON c.id = o.client_id WHERE c.id IS NULL"));
        Assert.Equal(0L, await target.ScalarAsync<long>($"SELECT COUNT(*) FROM {q}order{q} o LEFT JOIN {q}Order Status{q} s ON s.code = o.status WHERE s.code IS NULL"));
        Assert.Equal(0L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM client WHERE kind NOT IN ('retail', 'wholesale', 'online')"));
    }
}
