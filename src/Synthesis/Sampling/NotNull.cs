namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>Marker for a cell that must be filled with some non-null value (used by fill-missing).</summary>
internal sealed class NotNull
{
    public static readonly NotNull Value = new();

    private NotNull()
    {
    }
}
