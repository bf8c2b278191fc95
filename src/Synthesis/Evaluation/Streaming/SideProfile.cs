using Sdv.Connector.Synthesis.Evaluation.Metrics;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One side of one column as its value stream showed it: rows with a value and without, distinct values,
/// the smallest and largest number (continuous columns), and the kinds of its cells (for the pandas dtype).
/// </summary>
internal sealed class SideProfile
{
    public long Values { get; private set; }

    public long Nulls { get; set; }

    public long Distinct { get; private set; }

    /// <summary>The smallest number (continuous columns), NaN when there is none.</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>The largest number (continuous columns), NaN when there is none.</summary>
    public double Max { get; private set; } = double.NaN;

    public PandasDtype.Accumulator Dtype { get; } = new();

    /// <summary>Exactly one distinct non-null value: SDMetrics' correlation errors on such a column.</summary>
    public bool IsConstant => Distinct == 1;

    public void Add(object value, double number, long count)
    {
        if (count <= 0)
        {
            return;
        }

        Values += count;
        Distinct++;
        if (!double.IsNaN(number))
        {
            if (double.IsNaN(Min) || number < Min)
            {
                Min = number;
            }

            if (double.IsNaN(Max) || number > Max)
            {
                Max = number;
            }
        }

        Dtype.Add(value);
    }
}
