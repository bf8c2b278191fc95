namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Several normalised cells compared as one value: a composite key, or the non-key part of a row
/// for exact-match detection. Parts must come from <see cref="CellValues.Key"/>.
/// </summary>
internal readonly struct RowKey : IEquatable<RowKey>
{
    private readonly object[] parts;
    private readonly int hash;

    public RowKey(object[] parts)
    {
        this.parts = parts;
        var h = new HashCode();
        foreach (var part in parts)
        {
            h.Add(part);
        }

        hash = h.ToHashCode();
    }

    public bool Equals(RowKey other)
    {
        if (hash != other.hash || parts.Length != other.parts.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].Equals(other.parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode() => hash;

    public static bool operator ==(RowKey left, RowKey right) => left.Equals(right);

    public static bool operator !=(RowKey left, RowKey right) => !left.Equals(right);
}
