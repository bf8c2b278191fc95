namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Two columns of a row ordered in every source row that has both (an order's date before its shipping date, a
/// minimum below its maximum). Drawn column by column the order breaks: a fifth of a clone's orders shipped before they
/// were placed. The sampler holds it as it holds a CHECK: a row that breaks it is drawn again, then repaired by a swap.
/// </summary>
internal sealed class ColumnOrder
{
    public string Lower { get; set; } = string.Empty;

    public string Upper { get; set; } = string.Empty;

    /// <summary>True where no source row has the two equal.</summary>
    public bool Strict { get; set; }

    /// <summary>The order as a comparison, the way a CHECK would state it (for messages).</summary>
    public string Expression => $"{Lower} {(Strict ? "<" : "<=")} {Upper}";
}
