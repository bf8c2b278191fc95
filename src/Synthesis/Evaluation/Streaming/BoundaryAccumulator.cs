namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// SDMetrics' BoundaryAdherence over a merged ascending stream: the share of synthetic values inside the real
/// [min, max]. The real minimum is the first value with real rows, the maximum the last; the synthetic rows in
/// between are counted as the stream passes. NULLs: if the real column has any, they are dropped on both sides;
/// otherwise synthetic NULLs count as out of range.
/// </summary>
internal sealed class BoundaryAccumulator
{
    private long _synthetic;
    private long _beforeFirstReal = -1;
    private long _throughLastReal;

    public void Add(long real, long synthetic)
    {
        if (real > 0 && _beforeFirstReal < 0)
        {
            _beforeFirstReal = _synthetic;
        }

        _synthetic += synthetic;
        if (real > 0)
        {
            _throughLastReal = _synthetic;
        }
    }

    /// <summary>The score once the stream ended; NaN when either side has nothing left to compare.</summary>
    public double Score(long realNulls, long syntheticNulls)
    {
        var denominator = realNulls > 0 ? _synthetic : _synthetic + syntheticNulls;
        if (_beforeFirstReal < 0 || denominator == 0)
        {
            return double.NaN;
        }

        return (double)(_throughLastReal - _beforeFirstReal) / denominator;
    }
}
