using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Marginals;

/// <summary>Floating-point columns keep the decimals the source writes them with.</summary>
public sealed class FloatDecimalsTests
{
    [Theory]
    [InlineData(21.35, 2)]
    [InlineData(18.0, 0)]
    [InlineData(0.05, 2)]
    [InlineData(-3.125, 3)]
    [InlineData(1.0 / 3.0, -1)]
    public void Decimal_places_are_read_as_the_value_is_written(double value, int places) =>
        Assert.Equal(places, NumericAccumulator.DecimalsOf(value));

    [Fact]
    public void A_single_precision_value_is_read_at_its_own_precision() =>
        Assert.Equal(2, NumericAccumulator.DecimalsOf(21.35f, 1e-6));

    [Theory]
    [InlineData(new[] { 1.0, 2.5, 1.0 / 7.0, 3.0 }, -1)]
    [InlineData(new[] { 1.0 / 7.0, 2.0 }, -1)]
    [InlineData(new[] { 2.0, 21.35, 0.5 }, 2)]
    public void One_value_with_more_places_than_kept_leaves_the_column_unrounded(double[] values, int places)
    {
        var accumulator = new NumericAccumulator(Transforms.ValueKind.Double, false, 1_000, 200, new Xoshiro256(1));
        accumulator.Observe(values.Select(v => new object?[] { v }).ToArray(), values.Length, 0);
        Assert.Equal(places, accumulator.FloatDecimals);
    }

    /// <summary>A price stored as REAL with cents comes out with cents; a measurement with many decimals is not rounded.</summary>
    [Fact]
    public async Task Prices_stored_as_floats_keep_their_cents_and_measurements_their_precision()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(1, 2_000)
            .Select(i => new object?[] { (long)i, Math.Round(5 + random.NextDouble() * 100, 2), random.NextDouble() * 40 })
            .ToList();
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "item"),
            Columns =
            [
                new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = false },
                new ColumnSchema { Name = "price", Ordinal = 2, NativeType = "REAL", LogicalType = LogicalType.Float64, IsNullable = false, SdType = SdType.Numerical },
                new ColumnSchema { Name = "weight", Ordinal = 3, NativeType = "REAL", LogicalType = LogicalType.Float64, IsNullable = false, SdType = SdType.Numerical },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions { Seed = 1 }, CancellationToken.None);
        var synthetic = model.Sample(2_000, new SamplingContext(2)).ToList();

        Assert.All(synthetic, r => Assert.Equal((double)r[1]!, Math.Round((double)r[1]!, 2)));
        var weightsWithManyDecimals = synthetic.Count(r => NumericAccumulator.DecimalsOf((double)r[2]!) is < 0 or > 4);
        Assert.True(weightsWithManyDecimals > 1_500, $"{weightsWithManyDecimals} of 2,000 weights keep their precision");
    }
}
