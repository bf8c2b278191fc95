using System.Runtime.CompilerServices;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One column, real against synthetic, in one pass over the two sides' sorted value counts (<see cref="ColumnMerge"/>):
/// KSComplement or TVComplement, BoundaryAdherence or CategoryAdherence, pii/text and rare-category leaks, each
/// side's profile, the real value counts the chance baseline needs, and the plotted distributions. Memory holds
/// one value per side (plus the bounded sketches), however many rows the column has.
/// </summary>
internal static class ColumnPass
{
    public static async Task<ColumnOutcome> RunAsync(
        ColumnRequest request, IEvaluationSource real, IEvaluationSource synthetic, CancellationToken cancellationToken)
    {
        var column = request.Column;
        var continuous = column.SdType is SdType.Numerical or SdType.Datetime;
        var sides = new ColumnSides(real, synthetic, request.RealValues, request.SyntheticValues);
        var outcome = await MergeAsync(request, sides, continuous, cancellationToken).ConfigureAwait(false);

        // A source that counted NaN or unreadable cells as values: once more with the totals the stream showed.
        if (outcome.Real.Values != request.RealValues || outcome.Synthetic.Values != request.SyntheticValues)
        {
            outcome = await MergeAsync(request, sides with { RealTotal = outcome.Real.Values, SyntheticTotal = outcome.Synthetic.Values }, continuous, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private static async Task<ColumnOutcome> MergeAsync(ColumnRequest request, ColumnSides sides, bool continuous, CancellationToken cancellationToken)
    {
        if (continuous)
        {
            try
            {
                return await OnceAsync(request, sides, numbers: true, cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException e)
            {
                // SDMetrics keeps a datetime column it cannot parse as text: shapes error, bounds compare the text.
                var outcome = await OnceAsync(request, sides, numbers: false, cancellationToken).ConfigureAwait(false);
                outcome.NumberError = $"FormatException: {e.Message}";
                outcome.Shape = double.NaN;
                outcome.ShapeError = outcome.NumberError;
                return outcome;
            }
        }

        var discrete = await OnceAsync(request, sides, numbers: false, cancellationToken).ConfigureAwait(false);
        return discrete;
    }

    private static async Task<ColumnOutcome> OnceAsync(ColumnRequest request, ColumnSides sides, bool numbers, CancellationToken cancellationToken)
    {
        try
        {
            return await ConsumeAsync(request, sides, numbers, inMemory: false, cancellationToken).ConfigureAwait(false);
        }
        catch (OutOfOrderException e)
        {
            var outcome = await ConsumeAsync(request, sides, numbers, inMemory: true, cancellationToken).ConfigureAwait(false);
            outcome.Note = $"{request.Table}.{request.Column.Name}: sorted in memory ({e.Message.TrimEnd('.')}; the database's order is not the comparison order).";
            return outcome;
        }
    }

    private static async Task<ColumnOutcome> ConsumeAsync(ColumnRequest request, ColumnSides sides, bool numbers, bool inMemory, CancellationToken cancellationToken)
    {
        var (real, synthetic, realTotal, syntheticTotal) = sides;
        var column = request.Column;
        var continuous = column.SdType is SdType.Numerical or SdType.Datetime;
        var discrete = column.SdType is SdType.Categorical or SdType.Boolean;
        var outcome = new ColumnOutcome(column, continuous);
        var ks = numbers ? new KsAccumulator(realTotal, syntheticTotal, round: true) : null;
        var boundary = continuous ? new BoundaryAccumulator() : null;
        var tv = discrete ? new TvAccumulator(realTotal, syntheticTotal) : null;
        var categories = discrete || column.SdType is SdType.Pii or SdType.Text ? new CategoryAccumulator(request.RareK) : null;
        // A rare country, US state or courtesy title is counted apart: the model draws those stand-ins from public lists.
        var hint = discrete ? Generators.NameFallback.HintOf(request.Table, column.Name) : null;
        var marginal = request.Marginal ? new MarginalCounts() : null;
        var distribution = numbers && request.Plot ? new DistributionSketch(realTotal, syntheticTotal) : null;
        var categoryPlot = discrete && request.Plot ? new CategorySketch() : null;

        var merge = new ColumnMerge(numbers ? v => CellValues.ToNumber(v) : CellValues.Key);
        var realValues = Values(real, request.Table, column.Name, cancellationToken);
        var syntheticValues = Values(synthetic, request.Table, column.Name, cancellationToken);
        var merged = inMemory ? merge.InMemoryAsync(realValues, syntheticValues, cancellationToken) : merge.StreamAsync(realValues, syntheticValues, cancellationToken);
        await foreach (var m in merged.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var number = numbers ? (double)m.Order : double.NaN;
            outcome.Real.Add(m.Value, number, m.Real);
            outcome.Synthetic.Add(m.Value, number, m.Synthetic);
            ks?.Add(number, m.Real, m.Synthetic);
            boundary?.Add(m.Real, m.Synthetic);
            tv?.Add(m.Real, m.Synthetic);
            categories?.Add(m.Real, m.Synthetic, hint is not null && m.Value is string name && Generators.NameFallback.IsPublicListValue(hint, name));
            distribution?.Add(number, m.Real, m.Synthetic);
            categoryPlot?.Add(m.Value, m.Real, m.Synthetic);
            if (m.Real > 0)
            {
                marginal?.Add(m.Value, m.Real);
            }
        }

        (outcome.Real.Nulls, outcome.Synthetic.Nulls) = (merge.RealNulls, merge.SyntheticNulls);
        if (marginal is not null)
        {
            if (merge.RealNulls > 0)
            {
                marginal.Add(null, merge.RealNulls);
            }

            marginal.Complete(outcome.Real.Values + merge.RealNulls);
            outcome.Marginal = marginal;
        }

        categoryPlot?.Add(null, merge.RealNulls, merge.SyntheticNulls);
        distribution?.Complete();
        (outcome.Distribution, outcome.CategoryPlot, outcome.Categories) = (distribution, categoryPlot, categories);
        if (ks is not null)
        {
            outcome.Shape = 1.0 - ks.Statistic();
        }

        if (tv is not null)
        {
            outcome.Shape = tv.NeedsSecondPass ? await SecondTvPassAsync(request, sides, tv.Unseen, cancellationToken).ConfigureAwait(false) : tv.Score();
        }

        if (double.IsNaN(outcome.Shape) && (ks is not null || tv is not null))
        {
            outcome.ShapeError = "The real or the synthetic column has no value.";
        }

        outcome.Validity = boundary is not null ? boundary.Score(merge.RealNulls, merge.SyntheticNulls)
            : discrete ? categories!.Adherence(merge.RealNulls, merge.SyntheticNulls)
            : double.NaN;
        return outcome;
    }

    /// <summary>TVComplement over more categories than are kept: once more, now that the number of synthetic-only categories is known.</summary>
    private static async Task<double> SecondTvPassAsync(ColumnRequest request, ColumnSides sides, long unseen, CancellationToken cancellationToken)
    {
        var (real, synthetic, realTotal, syntheticTotal) = sides;
        var tv = new TvAccumulator(realTotal, syntheticTotal, unseen);
        var merge = new ColumnMerge(CellValues.Key);
        var merged = merge.InMemoryAsync(
            Values(real, request.Table, request.Column.Name, cancellationToken), Values(synthetic, request.Table, request.Column.Name, cancellationToken), cancellationToken);
        await foreach (var m in merged.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            tv.Add(m.Real, m.Synthetic);
        }

        return tv.Score();
    }

    private static IAsyncEnumerable<ValueCount> Values(IEvaluationSource source, string table, string column, CancellationToken cancellationToken) =>
        source.HasColumn(table, column) ? source.ValuesAsync(table, column, cancellationToken) : Empty(cancellationToken);

    private static async IAsyncEnumerable<ValueCount> Empty([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
