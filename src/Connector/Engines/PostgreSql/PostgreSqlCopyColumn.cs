using NpgsqlTypes;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// How one target column is written by COPY: its position in the canonical row, and the Npgsql type of
/// its binary form, or null where the binary form of its type is not the text Npgsql could send
/// (arrays, ranges, network, geometry, bit strings, extension types), which makes the table go
/// through text COPY.
/// </summary>
internal sealed record PostgreSqlCopyColumn(string Name, int RowIndex, NpgsqlDbType? BinaryType)
{
    /// <summary>The target column is an array: its canonical value (a JSON array) is written as an array literal.</summary>
    public bool IsArray { get; init; }

    /// <summary>The attribute names, in order, of the array's composite element type (its JSON objects are written as records); null for other columns.</summary>
    public IReadOnlyList<string>? ElementAttributes { get; init; }
}
