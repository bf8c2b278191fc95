namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Several normalised cells compared as one value: a composite key, or the non-key part of a row
/// for exact-match detection. Parts must come from <see cref="CellValues.Key"/>.
/// </summary>
internal readonly struct RowKey : IEquatable<RowKey>
{
    private readonly object[] _parts;
    private readonly int _hash;

    public RowKey(object[] parts)
    {
        _parts = parts;
        var h = new HashCode();
        foreach (var part in parts)
        {
            h.Add(part);
        }

        _hash = h.ToHashCode();
    }

    public bool Equals(RowKey other)
    {
        if (_hash != other._hash || _parts.Length != other._parts.Length)
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!_parts[i].Equals(other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public static bool operator ==(RowKey left, RowKey right) => left.Equals(right);

    public static bool operator !=(RowKey left, RowKey right) => !left.Equals(right);
}
