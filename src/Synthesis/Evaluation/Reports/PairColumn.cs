using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Metrics;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// One side's column prepared for the pair metrics, as SDMetrics' ColumnPairTrends prepares it:
/// continuous columns (numerical, datetime) as numbers and as bin labels on their own edges,
/// discrete columns (categorical, boolean) as category keys.
/// </summary>
internal sealed class PairColumn
{
    private object[]? keys;
    private object[]? bins;

    /// <param name="values">The cells, or null when the synthetic data lacks the column.</param>
    public PairColumn(string name, SdType sdType, IReadOnlyList<object?>? values)
    {
        Name = name;
        SdType = sdType;
        Values = values ?? [];
        if (values is null)
        {
            Error = $"Column '{name}' is missing from the synthetic data.";
        }
        else if (IsContinuous)
        {
            if (CellValues.TryToNumbers(values, out var numbers, out var error))
            {
                Numbers = numbers;
            }
            else
            {
                Error = error;
            }
        }
    }

    public string Name { get; }

    public SdType SdType { get; }

    public IReadOnlyList<object?> Values { get; }

    /// <summary>Why the column cannot be used (missing, or a continuous column with unreadable cells); null when it can.</summary>
    public string? Error { get; }

    public double[] Numbers { get; } = [];

    public bool IsContinuous => IsContinuousType(SdType);

    /// <summary>Category keys of a discrete column.</summary>
    public object[] Keys => keys ??= Values.Select(CellValues.Key).ToArray();

    /// <summary>Bin labels (boxed ints) of a continuous column.</summary>
    public object[] Bins => bins ??= Discretizer.Bin(Numbers).Select(b => (object)b).ToArray();

    /// <summary>What the contingency metric sees: bins for a continuous column, keys for a discrete one.</summary>
    public object[] Discrete => IsContinuous ? Bins : Keys;

    public static bool IsContinuousType(SdType sdType) => sdType is SdType.Numerical or SdType.Datetime;

    /// <summary>The sdtypes SDMetrics' pair trends and column shapes look at.</summary>
    public static bool IsModelable(SdType sdType) => sdType is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean;
}
