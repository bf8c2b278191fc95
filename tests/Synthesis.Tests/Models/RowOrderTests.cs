using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Models;

/// <summary>Numbers and dates ordered in every source row, and dates that follow another closely, as the sampled rows keep them.</summary>
public sealed class RowOrderTests
{
    private static ColumnSchema Col(string name, LogicalType type, bool nullable = false) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

    /// <summary>
    /// Orders over three years: due 14, 28 or 42 days after they are placed, shipped 1 to 30 days after (a few not yet,
    /// NULL); a minimum and a maximum price whose ranges overlap widely, the minimum never above the maximum.
    /// </summary>
    private static TableSchema Schema() => new()
    {
        Name = new QualifiedName(null, "orders"),
        Columns = new[]
        {
            Col("id", LogicalType.Int64), Col("ordered", LogicalType.Date), Col("due", LogicalType.Date), Col("shipped", LogicalType.Date, true),
            Col("freight", LogicalType.Float64), Col("min_price", LogicalType.Float64), Col("max_price", LogicalType.Float64),
        }.Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    private static readonly int[] Terms = [14, 28, 42];

    private static async IAsyncEnumerable<object?[]> Rows(int n)
    {
        var random = new Random(11);
        var start = new DateOnly(2021, 1, 1);
        for (var i = 0; i < n; i++)
        {
            var ordered = start.AddDays(random.Next(3 * 365));
            var days = 1 + (int)Math.Min(29, -Math.Log(1 - random.NextDouble()) * 6);
            DateOnly? shipped = random.Next(40) == 0 ? null : ordered.AddDays(days);
            var low = Math.Round(random.NextDouble() * 100, 2);
            var high = Math.Round(low + (random.NextDouble() * 100), 2);
            yield return [(long)i + 1, ordered, ordered.AddDays(Terms[random.Next(3)]), shipped, Math.Round(random.NextDouble() * 50, 2), low, high];
        }

        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(ModelKind.Copula)]
    [InlineData(ModelKind.Cart)]
    [InlineData(ModelKind.Arf)]
    public async Task Dates_that_follow_another_keep_their_differences_and_ordered_columns_stay_ordered(ModelKind kind)
    {
        var model = await TableSynthesizer.FitAsync(Schema(), Rows(3000), new SynthesisOptions { Model = kind }, CancellationToken.None);
        var rows = model.Sample(4000, new SamplingContext(3)).ToList();

        var due = rows.Select(r => ((DateOnly)r[2]!).DayNumber - ((DateOnly)r[1]!).DayNumber).ToList();
        Assert.All(due, d => Assert.Contains(d, Terms));
        // Each term keeps its share (a third each, within sampling noise).
        Assert.All(Terms, t => Assert.InRange(due.Count(d => d == t) / (double)due.Count, 0.28, 0.39));

        var shipped = rows.Where(r => r[3] is not null).Select(r => ((DateOnly)r[3]!).DayNumber - ((DateOnly)r[1]!).DayNumber).ToList();
        Assert.All(shipped, d => Assert.InRange(d, 1, 30));
        Assert.InRange(shipped.Average(), 4, 9);
        // The NULLs of the shipping date stay about as common (1 in 40).
        Assert.InRange(rows.Count(r => r[3] is null) / (double)rows.Count, 0.01, 0.05);

        Assert.All(rows, r => Assert.True((double)r[5]! <= (double)r[6]!, $"min_price {r[5]} above max_price {r[6]}"));
        Assert.Contains(model.Data.Orders, o => o is { Lower: "min_price", Upper: "max_price" });
        // The price ranges of the two overlap, yet freight and the prices are in no order: none is claimed.
        Assert.DoesNotContain(model.Data.Orders, o => o.Lower == "freight" || o.Upper == "freight");
    }

    [Fact]
    public async Task The_orders_and_differences_survive_the_model_file()
    {
        var model = await TableSynthesizer.FitAsync(Schema(), Rows(1000), SynthesisOptions.Default, CancellationToken.None);
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        stream.Position = 0;
        var loaded = ModelFile.Load(stream);
        Assert.Equal(model.Data.Orders.Select(o => o.Expression), loaded.Data.Orders.Select(o => o.Expression));
        Assert.Equal(model.Data.Offsets.Select(o => (o.Anchor, o.Dependent)), loaded.Data.Offsets.Select(o => (o.Anchor, o.Dependent)));
        Assert.Contains(loaded.Data.Offsets, o => o is { Anchor: "ordered", Dependent: "due" });
        var rows = loaded.Sample(500, new SamplingContext(4)).ToList();
        Assert.All(rows, r => Assert.Contains(((DateOnly)r[2]!).DayNumber - ((DateOnly)r[1]!).DayNumber, Terms));
    }
}
