using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// A fitted single-table model: statistics only. Samples whole tables, rows with some columns fixed
/// (including appended context columns), and fills the missing cells of given rows. Save and load
/// it with <see cref="ModelFile"/>. Foreign-key columns are left NULL unless the caller fixes them.
/// </summary>
public sealed class TableModel
{
    internal TableModel(TableModelData data)
    {
        Data = data;
        foreach (var column in data.Columns)
        {
            column.Prepare();
        }

        foreach (var dependency in data.Dependencies)
        {
            dependency.Prepare(data.Columns);
        }

        foreach (var offset in data.Offsets)
        {
            offset.Prepare(data.Columns);
        }

        Dimensions = DescribeDimensions(data);
        data.Joint.Prepare(Dimensions);

        Checks = [.. BindChecks(data, out var warnings)];
        Warnings = [.. data.Warnings, .. warnings];
        _columnIndex = data.Columns.Select((c, i) => (c.Name, i)).DistinctBy(static p => p.Name).ToDictionary(static p => p.Name, static p => p.i, StringComparer.Ordinal);
        ApplyBounds();
    }

    private readonly Dictionary<string, int> _columnIndex;

    internal TableModelData Data { get; }

    /// <summary>The dimensions of the model's transformed space, by index.</summary>
    internal IReadOnlyList<Joint.JointDimension> Dimensions { get; }

    /// <summary>The columns' dimensions by index; an error when a column claims one outside the model's size or two claim the same.</summary>
    internal static Joint.JointDimension[] DescribeDimensions(TableModelData data)
    {
        var described = new Joint.JointDimension?[data.DimensionCount];
        foreach (var column in data.Columns)
        {
            foreach (var d in column.Dimensions)
            {
                if (d < 0 || d >= described.Length || described[d] is not null)
                {
                    throw new InvalidDataException($"The model of {data.Table} is inconsistent: column {column.Name} claims dimension {d} of {described.Length}.");
                }
            }

            column.DescribeDimensions(described);
        }

        for (var d = 0; d < described.Length; d++)
        {
            if (described[d] is null) throw new InvalidDataException($"The model of {data.Table} is inconsistent: no column owns dimension {d}.");
        }

        return described!;
    }

    /// <summary>The bound CHECKs, as an array: the sampler walks them for every row.</summary>
    internal BoundCheck[] Checks { get; }

    /// <summary>The table the model was fitted on.</summary>
    public QualifiedName Table => new(Data.Schema, Data.Table);

    /// <summary>Rows seen while fitting.</summary>
    public long RowCount => Data.RowCount;

    /// <summary>The output columns, in the table's order (context columns excluded).</summary>
    public IReadOnlyList<string> Columns => Data.Columns.Where(static c => !c.IsContext).Select(static c => c.Name).ToArray();

    /// <summary>The appended context columns the model was fitted with, which can be fixed when sampling.</summary>
    public IReadOnlyList<string> ContextColumns => Data.Columns.Where(static c => c.IsContext).Select(static c => c.Name).ToArray();

    /// <summary>What the model does not do as the source does (unsupported columns, CHECKs it cannot enforce).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary><paramref name="count"/> new rows, in the table's column order.</summary>
    public IEnumerable<object?[]> Sample(long count, SamplingContext context) =>
        SampleConditional(count, new Dictionary<string, object?>(), context);

    /// <summary>
    /// <paramref name="count"/> new rows with the named columns (table or context columns) fixed to the
    /// given values; the other columns are drawn from the copula conditioned on them. A foreign-key
    /// column given here is written as given.
    /// </summary>
    public IEnumerable<object?[]> SampleConditional(long count, IReadOnlyDictionary<string, object?> fixedValues, SamplingContext context) =>
        SampleConditional(count, fixedValues, context, includeContext: false);

    /// <summary>
    /// As <see cref="SampleConditional(long, IReadOnlyDictionary{string, object?}, SamplingContext)"/>; with
    /// <paramref name="includeContext"/> each row also carries the context columns after the table's
    /// (the multi-table layer reads a parent's sampled child counts from them).
    /// </summary>
    public IEnumerable<object?[]> SampleConditional(long count, IReadOnlyDictionary<string, object?> fixedValues, SamplingContext context, bool includeContext)
    {
        ArgumentNullException.ThrowIfNull(fixedValues);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        object?[]? given = null;
        bool[]? isGiven = null;
        if (fixedValues.Count > 0)
        {
            given = new object?[Data.Columns.Count];
            isGiven = new bool[Data.Columns.Count];
            foreach (var (name, value) in fixedValues)
            {
                var index = FixableColumnIndex(name);
                given[index] = value is DBNull ? null : value;
                isGiven[index] = true;
            }
        }

        return Iterate(count, given, isGiven, context, includeContext);
    }

    /// <summary>The position of a table or context column that can be fixed when sampling; an error naming the columns when there is none.</summary>
    internal int FixableColumnIndex(string name) =>
        _columnIndex.TryGetValue(name, out var index)
            ? index
            : throw new ArgumentException($"Table {Table} has no column or context column '{name}' to fix; columns: {string.Join(", ", Data.Columns.Select(static c => c.Name))}.", nameof(name));

    /// <summary>
    /// The row sampler of this model within <paramref name="context"/> (one per context). The
    /// multi-table layer draws through it directly: per parent row, a wrapper and a lookup per
    /// fixed value was most of what it allocated besides the rows themselves.
    /// </summary>
    internal RowSampler Sampler(SamplingContext context) => context.GetState(this, static (model, c) => new RowSampler(model, c));

    private IEnumerable<object?[]> Iterate(long count, object?[]? given, bool[]? isGiven, SamplingContext context, bool includeContext)
    {
        var sampler = Sampler(context);
        for (long i = 0; i < count; i++)
        {
            yield return sampler.Next(given, isGiven, includeContext);
        }
    }

    /// <summary>
    /// Completes rows (table columns in order, optionally followed by the context columns): every
    /// NULL cell is filled with a non-null value drawn conditionally on the row's other cells.
    /// </summary>
    public IEnumerable<object?[]> FillMissing(IEnumerable<object?[]> rows, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var output = Data.Columns.Count(static c => !c.IsContext);
        return Fill(rows, output, context);
    }

    private IEnumerable<object?[]> Fill(IEnumerable<object?[]> rows, int output, SamplingContext context)
    {
        var sampler = Sampler(context);
        var width = Data.Columns.Count;
        var given = new object?[width];
        var isGiven = new bool[width];
        foreach (var row in rows)
        {
            if (row.Length != output && row.Length != width)
            {
                throw new ArgumentException($"A row given to fill has {row.Length} values; {Table} has {output} columns ({width} with context columns).");
            }

            for (var c = 0; c < width; c++)
            {
                var value = c < row.Length ? row[c] : null;
                var known = c < row.Length;
                given[c] = value is null or DBNull ? (known ? NotNull.Value : null) : value;
                isGiven[c] = known && !(value is null or DBNull && Data.Columns[c] is IdColumnModel or FixedColumnModel);
            }

            yield return sampler.Next(given, isGiven);
        }
    }

    private static List<BoundCheck> BindChecks(TableModelData data, out List<string> warnings)
    {
        warnings = [];
        var bound = new List<BoundCheck>();
        var parsed = new List<(string Expression, CheckNode Root)>();
        foreach (var expression in data.Checks)
        {
            try
            {
                parsed.Add((expression, CheckParser.Parse(expression)));
            }
            catch (CheckParseException e)
            {
                warnings.Add($"CHECK ({expression}) of {data.Table} is not understood and not enforced: {e.Message}");
            }
        }

        // The orders the rows showed are held as the declared CHECKs are (redrawn, then swapped).
        parsed.AddRange(data.Orders.Select(static o => (o.Expression, new CheckNode
        {
            Kind = CheckNodeKind.Compare,
            Operator = o.Strict ? "<" : "<=",
            Children = [new CheckNode { Kind = CheckNodeKind.Column, Name = o.Lower }, new CheckNode { Kind = CheckNodeKind.Column, Name = o.Upper }],
        })));

        foreach (var (expression, root) in parsed)
        {
            var columns = new List<int>();
            var missing = new List<string>();
            foreach (var node in root.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
            {
                node.Index = data.Columns.FindIndex(c => string.Equals(c.Name, node.Name, StringComparison.OrdinalIgnoreCase));
                if (node.Index < 0)
                {
                    missing.Add(node.Name!);
                }
                else if (!columns.Contains(node.Index))
                {
                    columns.Add(node.Index);
                }
            }

            if (missing.Count > 0)
            {
                warnings.Add($"CHECK ({expression}) of {data.Table} names unknown column(s) {string.Join(", ", missing)}; not enforced.");
                continue;
            }

            bound.Add(new BoundCheck(expression, root, [.. columns]));
        }

        return bound;
    }

    /// <summary>Turns single-column CHECKs into bounds and allowed values, so most hold by construction.</summary>
    private void ApplyBounds()
    {
        foreach (var column in Data.Columns.OfType<ContinuousColumnModel>())
        {
            (column.LowerBound, column.UpperBound) = ValueKinds.TypeRange(column.LogicalType, column.Precision, column.Scale);
        }

        foreach (var check in Checks)
        {
            foreach (var node in Conjuncts(check.Root))
            {
                if (node is { Kind: CheckNodeKind.In, Negated: false } && node.Children[0] is { Kind: CheckNodeKind.Column } col
                    && Data.Columns[col.Index] is CategoricalColumnModel categorical && node.Children.Skip(1).All(static n => n.Kind == CheckNodeKind.Literal && n.Value is not null))
                {
                    categorical.Allowed = node.Children.Skip(1).Select(static n => n.Value is decimal m ? (object)m.ToString(CultureInfo.InvariantCulture) : n.Value!).ToArray();
                }
                else if (node is { Kind: CheckNodeKind.Compare } cmp)
                {
                    ApplyComparison(cmp.Children[0], cmp.Operator!, cmp.Children[1]);
                    ApplyComparison(cmp.Children[1], Flip(cmp.Operator!), cmp.Children[0]);
                }
                else if (node is { Kind: CheckNodeKind.Between, Negated: false })
                {
                    ApplyComparison(node.Children[0], ">=", node.Children[1]);
                    ApplyComparison(node.Children[0], "<=", node.Children[2]);
                }
            }
        }
    }

    private void ApplyComparison(CheckNode left, string op, CheckNode right)
    {
        if (left.Kind != CheckNodeKind.Column || right is not { Kind: CheckNodeKind.Literal, Value: { } literal }
            || Data.Columns[left.Index] is not ContinuousColumnModel column)
        {
            return;
        }

        double x;
        try
        {
            x = ScalarConverter.ToDouble(CellCodec.Canonical(literal is decimal m ? m.ToString(CultureInfo.InvariantCulture) : literal, column.Kind), column.Kind);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return;
        }

        var step = column.Kind switch
        {
            ValueKind.Integer => 1,
            ValueKind.Decimal => Math.Pow(10, -column.DecimalPlaces),
            _ => column.Step > 0 ? column.Step : Math.Max(Math.Abs(x) * 1e-12, 1e-12),
        };
        switch (op)
        {
            case ">": column.LowerBound = Math.Max(column.LowerBound, x + step); break;
            case ">=": column.LowerBound = Math.Max(column.LowerBound, x); break;
            case "<": column.UpperBound = Math.Min(column.UpperBound, x - step); break;
            case "<=": column.UpperBound = Math.Min(column.UpperBound, x); break;
            case "=": column.LowerBound = Math.Max(column.LowerBound, x); column.UpperBound = Math.Min(column.UpperBound, x); break;
        }
    }

    private static string Flip(string op) => op switch { ">" => "<", "<" => ">", ">=" => "<=", "<=" => ">=", _ => op };

    private static IEnumerable<CheckNode> Conjuncts(CheckNode node) => node.Kind == CheckNodeKind.And
        ? node.Children.SelectMany(Conjuncts)
        : [node];
}
