using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The rows of each reference table a sample keeps. Whole by default; with <see cref="ScaleOptions.References"/>
/// and a factor below 1, round(F × rows) of them (at least one: the tables that point at it need a code), the
/// rows the other tables use most first (their codes' counts in the fitted models, and the rows of reference
/// tables that point at it; ties in source order), written in source order. Decided from the model alone, before
/// any table is generated, so a reference table and the tables that use it can be generated in any order:
/// codes of a left-out row are drawn again among the kept ones (<see cref="CodesOf"/>), and a kept reference row
/// that points at a left-out one is pointed at a kept one (<see cref="RowsOf"/>).
/// </summary>
internal sealed class ReferenceSubset
{
    private readonly DatabaseModel _model;
    private readonly long _seed;
    // Only the tables that lose rows: their kept row indexes, ascending, and each row's use by other tables.
    private readonly Dictionary<QualifiedName, (int[] Kept, double[] Use)> _scaled = [];

    public ReferenceSubset(DatabaseModel model, ScaleOptions scale, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scale);
        _model = model;
        _seed = seed;
        if (!scale.References) return;
        var references = model.Plan.Tables.Where(static t => t.IsReference).Select(static t => t.Table).ToList();
        if (scale.Factor > 1 && references.Count > 0)
        {
            Note = string.Format(CultureInfo.InvariantCulture,
                "--scale-reference: the reference tables ({0}) are copied whole at --scale {1}: their keys are the source's, so a row cannot be copied twice.",
                string.Join(", ", references), scale.Factor);
        }

        if (scale.Factor >= 1) return;
        foreach (var table in references)
        {
            var rows = model.Entry(table).ReferenceRows;
            var keep = (int)Math.Max(1, Math.Round(scale.Factor * rows.Count, MidpointRounding.AwayFromZero));
            if (rows.Count == 0 || keep >= rows.Count) continue;
            var use = Use(table);
            var kept = Enumerable.Range(0, rows.Count).OrderByDescending(i => use[i]).ThenBy(static i => i).Take(keep).Order().ToArray();
            _scaled[table] = (kept, use);
        }
    }

    /// <summary>What could not be done as asked (reference tables kept whole above scale 1), or null.</summary>
    public string? Note { get; }

    /// <summary>How many rows of reference table <paramref name="table"/> are copied: all of them, or the kept ones.</summary>
    public long RowCountOf(QualifiedName table) => _scaled.TryGetValue(table, out var own) ? own.Kept.Length : _model.Entry(table).ReferenceRows.Count;

    /// <summary>
    /// The rows of reference table <paramref name="table"/> to copy, each cell as invariant text: all of them, or the
    /// kept ones, with a key that pointed at a left-out row (of this table or of another reference table) pointed at
    /// a kept one: NULL where the key is nullable and points into this table (the row becomes a root of its tree),
    /// the row itself where it is not, else a kept row drawn with its use.
    /// </summary>
    public IEnumerable<string?[]> RowsOf(QualifiedName table)
    {
        var rows = _model.Entry(table).ReferenceRows;
        var schema = _model.Schema.Table(table);
        var keys = schema.ForeignKeys.Where(f => _scaled.ContainsKey(f.PrincipalTable)).ToList();
        var scaled = _scaled.TryGetValue(table, out var own);
        if (!scaled && keys.Count == 0)
        {
            foreach (var row in rows) yield return row;
            yield break;
        }

        var random = new Xoshiro256(unchecked((ulong)TableSeeds.For(_seed, table, "reference-rows")));
        var indexes = scaled ? own.Kept : Enumerable.Range(0, rows.Count).ToArray();
        foreach (var i in indexes)
        {
            var row = (string?[])rows[i].Clone();
            foreach (var fk in keys) Repoint(schema, row, fk, random);
            yield return row;
        }
    }

    /// <summary>
    /// For each code column of <paramref name="plan"/>'s table (a one-column key into a reference table): the column's
    /// name, its index among the model's columns and the codes it may hold, the kept ones where the reference table was
    /// scaled down, each with its share of the <paramref name="rows"/> rows the table is to have (<see cref="KeptCodes.WithQuota"/>).
    /// </summary>
    public IReadOnlyList<(string Name, int Column, KeptCodes Codes)> CodesOf(TablePlan plan, TableEntry entry, double rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        var restricted = new List<(string, int, KeptCodes)>();
        var table = _model.Schema.Table(plan.Table);
        foreach (var fk in plan.ReferenceKeys.Where(static f => f.Columns.Count == 1))
        {
            var column = table.Column(fk.Columns[0]);
            if (entry.Model.Data.Columns.FirstOrDefault(c => c.Name == column.Name) is not CategoricalColumnModel categories) continue;
            var kind = ValueKinds.Of(column.LogicalType);
            var counts = Frequencies(entry, column.Name);
            // A scaled-down reference table keeps some codes; the "no parent" value (0 or '') is kept too, in its share.
            var codes = _scaled.ContainsKey(fk.PrincipalTable)
                ? KeptKeys(fk.PrincipalTable, fk.PrincipalColumns).Select(static k => k[0]).OfType<string>()
                    .Concat(NoParentValues.Of(fk) is { } none && counts.ContainsKey(none) ? [none] : []).Distinct(StringComparer.Ordinal)
                : counts.Keys;
            var values = new List<object>();
            var weights = new List<double>();
            foreach (var text in codes)
            {
                if (!TryParse(text, kind, out var value)) continue;
                values.Add(value);
                weights.Add(counts.GetValueOrDefault(text));
            }

            if (values.Count == 0) continue;
            // The rows that hold a code: the source's share of non-NULL codes.
            restricted.Add((column.Name, entry.Model.FixableColumnIndex(column.Name), new KeptCodes(values, weights).WithQuota(rows * (1 - categories.NullShare))));
        }

        return restricted;
    }

    /// <summary>The key tuples (as text) of the kept rows of a scaled-down reference table.</summary>
    private IEnumerable<string?[]> KeptKeys(QualifiedName table, IReadOnlyList<string> columns)
    {
        var rows = _model.Entry(table).ReferenceRows;
        var positions = Positions(_model.Schema.Table(table), columns);
        return _scaled[table].Kept.Select(i => positions.Select(p => rows[i][p]).ToArray());
    }

    /// <summary>Points a reference row's key at a kept row where the row it named was left out.</summary>
    private void Repoint(TableSchema table, string?[] row, ForeignKeySchema fk, Xoshiro256 random)
    {
        var columns = Positions(table, fk.Columns);
        if (columns.Any(c => row[c] is null)) return;
        // The "no parent" value (0 or '') names no row, kept or not.
        if (NoParentValues.Of(fk) is { } none && row[columns[0]] == none) return;
        var (kept, use) = _scaled[fk.PrincipalTable];
        var keys = KeptKeys(fk.PrincipalTable, fk.PrincipalColumns).ToList();
        if (keys.Any(k => columns.Select((c, i) => row[c] == k[i]).All(static b => b))) return;
        string?[] target;
        if (fk.IsSelfReference)
        {
            // Within one table: a root where the key may be NULL, else the row points at itself (as NOT NULL trees do).
            target = fk.Columns.All(c => table.Column(c).IsNullable) ? new string?[columns.Length] : Positions(table, fk.PrincipalColumns).Select(p => row[p]).ToArray();
        }
        else
        {
            var picker = new WeightedPicker();
            var uniform = kept.All(i => use[i] <= 0);
            foreach (var i in kept) picker.Add(uniform ? 1 : use[i]);
            target = keys[Math.Max(0, picker.Pick(random.NextDouble()))];
        }

        for (var k = 0; k < columns.Length; k++) row[columns[k]] = target[k];
    }

    /// <summary>How much each row of a reference table is used: codes other tables' models drew from it, rows of reference tables that name it.</summary>
    private double[] Use(QualifiedName table)
    {
        var rows = _model.Entry(table).ReferenceRows;
        var use = new double[rows.Count];
        var schema = _model.Schema.Table(table);
        foreach (var fk in _model.Schema.ForeignKeys.Where(f => f.PrincipalTable.Equals(table)))
        {
            var principal = Positions(schema, fk.PrincipalColumns);
            var plan = _model.Plan.For(fk.Table);
            Dictionary<string, double> counts;
            if (plan.IsReference)
            {
                var child = _model.Schema.Table(fk.Table);
                var columns = Positions(child, fk.Columns);
                counts = _model.Entry(fk.Table).ReferenceRows
                    .Where(r => columns.All(c => r[c] is not null))
                    .GroupBy(r => Tuple(columns.Select(c => r[c])), StringComparer.Ordinal)
                    .ToDictionary(static g => g.Key, static g => (double)g.Count(), StringComparer.Ordinal);
            }
            else if (plan.ReferenceKeys.Contains(fk))
            {
                counts = Frequencies(_model.Entry(fk.Table), fk.Columns[0]);
            }
            else
            {
                continue;
            }

            for (var i = 0; i < rows.Count; i++) use[i] += counts.GetValueOrDefault(Tuple(principal.Select(p => rows[i][p])));
        }

        return use;
    }

    /// <summary>How often each value of a code column was seen in the source (its model's categories), by invariant text.</summary>
    private static Dictionary<string, double> Frequencies(TableEntry entry, string column)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        if (entry.Model.Data.Columns.FirstOrDefault(c => c.Name == column) is not CategoricalColumnModel categories) return counts;
        for (var i = 0; i < categories.Values.Length; i++)
        {
            if (categories.Values[i] is { } value) counts[value] = counts.GetValueOrDefault(value) + categories.Counts[i];
        }

        return counts;
    }

    private static bool TryParse(string text, ValueKind kind, out object value)
    {
        try
        {
            value = CellCodec.Parse(text, kind);
            return true;
        }
        catch (FormatException)
        {
            value = text;
            return false;
        }
        catch (OverflowException)
        {
            value = text;
            return false;
        }
    }

    private static int[] Positions(TableSchema table, IReadOnlyList<string> columns) =>
        columns.Select(c => table.Columns.ToList().FindIndex(x => x.Name == c)).ToArray();

    private static string Tuple(IEnumerable<string?> cells) => string.Join('\u0001', cells.Select(static c => c ?? "\u0000"));
}
