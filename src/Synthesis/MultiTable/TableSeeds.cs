using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The one derivation of per-table random streams from a run's seed, used by the fit and by the sampler:
/// each table (and each purpose within it) has its own stream, so results do not depend on the order or
/// the parallelism in which tables are worked on.
/// </summary>
public static class TableSeeds
{
    /// <summary>The seed of <paramref name="purpose"/> for <paramref name="table"/> under <paramref name="seed"/>.</summary>
    public static long For(long seed, QualifiedName table, string purpose)
    {
        ArgumentNullException.ThrowIfNull(table);
        return For(seed, table.ToString(), purpose);
    }

    /// <summary>The same for a table known by its written name (<see cref="QualifiedName.ToString"/>), as the evaluation knows it.</summary>
    public static long For(long seed, string table, string purpose)
    {
        ArgumentNullException.ThrowIfNull(table);
        return unchecked((long)StableHash.Fnv1a(table + "\u0001" + purpose, (ulong)seed));
    }
}
