namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// Turns rows (cells in <see cref="FeatureColumn"/> order) into float vectors. Numbers are standardised
/// with the mean and deviation of the rows it was fitted on (done in double before narrowing to float,
/// so datetimes in nanoseconds keep their precision); a NULL becomes that mean plus a missing flag.
/// Categories are one-hot; a value outside the vocabulary lands in the "other" slot.
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly IReadOnlyList<FeatureColumn> _columns;
    private readonly double[] _means;
    private readonly double[] _deviations;
    private readonly Dictionary<object, int>[] _slots;

    private FeatureEncoder(IReadOnlyList<FeatureColumn> columns, double[] means, double[] deviations)
    {
        _columns = columns;
        _means = means;
        _deviations = deviations;
        _slots = columns.Select(c => c.Vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i)).ToArray();
        Width = columns.Sum(c => c.Width);
    }

    /// <summary>Length of every vector.</summary>
    public int Width { get; }

    /// <summary>Means and deviations of the numeric columns over <paramref name="training"/>.</summary>
    public static FeatureEncoder Fit(IReadOnlyList<FeatureColumn> columns, IReadOnlyList<object?[]> training)
    {
        var means = new double[columns.Count];
        var deviations = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (!columns[c].Numeric) continue;
            double sum = 0, squares = 0;
            var n = 0;
            foreach (var row in training)
            {
                var x = Number(row[c]);
                if (double.IsNaN(x)) continue;
                sum += x;
                n++;
            }

            var mean = n == 0 ? 0 : sum / n;
            foreach (var row in training)
            {
                var x = Number(row[c]);
                if (!double.IsNaN(x)) squares += (x - mean) * (x - mean);
            }

            var deviation = n < 2 ? 0 : Math.Sqrt(squares / (n - 1));
            means[c] = mean;

            // A constant column carries nothing; dividing by 1 keeps it at zero instead of NaN.
            deviations[c] = deviation > 0 && double.IsFinite(deviation) ? deviation : 1;
        }

        return new FeatureEncoder(columns, means, deviations);
    }

    public float[] Encode(object?[] row)
    {
        var vector = new float[Width];
        var offset = 0;
        for (var c = 0; c < _columns.Count; c++)
        {
            var column = _columns[c];
            if (column.Numeric)
            {
                var x = Number(row[c]);
                if (double.IsNaN(x))
                {
                    vector[offset + 1] = 1;
                }
                else
                {
                    vector[offset] = (float)Math.Clamp((x - _means[c]) / _deviations[c], -1e6, 1e6);
                }
            }
            else
            {
                var slot = _slots[c].TryGetValue(CellValues.Key(row[c]), out var i) ? i : column.Vocabulary.Count;
                vector[offset + slot] = 1;
            }

            offset += column.Width;
        }

        return vector;
    }

    /// <summary>The evaluation's number for a cell; a cell that is not one (a clone's stray text) counts as missing.</summary>
    public static double Number(object? value)
    {
        try
        {
            var x = CellValues.ToNumber(value);
            return double.IsFinite(x) ? x : double.NaN;
        }
        catch (FormatException)
        {
            return double.NaN;
        }
    }
}
