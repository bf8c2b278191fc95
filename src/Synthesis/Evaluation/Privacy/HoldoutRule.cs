using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Which real rows are held out of the fit: a row is held out when a seeded hash of its key (the primary key,
/// else the first unique key, else every column) falls below <see cref="Fraction"/>. The rule is the whole
/// record: the fit skips those rows as it streams them, and the evaluation, knowing the same fraction and seed,
/// finds them again (nothing about them is written to the model file). Keys are read as canonical cells, so the
/// rule gives the same answer on every engine and in every run.
/// </summary>
internal sealed record HoldoutRule(double Fraction, long Seed)
{
    /// <exception cref="ArgumentOutOfRangeException">A fraction outside (0, 1).</exception>
    public static HoldoutRule Create(double fraction, long seed)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The holdout fraction must lie strictly between 0 and 1, for example 0.2.");
        }

        return new HoldoutRule(fraction, seed);
    }

    /// <summary>The columns a table's rows are recognised by: its primary key, else its first unique key, else all its columns.</summary>
    public static IReadOnlyList<string> KeyColumns(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.PrimaryKey?.Columns
            ?? (table.UniqueKeys.Count > 0 ? table.UniqueKeys[0].Columns : table.Columns.Select(c => c.Name).ToList());
    }

    /// <summary>The seed of one table's draw: the rule's seed and the table's name, derived as every per-table seed is (<see cref="MultiTable.TableSeeds"/>).</summary>
    public long TableSeed(string table) => MultiTable.TableSeeds.For(Seed, table, "holdout");

    /// <summary>Whether the row whose key cells are given is held out, for a table whose seed is <paramref name="tableSeed"/>.</summary>
    public bool IsHeldOut(ReadOnlySpan<object?> keyCells, long tableSeed)
    {
        Span<ulong> hashes = keyCells.Length <= 32 ? stackalloc ulong[keyCells.Length] : new ulong[keyCells.Length];
        for (var i = 0; i < keyCells.Length; i++)
        {
            hashes[i] = CellHash.Of(keyCells[i]);
        }

        return IsHeldOut(hashes, tableSeed);
    }

    /// <summary>The same from the key cells' <see cref="CellHash"/>es.</summary>
    public bool IsHeldOut(ReadOnlySpan<ulong> keyHashes, long tableSeed) => CellHash.Unit(CellHash.Combine(keyHashes, tableSeed)) < Fraction;

    /// <summary>A row filter for a table read as its full rows (<paramref name="table"/>'s columns first, in order): only rows the fit may see.</summary>
    public Func<object?[], bool> TrainingFilter(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keys = KeyColumns(table);
        var positions = keys.Select(k => table.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        var seed = TableSeed(table.Name.ToString());
        return row =>
        {
            Span<ulong> hashes = positions.Length <= 32 ? stackalloc ulong[positions.Length] : new ulong[positions.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                hashes[i] = CellHash.Of(row[positions[i]]);
            }

            return !IsHeldOut(hashes, seed);
        };
    }
}
