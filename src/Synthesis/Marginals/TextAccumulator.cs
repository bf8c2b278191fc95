using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>Free text: the length of each value (a numeric marginal) and its words (<see cref="WordAccumulator"/>).</summary>
internal sealed class TextAccumulator : ColumnAccumulator
{
    public TextAccumulator(int maxExact, int sketchK, Xoshiro256 random) => Lengths = new NumericAccumulator(ValueKind.Integer, true, maxExact, sketchK, random);

    public NumericAccumulator Lengths { get; }

    public WordAccumulator Words { get; } = new();

    public override void Observe(object?[][] rows, int count, int column)
    {
        Lengths.Observe(rows, count, column);
        for (var r = 0; r < count; r++)
        {
            if (rows[r][column] is { } value and not DBNull) Words.Observe(value as string ?? CellCodec.Format(value));
        }
    }
}
