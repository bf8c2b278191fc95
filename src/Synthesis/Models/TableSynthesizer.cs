using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Fits a <see cref="TableModel"/> in one streaming pass over a table's rows: exact counts,
/// frequencies or KLL sketches per column, and a seeded reservoir for the copula correlation.
/// Memory depends on the column count and options, not on the row count.
/// </summary>
public static class TableSynthesizer
{
    /// <summary>Fits a model of <paramref name="table"/>; <paramref name="rows"/> hold canonical values in column order.</summary>
    public static Task<TableModel> FitAsync(TableSchema table, IAsyncEnumerable<object?[]> rows, SynthesisOptions options, CancellationToken ct) =>
        FitAsync(table, rows, [], options, ct);

    /// <summary>
    /// Fits with numeric context columns appended to each row after the table's columns (for the
    /// multi-table model: a parent's columns, a child count). They are modelled jointly, never
    /// output, and can be fixed when sampling to draw rows conditionally on them.
    /// </summary>
    public static async Task<TableModel> FitAsync(TableSchema table, IAsyncEnumerable<object?[]> rows, IReadOnlyList<string> contextColumns, SynthesisOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(contextColumns);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var name in contextColumns)
        {
            if (table.FindColumn(name) is not null)
            {
                throw new ArgumentException($"Context column '{name}' has the name of a column of {table.Name}; give it another name.", nameof(contextColumns));
            }
        }

        var random = new Xoshiro256(unchecked((ulong)options.Seed));
        var data = new TableModelData
        {
            Schema = table.Name.Schema,
            Table = table.Name.Name,
            RareCategoryThreshold = options.RareCategoryThreshold,
            Locale = options.Locale,
            MaxRejectionTries = options.MaxRejectionTries,
            Checks = table.CheckConstraints.Select(static c => c.Expression).ToList(),
            UniqueKeys = UniqueKeys(table),
        };

        var width = table.Columns.Count + contextColumns.Count;
        var plans = new List<(ColumnRole Role, FixedReason Reason, ColumnSchema Column, ColumnAccumulator? Accumulator)>();
        foreach (var column in table.Columns)
        {
            var (role, reason) = ColumnPlanner.RoleOf(table, column);
            var kind = ValueKinds.Of(column.LogicalType);
            ColumnAccumulator? accumulator = role switch
            {
                ColumnRole.Continuous => new NumericAccumulator(kind, false, options.MaxExactDistinct, options.SketchK, random.Fork()),
                ColumnRole.Categorical => new CategoryAccumulator(kind, options.MaxExactDistinct),
                ColumnRole.Id => new IdAccumulator(),
                ColumnRole.Pii or ColumnRole.Text => new NumericAccumulator(ValueKind.Integer, true, options.MaxExactDistinct, options.SketchK, random.Fork()),
                ColumnRole.Structured => new Structured.StructuredAccumulator(column, random.Fork()),
                _ => null,
            };
            plans.Add((role, reason, column, accumulator));
        }

        foreach (var name in contextColumns)
        {
            var column = new ColumnSchema { Name = name, Ordinal = plans.Count + 1, NativeType = "double", LogicalType = LogicalType.Float64, IsNullable = true };
            plans.Add((ColumnRole.Continuous, default, column, new NumericAccumulator(ValueKind.Double, false, options.MaxExactDistinct, options.SketchK, random.Fork())));
        }

        // The copula reads only whether personal data, free text and keys are there, not what they are.
        var presenceOnly = plans.Select(static p => p.Role is ColumnRole.Pii or ColumnRole.Text or ColumnRole.Id or ColumnRole.Structured or ColumnRole.Fixed).ToArray();
        var reservoir = new RowReservoir(options.ReservoirSize, width, random.Fork(), presenceOnly);
        var tableColumns = plans.Take(table.Columns.Count).Select((p, i) => (p, i)).ToList();
        // Determinants: the table's codes, then the context columns (a parent's category arrives as a
        // stable numeric code), so a child's label that copies its parent's (an invoice's billing
        // country, the customer's country) follows the synthetic parent.
        var dependencies = new DependencyAccumulator(
            tableColumns.Where(c => c.p.Role == ColumnRole.Categorical || (c.p.Role == ColumnRole.Continuous && ValueKinds.Of(c.p.Column.LogicalType) == ValueKind.Integer)).Select(c => c.i)
                .Concat(Enumerable.Range(table.Columns.Count, contextColumns.Count)).ToList(),
            tableColumns.Where(c => c.p.Role == ColumnRole.Categorical).Select(c => c.i).ToList());
        var strata = new StratumAccumulator(
            tableColumns.Where(c => c.p.Role == ColumnRole.Continuous).Select(c => (c.i, ValueKinds.Of(c.p.Column.LogicalType))).ToList(),
            tableColumns.Where(c => c.p.Role is ColumnRole.Categorical).Select(c => c.i).ToList(),
            options, random.Fork());
        data.RowCount = await ReadAllAsync(rows, width, plans.Select(static p => p.Accumulator).ToArray(), reservoir, (dependencies, strata), options.BatchSize, table, ct).ConfigureAwait(false);

        var dim = 0;
        for (var i = 0; i < plans.Count; i++)
        {
            var (role, reason, column, accumulator) = plans[i];
            var model = Finish(role, reason, column, accumulator, options, ref dim, data.Warnings);
            model.IsContext = i >= table.Columns.Count;
            model.IsUnique = !model.IsContext && ColumnPlanner.IsUniqueAlone(table, column);
            data.Columns.Add(model);
        }

        foreach (var model in data.Columns)
        {
            model.Prepare();
        }

        // Strata first: a stratified column's normal scores are taken within its category, so the
        // copula links what the category does not already explain.
        data.Dependencies = dependencies.Finish(data.Columns, data.RowCount, options.RareCategoryThreshold, (column, value) =>
            value is null || (data.Columns[column] is CategoricalColumnModel categorical && categorical.Values.Contains(value)));
        strata.Finish(data.Columns, options.RareCategoryThreshold, data.Dependencies.Select(static d => d.Determinant).ToHashSet(StringComparer.Ordinal));
        data.Copula = FitCopula(data.Columns, reservoir.Rows, dim, options, random.Fork());

        return new TableModel(data);
    }

    private static List<List<string>> UniqueKeys(TableSchema table)
    {
        var keys = new List<List<string>>();
        if (table.PrimaryKey is { Columns.Count: > 1 } pk)
        {
            keys.Add([.. pk.Columns]);
        }

        keys.AddRange(table.UniqueKeys.Where(static k => k.Columns.Count > 1).Select(static k => k.Columns.ToList()));
        return keys;
    }

    /// <summary>
    /// Reads rows into batches and processes each batch while the next one is read (two cores:
    /// the reader and the statistics). Within a batch, columns are processed in parallel; each
    /// accumulator is touched by one thread at a time, so results do not depend on scheduling.
    /// </summary>
    private static async Task<long> ReadAllAsync(IAsyncEnumerable<object?[]> rows, int width, ColumnAccumulator?[] accumulators, RowReservoir reservoir, (DependencyAccumulator Dependencies, StratumAccumulator Strata) joint, int batchSize, TableSchema table, CancellationToken ct)
    {
        var filling = NewBatch(batchSize, width);
        var spare = NewBatch(batchSize, width);
        Task pending = Task.CompletedTask;
        var n = 0;
        long total = 0;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            if (row.Length != width)
            {
                throw new ArgumentException($"Row {total + n + 1} of {table.Name} has {row.Length} values; expected {width} (the table's {table.Columns.Count} columns in order, then the context columns).");
            }

            Array.Copy(row, filling[n], width);
            if (++n == batchSize)
            {
                await pending.ConfigureAwait(false);
                var batch = filling;
                pending = Task.Run(() => Process(batch, batchSize, accumulators, reservoir, joint), ct);
                (filling, spare) = (spare, batch);
                total += n;
                n = 0;
            }
        }

        await pending.ConfigureAwait(false);
        Process(filling, n, accumulators, reservoir, joint);
        return total + n;
    }

    private static object?[][] NewBatch(int size, int width)
    {
        var batch = new object?[size][];
        for (var i = 0; i < size; i++)
        {
            batch[i] = new object?[width];
        }

        return batch;
    }

    private static void Process(object?[][] batch, int count, ColumnAccumulator?[] accumulators, RowReservoir reservoir, (DependencyAccumulator Dependencies, StratumAccumulator Strata) joint)
    {
        if (count == 0)
        {
            return;
        }

        reservoir.Offer(batch, count);
        for (var c = 0; c < accumulators.Length; c++)
        {
            accumulators[c]?.Observe(batch, count, c);
        }

        joint.Dependencies.Observe(batch, count);
        joint.Strata.Observe(batch, count);
    }

    private static ColumnModel Finish(ColumnRole role, FixedReason reason, ColumnSchema column, ColumnAccumulator? accumulator, SynthesisOptions options, ref int dim, List<string> warnings)
    {
        ColumnModel model;
        switch (accumulator)
        {
            case NumericAccumulator numeric when role == ColumnRole.Continuous:
            {
                var kind = ValueKinds.Of(column.LogicalType);
                var continuous = new ContinuousColumnModel
                {
                    Marginal = numeric.ToMarginal(options.QuantileGridSize) ?? new ContinuousMarginal(),
                    DecimalPlaces = kind == ValueKind.Decimal ? Math.Max(column.Scale ?? 0, numeric.MaxScale) : 0,
                    OffsetMinutes = (int)numeric.Offset.TotalMinutes,
                    Count = numeric.Count,
                    Nulls = numeric.Nulls,
                };
                var perUnit = ScalarConverter.TicksPerUnit(kind);
                if (perUnit > 0)
                {
                    continuous.Step = kind == ValueKind.Date ? 1 : NumericAccumulator.TickUnits[numeric.TickUnitIndex] / perUnit;
                }

                if (numeric.Count > 0)
                {
                    continuous.ValueDim = dim++;
                    if (numeric.Nulls > 0)
                    {
                        continuous.NullDim = dim++;
                    }
                }

                model = continuous;
                break;
            }

            case CategoryAccumulator categories:
                model = FinishCategorical(column, categories, options, ref dim);
                break;
            case Structured.StructuredAccumulator structured:
                model = structured.Finish(options.RareCategoryThreshold, ref dim);
                break;
            case IdAccumulator ids:
                model = FinishId(column, ids);
                break;
            case NumericAccumulator lengths when role == ColumnRole.Text:
                var text = new TextColumnModel { Lengths = lengths.ToMarginal(options.QuantileGridSize), Count = lengths.Count, Nulls = lengths.Nulls };
                if (lengths.Nulls > 0 && lengths.Count > 0)
                {
                    text.NullDim = dim++;
                }

                model = text;
                break;
            case NumericAccumulator pii:
                var piiModel = new PiiColumnModel { PiiKind = column.PiiKind!.Value, Locale = options.Locale, Count = pii.Count, Nulls = pii.Nulls };
                if (pii.Nulls > 0 && pii.Count > 0)
                {
                    piiModel.NullDim = dim++;
                }

                model = piiModel;
                break;
            default:
                model = new FixedColumnModel { Reason = reason };
                if (reason == FixedReason.Unsupported)
                {
                    warnings.Add($"Column {column.Name} ({column.NativeType}) is not modelled: it is written as {(column.IsNullable ? "NULL" : "its type's default")}.");
                }

                break;
        }

        model.Name = column.Name;
        model.LogicalType = column.LogicalType;
        model.IsNullable = column.IsNullable;
        model.MaxLength = column.MaxLength;
        model.Precision = column.Precision;
        model.Scale = column.Scale;
        model.EnumValues = column.EnumValues;
        return model;
    }

    private static CategoricalColumnModel FinishCategorical(ColumnSchema column, CategoryAccumulator categories, SynthesisOptions options, ref int dim)
    {
        var kind = ValueKinds.Of(column.LogicalType);

        // Booleans and declared enum labels are schema, not personal values: never merged away.
        var protect = kind != ValueKind.Boolean && column.EnumValues is null;
        var k = protect ? options.RareCategoryThreshold : 1;
        var buckets = new List<(string? Value, long Count, int Special)>();
        var otherCount = categories.PrunedMass;
        var otherShape = categories.PrunedShape;
        foreach (var (value, count) in categories.Counts)
        {
            var text = CellCodec.Format(value);
            if (count >= k)
            {
                buckets.Add((text, count, 0));
            }
            else
            {
                otherCount += count;
                otherShape.Add(text);
            }
        }

        if (categories.Nulls > 0)
        {
            buckets.Add((null, categories.Nulls, 1));
        }

        if (otherCount > 0)
        {
            buckets.Add((null, otherCount, 2));
        }

        // Frequency order, ties broken by value so the encoding is the same on every run.
        buckets.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count)
            : a.Special != b.Special ? a.Special.CompareTo(b.Special)
            : string.CompareOrdinal(a.Value, b.Value));
        var model = new CategoricalColumnModel
        {
            Values = buckets.Select(static b => b.Value).ToArray(),
            Counts = buckets.Select(static b => b.Count).ToArray(),
            NullIndex = buckets.FindIndex(static b => b.Special == 1),
            OtherIndex = buckets.FindIndex(static b => b.Special == 2),
            OtherShape = otherCount > 0 && otherShape.Total > 0 ? otherShape : null,
            Count = categories.Count,
            Nulls = categories.Nulls,
        };
        if (buckets.Count > 0)
        {
            model.Dim = dim++;
        }

        return model;
    }

    private static IdColumnModel FinishId(ColumnSchema column, IdAccumulator ids)
    {
        var kind = ValueKinds.Of(column.LogicalType);
        var model = new IdColumnModel { Count = ids.Count, Nulls = ids.Nulls };
        if (kind == ValueKind.Guid || (kind == ValueKind.String && ids.Count > 0 && ids.AllUuid))
        {
            model.Format = IdFormat.Uuid;
            model.UpperCase = ids.UuidUpper;
        }
        else if (kind == ValueKind.String && ids.Count > 0 && ids.AllPrefixDigits && ids.Prefix is not null)
        {
            model.Format = IdFormat.Pattern;
            model.Prefix = ids.Prefix;
            model.Digits = ids.MinDigits;
        }
        else if (kind == ValueKind.String && ids.Count > 0)
        {
            model.Format = IdFormat.Shape;
            model.Shape = ids.Shape;
        }
        else
        {
            model.Format = IdFormat.Sequence;
        }

        return model;
    }

    private static GaussianCopula FitCopula(List<ColumnModel> columns, IReadOnlyList<object?[]> reservoir, int dimensions, SynthesisOptions options, Xoshiro256 random)
    {
        if (dimensions == 0)
        {
            return new GaussianCopula { MinEigenvalue = options.MinEigenvalue };
        }

        var stratified = columns
            .Select((c, i) => (Model: c as ContinuousColumnModel, Index: i))
            .Where(p => p.Model is { Strata: not null, ValueDim: >= 0 })
            .Select(p => (p.Index, columns.FindIndex(c => c.Name == p.Model!.StratumColumn)))
            .Where(p => p.Item2 >= 0)
            .ToList();
        var scores = new double[reservoir.Count][];
        for (var r = 0; r < reservoir.Count; r++)
        {
            var z = new double[dimensions];
            Array.Fill(z, double.NaN);
            var row = reservoir[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var value = row[c];
                columns[c].Encode(value is DBNull ? null : value, z, random);
            }

            foreach (var (column, category) in stratified)
            {
                var model = (ContinuousColumnModel)columns[column];
                var key = row[category] is { } a and not DBNull ? CellCodec.Format(a) : StratumAccumulator.NullKey;
                if (row[column] is { } value and not DBNull && model.Strata!.TryGetValue(key, out var stratum)) model.EncodeWithin(value, stratum, z, random);
            }

            scores[r] = z;
        }

        return GaussianCopula.Fit(scores, dimensions, options.MinEigenvalue);
    }
}
