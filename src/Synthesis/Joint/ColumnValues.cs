using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// Decodes a continuous dimension's u into the column's number as the row sampler does: through the
/// column's marginal, or, for a number stratified by a category, through that category's marginal
/// (the row's bucket of the category column). The held-out comparison of candidate models uses it:
/// SDMetrics scores values, and a correlation of values (a price that is high for the few large
/// tracks) is not the correlation of their u.
/// </summary>
internal static class ColumnValues
{
    public static Func<double[], int, double> For(TableModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dimensions = TableModel.DescribeDimensions(data);
        var decoders = new Func<double[], double>?[data.DimensionCount];
        foreach (var column in data.Columns)
        {
            if (column is not ContinuousColumnModel { ValueDim: >= 0 } continuous || continuous.ValueDim >= decoders.Length) continue;
            var dim = continuous.ValueDim;
            var marginal = continuous.Marginal;
            var category = continuous.Strata is null ? null : data.Columns.OfType<CategoricalColumnModel>().FirstOrDefault(c => c.Name == continuous.StratumColumn && c.Dim >= 0);
            if (category is null)
            {
                decoders[dim] = row => marginal.InverseCdf(row[dim]);
                continue;
            }

            var buckets = dimensions[category.Dim];
            var strata = new ContinuousMarginal?[buckets.Buckets];
            for (var b = 0; b < strata.Length; b++)
            {
                var key = b == category.NullIndex ? StratumAccumulator.NullKey : category.Values[b];
                strata[b] = key is not null && continuous.Strata!.TryGetValue(key, out var stratum) ? stratum : null;
            }

            var categoryDim = category.Dim;
            decoders[dim] = row =>
            {
                var u = row[categoryDim];
                var stratum = double.IsNaN(u) ? null : strata[buckets.BucketOf(u)];
                return (stratum ?? marginal).InverseCdf(row[dim]);
            };
        }

        return (row, dim) => double.IsNaN(row[dim]) ? double.NaN : decoders[dim] is { } decode ? decode(row) : row[dim];
    }
}
