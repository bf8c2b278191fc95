namespace Sdv.Connector.Synthesis.Joint;

/// <summary>What one dimension of a table's transformed space holds.</summary>
internal enum DimensionKind
{
    /// <summary>A continuous value's probability under its marginal (u = F(x)); NaN where the cell is NULL.</summary>
    Continuous,

    /// <summary>A bucket (a category, or NULL/not-NULL): u lies in the bucket's interval of (0, 1).</summary>
    Categorical,
}
