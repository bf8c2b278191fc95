using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

/// <summary>The fit's row sample keeps cells unboxed; every kind of cell must come back as it went in, with its type.</summary>
public sealed class RowReservoirTests
{
    [Fact]
    public void Every_kind_of_cell_comes_back_with_its_value_and_type()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        object?[] cells =
        [
            null, DBNull.Value, long.MinValue, -1L, 42, double.NaN, -0.0, 1e-300, 123.4500m, -79228162514264337593543950335m,
            true, false, new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Utc).AddTicks(7), new DateTime(1999, 12, 31, 0, 0, 0, DateTimeKind.Unspecified),
            new DateOnly(1, 1, 1), new TimeOnly(23, 59, 59, 999), TimeSpan.FromTicks(-123456789),
            new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.FromMinutes(-570)), guid, "text", new byte[] { 1, 2, 3 }, 1.5f, (short)7,
        ];
        var reservoir = new RowReservoir(10, cells.Length, new Xoshiro256(1));
        reservoir.Offer([cells], 1);

        var row = Assert.Single(reservoir.Rows);
        Assert.Null(row[0]);
        Assert.Null(row[1]); // DBNull is kept as NULL, as the copula reads it
        for (var c = 2; c < cells.Length; c++)
        {
            Assert.Equal(cells[c]!.GetType(), row[c]!.GetType());
            Assert.Equal(cells[c], row[c]);
        }

        Assert.Equal(((DateTime)cells[12]!).Kind, ((DateTime)row[12]!).Kind);
        Assert.Equal(((DateTimeOffset)cells[17]!).Offset, ((DateTimeOffset)row[17]!).Offset);
        Assert.Equal(4, decimal.GetBits((decimal)row[8]!)[3] >> 16 & 0xFF); // the scale (123.4500) survives
    }

    [Fact]
    public void A_full_reservoir_is_a_uniform_sample_and_grows_only_with_the_rows_offered()
    {
        var reservoir = new RowReservoir(5000, 2, new Xoshiro256(7));
        const int n = 200_000;
        var batch = new object?[1000][];
        for (var start = 0; start < n; start += batch.Length)
        {
            for (var i = 0; i < batch.Length; i++) batch[i] = [(long)(start + i), (start + i) % 3 == 0 ? "fizz" : null];
            reservoir.Offer(batch, batch.Length);
        }

        var rows = reservoir.Rows;
        Assert.Equal(5000, rows.Count);
        var values = rows.Select(r => (long)r[0]!).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.InRange(values.Average(), n / 2.0 * 0.95, n / 2.0 * 1.05);
        Assert.InRange(values.Count(v => v >= n / 2), 2300, 2700);
        Assert.All(rows, r => Assert.Equal((long)r[0]! % 3 == 0 ? "fizz" : null, r[1]));
    }
}
