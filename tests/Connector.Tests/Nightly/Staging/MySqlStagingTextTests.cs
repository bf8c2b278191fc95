using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Nightly.Staging.MySql;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Nightly.Staging;

/// <summary>MariaDB keeps database names in the text of defaults, views, triggers and routines: staged, they name staging; swapped, the live database.</summary>
public sealed class MySqlStagingTextTests
{
    private static readonly MySqlStaging Staging = new(EndpointParser.Parse("mariadb://u@h:3306/shop_clone", null, null, "--target"));

    [Fact]
    public void A_default_drawing_from_a_sequence_of_the_source_database_draws_from_staging()
    {
        var column = new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "int(11)", LogicalType = LogicalType.Int32, IsNullable = false, DefaultSql = "nextval(`shop`.`s`)" };
        var mapped = new DatabaseSchema
        {
            Engine = DatabaseEngine.MySql,
            DatabaseName = "shop",
            Tables = [new TableSchema
            {
                Name = new QualifiedName("shop_clone", "t"), Columns = [column],
                Annotations = new Dictionary<string, string> { [SchemaMapper.SourceEngineAnnotation] = nameof(DatabaseEngine.MySql) },
            }],
            Views = [new ViewSchema(new QualifiedName("shop", "v"), "select `shop`.`t`.`id` AS `id` from `shop`.`t`")],
        };
        var staged = Staging.ToStaging(mapped);
        Assert.Equal(new QualifiedName("shop_clone__sdv_staging", "t"), staged.Tables[0].Name);
        Assert.Equal("nextval(`shop_clone__sdv_staging`.`s`)", staged.Tables[0].Columns[0].DefaultSql);
        Assert.Equal("select `shop_clone__sdv_staging`.`t`.`id` AS `id` from `shop_clone__sdv_staging`.`t`", staged.Views[0].Definition);
    }

    [Theory]
    [InlineData("nextval(`shop_clone__sdv_staging`.`s`)", "nextval(`shop_clone`.`s`)")]
    [InlineData("SELECT COUNT(*) FROM shop_clone__sdv_staging.parent", "SELECT COUNT(*) FROM `shop_clone`.parent")]
    [InlineData("SELECT 1 FROM my_shop_clone__sdv_staging.t", "SELECT 1 FROM my_shop_clone__sdv_staging.t")]
    [InlineData("SELECT 1 FROM `shop_clone`.t", "SELECT 1 FROM `shop_clone`.t")]
    public void Text_of_staging_names_the_live_database_after_the_swap(string staged, string live) =>
        Assert.Equal(live, Staging.ToLive(staged));
}
