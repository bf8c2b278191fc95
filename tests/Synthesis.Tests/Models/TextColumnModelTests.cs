using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Models;

/// <summary>Free text: templates many rows share are written whole, in their share; a note of one row never is.</summary>
public sealed class TextColumnModelTests
{
    private static readonly string[] Templates =
    [
        "Patient reports feeling well; reviewed medication and advised regular exercise.",
        "Patient reports headaches and dizziness; reviewed medication and advised regular exercise.",
        "Patient reports feeling well; reviewed medication and advised smoking cessation.",
    ];

    /// <summary>
    /// A visit's notes: 85% one of three templates (50/25/10%), 15% a note of its own. The templates come out whole in
    /// about their shares (a chain over their words wrote "Patient reports feeling well; reviewed medication and
    /// dizziness; reviewed medic"), and no note of one row is written back.
    /// </summary>
    [Fact]
    public async Task Templates_many_rows_share_are_written_whole_in_their_share()
    {
        var random = new Random(3);
        var notes = Enumerable.Range(0, 4_000).Select(i =>
        {
            var u = random.NextDouble();
            return u < 0.5 ? Templates[0] : u < 0.75 ? Templates[1] : u < 0.85 ? Templates[2] : $"Seen by Dr. Okafor{i} after a fall at home on day {i}.";
        }).ToList();
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "visit"),
            Columns =
            [
                new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = false },
                new ColumnSchema { Name = "notes", Ordinal = 2, NativeType = "TEXT", LogicalType = LogicalType.Text, IsNullable = false, SdType = SdType.Text },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var rows = notes.Select((t, i) => new object?[] { (long)i + 1, t }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions { Seed = 2 }, CancellationToken.None);
        var synthetic = model.Sample(rows.Count, new SamplingContext(5)).Select(r => (string)r[1]!).ToList();

        Assert.InRange(synthetic.Count(t => t == Templates[0]) / (double)synthetic.Count, 0.45, 0.55);
        Assert.InRange(synthetic.Count(t => t == Templates[1]) / (double)synthetic.Count, 0.21, 0.29);
        Assert.InRange(synthetic.Count(t => t == Templates[2]) / (double)synthetic.Count, 0.07, 0.13);
        var ownNotes = notes.Where(n => !Templates.Contains(n)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(synthetic, ownNotes.Contains);
    }
}
