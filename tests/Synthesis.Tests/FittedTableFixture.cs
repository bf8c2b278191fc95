using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Tests;

/// <summary>Fits the generated table once per test class and samples as many rows as it has.</summary>
public sealed class FittedTableFixture
{
    public const int RowCount = 20_000;

    public FittedTableFixture()
    {
        Real = TestTable.Rows(RowCount, 7);
        Model = TableSynthesizer.FitAsync(TestTable.Schema(), TestTable.AsAsync(Real), new SynthesisOptions { Seed = 11 }, CancellationToken.None).GetAwaiter().GetResult();
        Synthetic = Model.Sample(RowCount, new SamplingContext(123)).ToList();
    }

    internal List<object?[]> Real { get; }

    public TableModel Model { get; }

    internal List<object?[]> Synthetic { get; }

    public static int Index(string column) => Array.IndexOf(TestTable.Columns, column);
}
