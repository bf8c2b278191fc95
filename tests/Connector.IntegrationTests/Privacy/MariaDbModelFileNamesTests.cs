using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Privacy;

/// <summary>
/// Issue 14: a model file names and locates no source. On MariaDB the database's name is every table's schema and
/// the prefix of the SQL of views and routines, so the file keeps a neutral name in its place; sampled into another
/// database, that SQL must point at the clone's database, and a nightly run that reuses the file must see no drift.
/// </summary>
public sealed class MariaDbModelFileNamesTests : IClassFixture<MariaDbFixture>
{
    private readonly MariaDbFixture _fixture;

    public MariaDbModelFileNamesTests(MariaDbFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_model_file_holds_no_database_name_and_its_views_point_at_the_clone()
    {
        await using var source = await _fixture.CreateDatabaseAsync();
        await source.ExecuteAsync($"""
            CREATE TABLE regions (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)
            ;;
            CREATE TABLE shops (id INT PRIMARY KEY AUTO_INCREMENT, region_id INT NOT NULL, revenue DECIMAL(10,2) NOT NULL,
                FOREIGN KEY (region_id) REFERENCES regions (id))
            ;;
            INSERT INTO regions VALUES (1, 'North'), (2, 'South'), (3, 'East')
            ;;
            INSERT INTO shops (region_id, revenue) SELECT 1 + seq % 3, 100 + (seq * 37) % 900 FROM seq_1_to_200
            ;;
            CREATE VIEW big_shops AS SELECT s.id, r.name FROM `{source.Name}`.shops s JOIN `{source.Name}`.regions r ON r.id = s.region_id WHERE s.revenue > 500
            """);
        var root = Directory.CreateTempSubdirectory("sdv-mysql-names-").FullName;
        try
        {
            var model = Path.Combine(root, "shop.sdvm");
            var run = await CliRun.RunAsync("fit", "--source", DatabaseUrl.For(source), "--model", model, "--seed", "5");
            Assert.True(run.ExitCode == 0, run.ToString());
            var file = await File.ReadAllTextAsync(model);
            Assert.DoesNotContain(source.Name, file, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("source_database", file, StringComparison.Ordinal);

            await using var target = await _fixture.CreateDatabaseAsync();
            run = await CliRun.RunAsync("sample", "--model", model, "--target", DatabaseUrl.For(target), "--seed", "5");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(200L, await target.ScalarAsync<long>("SELECT COUNT(*) FROM shops"));
            // The view reads the clone's tables, not the source's (which would give the source's count) nor a missing database.
            var definition = await target.ScalarAsync<string>(
                $"SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '{target.Name}' AND TABLE_NAME = 'big_shops'");
            Assert.NotNull(definition);
            Assert.DoesNotContain(source.Name, definition, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("source_database", definition, StringComparison.Ordinal);
            Assert.Equal(await target.ScalarAsync<long>("SELECT COUNT(*) FROM shops WHERE revenue > 500"), await target.ScalarAsync<long>("SELECT COUNT(*) FROM big_shops"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
