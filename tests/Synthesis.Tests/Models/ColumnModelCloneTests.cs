using System.Text.Json;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Models;

/// <summary>
/// A column model's copy (a parent's column appended to a child as context) is what reading the column back from a
/// model file gives: the same saved statistics, the same values drawn, and its own name and dimension numbers.
/// </summary>
public sealed class ColumnModelCloneTests(FittedTableFixture fitted) : IClassFixture<FittedTableFixture>
{
    [Fact]
    public void Copies_every_column_as_its_model_file_round_trip_does_and_draws_the_same_values()
    {
        var columns = fitted.Model.Data.Columns;
        Assert.NotEmpty(columns);
        foreach (var column in columns)
        {
            var copy = column.Clone();
            var readBack = JsonSerializer.Deserialize<ColumnModel>(JsonSerializer.Serialize(column, ModelFile.JsonOptions), ModelFile.JsonOptions)!;
            readBack.Prepare();

            Assert.Equal(copy.GetType(), column.GetType());
            Assert.Equal(JsonSerializer.Serialize(readBack, ModelFile.JsonOptions), JsonSerializer.Serialize(copy, ModelFile.JsonOptions));
            var u = new double[fitted.Model.Data.DimensionCount];
            var draws = new Xoshiro256(5);
            for (var i = 0; i < 200; i++)
            {
                for (var d = 0; d < u.Length; d++) u[d] = draws.NextDouble();
                var seed = draws.NextULong();
                Assert.Equal(readBack.Generate(u, new ColumnRuntime(new Xoshiro256(seed))), copy.Generate(u, new ColumnRuntime(new Xoshiro256(seed))));
            }
        }
    }

    [Fact]
    public void A_copy_renamed_and_renumbered_leaves_the_original_as_it_was()
    {
        foreach (var column in fitted.Model.Data.Columns)
        {
            var before = JsonSerializer.Serialize(column, ModelFile.JsonOptions);
            var copy = column.Clone();
            var next = 1000;
            copy.RenumberDimensions(ref next);
            copy.Name = "parent_" + column.Name;
            copy.IsContext = true;
            copy.IsGiven = true;
            Assert.Equal(before, JsonSerializer.Serialize(column, ModelFile.JsonOptions));
        }
    }
}
