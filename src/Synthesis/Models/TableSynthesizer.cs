using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Joint;
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
    /// output, and are given when sampling (rows are drawn conditionally on them), so a sequential
    /// model puts them first.
    /// </summary>
    public static Task<TableModel> FitAsync(TableSchema table, IAsyncEnumerable<object?[]> rows, IReadOnlyList<string> contextColumns, SynthesisOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contextColumns);
        return FitAsync(table, rows, new TableFitSpec { Appended = contextColumns.Select(static n => new AppendedModelColumn(n, null, true)).ToList() }, options, ct);
    }

    /// <summary>
    /// Fits with the columns <paramref name="spec"/> appends after the table's own: drawn ones (a child
    /// count, the children's averages) learned from their values, given ones (a parent's columns) encoded
    /// with the parent model's own statistics, so that a synthetic parent's values mean what the real
    /// parent's meant. Codes of reference tables are modelled as categories, none merged away.
    /// </summary>
    internal static async Task<TableModel> FitAsync(TableSchema table, IAsyncEnumerable<object?[]> rows, TableFitSpec spec, SynthesisOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var appended in spec.Appended)
        {
            if (table.FindColumn(appended.Name) is not null)
            {
                throw new ArgumentException($"Context column '{appended.Name}' has the name of a column of {table.Name}; give it another name.", nameof(spec));
            }
        }

        // Dates kept as text and text kept as bytes are modelled as what they mean, and written back as they are kept.
        var source = table;
        var stored = StoredColumns.Of(table);
        if (stored is not null) (table, rows) = (stored.Table, stored.ReadAsync(rows, ct));

        // One seeded source, forked in a fixed order (column accumulators, reservoir, strata, training data, joint model):
        // the same seed gives the same model.
        var random = new Xoshiro256(unchecked((ulong)options.Seed));
        var data = NewModelData(table, options);
        var plans = PlanColumns(table, spec, options, random);
        var accumulators = Accumulators(table, spec, plans, options, random);
        data.RowCount = await ReadAllAsync(rows, accumulators, options.BatchSize, table, ct).ConfigureAwait(false);
        var templateModel = spec.TemplateModel is null ? null : await spec.TemplateModel.WaitAsync(ct).ConfigureAwait(false);
        AssembleColumns(data, plans, spec, templateModel, new ColumnFinishing(table, options, data.Warnings));
        stored?.Finish(data.Columns, source, data.Warnings);
        FitJoint(data, accumulators, options, random);
        return new TableModel(data);
    }

    /// <summary>The model's table-level facts, before any row is read.</summary>
    private static TableModelData NewModelData(TableSchema table, SynthesisOptions options) => new()
    {
        Schema = table.Name.Schema,
        Table = table.Name.Name,
        RareCategoryThreshold = options.RareCategoryThreshold,
        Locale = options.Locale,
        MaxRejectionTries = options.MaxRejectionTries,
        Checks = table.CheckConstraints.Select(static c => c.Expression).ToList(),
        UniqueKeys = UniqueKeys(table),
    };

    /// <summary>Each column's role and the accumulator that learns it: the table's columns in order, then the appended ones.</summary>
    private static List<ColumnFitPlan> PlanColumns(TableSchema table, TableFitSpec spec, SynthesisOptions options, Xoshiro256 random)
    {
        var plans = new List<ColumnFitPlan>();
        foreach (var column in table.Columns)
        {
            var (role, reason) = spec.CodeColumns.Contains(column.Name) ? (ColumnRole.Categorical, default) : ColumnPlanner.RoleOf(table, column);
            var kind = ValueKinds.Of(column.LogicalType);
            var isCity = role == ColumnRole.Pii && kind == ValueKind.String && column.PiiKind == PiiKind.City;
            // A city takes the stream the presence counter it had took, so the other columns' fits stay as they were.
            if (isCity) _ = random.Fork();
            ColumnAccumulator? accumulator = role switch
            {
                ColumnRole.Continuous => new NumericAccumulator(kind, false, options.MaxExactDistinct, options.SketchK, random.Fork()),
                ColumnRole.Categorical => new CategoryAccumulator(kind, options.MaxExactDistinct),
                ColumnRole.Id => new IdAccumulator(),
                ColumnRole.Text => new TextAccumulator(options.MaxExactDistinct, options.SketchK, random.Fork()),
                ColumnRole.Pii when kind == ValueKind.String && PiiColumnModel.HasFormats(column.PiiKind!.Value) => new FormatAccumulator { CountryColumn = CountryColumnOf(table) },
                ColumnRole.Pii when kind == ValueKind.String && column.PiiKind == PiiKind.Email => new EmailAccumulator
                {
                    FirstNameColumn = PiiColumnOf(table, PiiKind.FirstName), LastNameColumn = PiiColumnOf(table, PiiKind.LastName), FullNameColumn = PiiColumnOf(table, PiiKind.PersonName),
                },
                // Cities come from a public list: the real ones are remembered (in memory only) so that a rare one is not written back.
                ColumnRole.Pii when isCity => new RealValueAccumulator(options.RareCategoryThreshold),
                ColumnRole.Pii => new NumericAccumulator(ValueKind.Integer, true, options.MaxExactDistinct, options.SketchK, random.Fork()),
                ColumnRole.Structured => new Structured.StructuredAccumulator(column, random.Fork()),
                _ => null,
            };
            plans.Add(new ColumnFitPlan(role, reason, column, accumulator) { Empties = role == ColumnRole.Pii && kind == ValueKind.String ? new EmptyCounter() : null });
        }

        foreach (var appended in spec.Appended)
        {
            var column = new ColumnSchema { Name = appended.Name, Ordinal = plans.Count + 1, NativeType = "double", LogicalType = LogicalType.Float64, IsNullable = true };
            // A given column with a template is encoded by the parent's statistics: nothing to accumulate.
            plans.Add(new ColumnFitPlan(ColumnRole.Continuous, default, column, appended.TemplateColumn is null ? new NumericAccumulator(ValueKind.Double, false, options.MaxExactDistinct, options.SketchK, random.Fork()) : null));
        }

        return plans;
    }

    /// <summary>The column accumulators of <paramref name="plans"/>, with the reservoir and the joint statistics the rows also feed.</summary>
    private static FitAccumulators Accumulators(TableSchema table, TableFitSpec spec, List<ColumnFitPlan> plans, SynthesisOptions options, Xoshiro256 random)
    {
        var width = table.Columns.Count + spec.Appended.Count;
        // The joint model reads only whether personal data, free text and keys are there, not what they are, and the
        // format of a phone number or postal code, not its digits.
        var keepAs = plans.Select(static Func<object?, object?>? (p) => p.Accumulator is FormatAccumulator ? FormatAccumulator.KeepAs
            : p.Role is ColumnRole.Pii or ColumnRole.Text or ColumnRole.Id or ColumnRole.Structured or ColumnRole.Fixed ? RowReservoir.PresenceOnly : null).ToArray();
        var reservoir = new RowReservoir(options.ReservoirSize, width, random.Fork(), keepAs);
        var tableColumns = plans.Take(table.Columns.Count).Select((p, i) => (p, i)).ToList();
        // Determinants: the table's codes, then the context columns (a parent's category arrives as a
        // stable numeric code), so a child's label that copies its parent's (an invoice's billing
        // country, the customer's country) follows the synthetic parent.
        var dependencies = new DependencyAccumulator(
            tableColumns.Where(c => c.p.Role == ColumnRole.Categorical || (c.p.Role == ColumnRole.Continuous && ValueKinds.Of(c.p.Column.LogicalType) == ValueKind.Integer)).Select(c => c.i)
                .Concat(Enumerable.Range(table.Columns.Count, spec.Appended.Count).Where(i => spec.Appended[i - table.Columns.Count].Given)).ToList(),
            tableColumns.Where(c => c.p.Role == ColumnRole.Categorical).Select(c => c.i).ToList());
        var strata = new StratumAccumulator(
            tableColumns.Where(c => c.p.Role == ColumnRole.Continuous).Select(c => (c.i, ValueKinds.Of(c.p.Column.LogicalType))).ToList(),
            tableColumns.Where(c => c.p.Role is ColumnRole.Categorical).Select(c => c.i).ToList(),
            options, random.Fork());
        // A stream of its own, so the other accumulators and the joint model draw what they drew before it existed.
        var orders = new OrderAccumulator(tableColumns.Where(c => c.p.Role == ColumnRole.Continuous).Select(c => (c.i, ValueKinds.Of(c.p.Column.LogicalType))).ToList(),
            options, new Xoshiro256(unchecked((ulong)options.Seed) ^ 0x6f72_6465_7273UL));
        return new FitAccumulators(plans.Select(static p => p.Accumulator).ToArray(), reservoir, dependencies, strata, orders, plans.Select(static p => p.Empties).ToArray());
    }

    /// <summary>Each column's model, in row order, its dimensions numbered one after another, then prepared for sampling.</summary>
    private static void AssembleColumns(TableModelData data, List<ColumnFitPlan> plans, TableFitSpec spec, TableModel? templateModel, ColumnFinishing finishing)
    {
        var table = finishing.Table;
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var appended = i >= table.Columns.Count ? spec.Appended[i - table.Columns.Count] : null;
            ColumnModel model;
            if (appended?.TemplateColumn is { } templateColumn)
            {
                model = Template(templateModel, appended.Name, templateColumn, table).Clone();
                model.RenumberDimensions(ref finishing.Dim);
                model.Name = appended.Name;
            }
            else
            {
                model = Finish(plan, spec.CodeColumns.Contains(plan.Column.Name), finishing);
            }

            model.IsContext = appended is not null;
            model.IsGiven = appended?.Given == true;
            model.IsUnique = !model.IsContext && ColumnPlanner.IsUniqueAlone(table, plan.Column);
            data.Columns.Add(model);
        }

        data.DimensionCount = finishing.Dim;
        foreach (var model in data.Columns)
        {
            model.Prepare();
        }
    }

    /// <summary>The dependencies and strata the rows showed, then the joint model trained on the reservoir.</summary>
    private static void FitJoint(TableModelData data, FitAccumulators accumulators, SynthesisOptions options, Xoshiro256 random)
    {
        // Strata first: a stratified column's normal scores are taken within its category, so the
        // copula links what the category does not already explain.
        data.Dependencies = accumulators.Dependencies.Finish(data.Columns, data.RowCount, options.RareCategoryThreshold, (column, value) =>
            value is null || (data.Columns[column] is CategoricalColumnModel categorical && categorical.Values.Contains(value)));
        accumulators.Strata.Finish(data.Columns, options.RareCategoryThreshold, data.Dependencies.Select(static d => d.Determinant).ToHashSet(StringComparer.Ordinal));
        (data.Orders, data.Offsets) = accumulators.Orders.Finish(data.Columns);
        var training = TrainingData(data, accumulators.Reservoir.Rows, random.Fork());
        data.Joint = JointModelFitter.Fit(training with { ValueOf = ColumnValues.For(data) }, options, random.Fork());
    }

    /// <summary>The template model's column that encodes an appended column, or an error that names both.</summary>
    private static ColumnModel Template(TableModel? template, string appended, string column, TableSchema table) =>
        template?.Data.Columns.FirstOrDefault(c => c.Name == column)
        ?? throw new InvalidOperationException(template is null
            ? $"The appended column {appended} of {table.Name} is encoded by a template model's column {column}, but no template model was given."
            : $"The model of {template.Table} has no column {column} for {appended} of {table.Name}.");

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
    private static async Task<long> ReadAllAsync(IAsyncEnumerable<object?[]> rows, FitAccumulators accumulators, int batchSize, TableSchema table, CancellationToken ct)
    {
        var width = accumulators.Width;
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
                pending = Task.Run(() => accumulators.Observe(batch, batchSize), ct);
                (filling, spare) = (spare, batch);
                total += n;
                n = 0;
            }
        }

        await pending.ConfigureAwait(false);
        accumulators.Observe(filling, n);
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

    /// <summary>A column's model from what its accumulator learned, its dimensions numbered from <see cref="ColumnFinishing.Dim"/> on, and its schema facts copied.</summary>
    private static ColumnModel Finish(ColumnFitPlan plan, bool isCode, ColumnFinishing finishing)
    {
        var (role, reason, column, accumulator) = plan;
        // A column NULL in every row stays NULL: its generator (chosen by a name such as "email" or "city") filled
        // every row of the clone before, since a null share is only learned beside some values.
        ColumnModel model = column.IsNullable && NullsOnly(accumulator) ? new FixedColumnModel { Reason = FixedReason.AllNull } : accumulator switch
        {
            NumericAccumulator numeric when role == ColumnRole.Continuous => FinishContinuous(column, numeric, finishing),
            CategoryAccumulator categories => FinishCategorical(column, categories, isCode, finishing),
            Structured.StructuredAccumulator structured => structured.Finish(finishing.Options.RareCategoryThreshold, ref finishing.Dim),
            IdAccumulator ids => FinishId(column, ids, finishing.Options.RareCategoryThreshold),
            TextAccumulator textual => FinishText(column, textual, finishing),
            NumericAccumulator pii => FinishPii(column, (pii.Count, pii.Nulls), finishing),
            RealValueAccumulator real => FinishPii(column, (real.Count, real.Nulls), finishing, real.RareValues),
            FormatAccumulator formats => FinishFormatted(column, formats, finishing),
            EmailAccumulator emails => FinishEmail(column, emails, finishing),
            _ => FinishFixed(column, reason, finishing.Warnings),
        };
        if (model is PiiColumnModel { Count: > 0 } generated && plan.Empties is { Empties: > 0 } empties) generated.EmptyShare = empties.Empties / (double)generated.Count;

        model.Name = column.Name;
        model.LogicalType = column.LogicalType;
        model.IsNullable = column.IsNullable;
        model.MaxLength = column.MaxLength;
        model.Precision = column.Precision;
        model.Scale = column.Scale;
        model.EnumValues = column.EnumValues;
        return model;
    }

    /// <summary>True where the accumulator saw rows and every one of them NULL.</summary>
    private static bool NullsOnly(ColumnAccumulator? accumulator) => accumulator switch
    {
        ValueAccumulator values => values is { Count: 0, Nulls: > 0 },
        NumericAccumulator numbers => numbers is { Count: 0, Nulls: > 0 },
        TextAccumulator text => text.Lengths is { Count: 0, Nulls: > 0 },
        CategoryAccumulator categories => categories is { Count: 0, Nulls: > 0 },
        _ => false,
    };

    /// <summary>The table's country column (a text column whose name says country, as the sampler finds it), or -1.</summary>
    private static int CountryColumnOf(TableSchema table) => table.Columns.ToList().FindIndex(c =>
        ValueKinds.Of(c.LogicalType) == ValueKind.String && c.SdType is not SdType.Pii && Generators.NameFallback.HintOf(table.Name.Name, c.Name) == "country");

    private static ContinuousColumnModel FinishContinuous(ColumnSchema column, NumericAccumulator numeric, ColumnFinishing finishing)
    {
        var options = finishing.Options;
        var kind = ValueKinds.Of(column.LogicalType);
        var continuous = new ContinuousColumnModel
        {
            Marginal = numeric.ToMarginal(options.QuantileGridSize, options.RareCategoryThreshold) ?? new ContinuousMarginal(),
            DecimalPlaces = kind == ValueKind.Decimal ? Math.Max(column.Scale ?? 0, numeric.MaxScale) : 0,
            // A float column written with few decimals (a price stored as REAL) keeps them: 36.6447425443353 reads as noise.
            FloatDecimals = kind == ValueKind.Double && numeric.Count > 0 && numeric.FloatDecimals >= 0 ? numeric.FloatDecimals : null,
            OffsetMinutes = (int)numeric.Offset.TotalMinutes,
            ExactRange = kind == ValueKind.Integer && numeric.IntegerRange is var (lo, hi) && Math.Max(Math.Abs((double)lo), Math.Abs((double)hi)) > ContinuousColumnModel.ExactDoubleLimit ? [lo, hi] : null,
            Count = numeric.Count,
            Nulls = numeric.Nulls,
        };
        var perUnit = ScalarConverter.TicksPerUnit(kind);
        if (perUnit > 0)
        {
            continuous.Step = kind == ValueKind.Date ? 1 : NumericAccumulator.TickUnits[numeric.TickUnitIndex] / perUnit;
        }

        if (numeric.Count > 0) continuous.ValueDim = finishing.NextDim();
        continuous.NullDim = finishing.NullDim(numeric.Nulls, numeric.Count);

        return continuous;
    }

    private static TextColumnModel FinishText(ColumnSchema column, TextAccumulator textual, ColumnFinishing finishing)
    {
        var options = finishing.Options;
        var lengths = textual.Lengths;
        var common = lengths.Count > 0 ? textual.CommonValues(options.RareCategoryThreshold) : [];
        var text = new TextColumnModel
        {
            CommonValues = common.Select(static c => c.Value).ToArray(),
            CommonShares = common.Select(c => c.Rows / (double)lengths.Count).ToArray(),
            Lengths = lengths.ToMarginal(options.QuantileGridSize, options.RareCategoryThreshold),
            Words = textual.Words.ToModel(options.RareCategoryThreshold),
            RealValues = textual.Words.RealValues,
            Hint = Generators.NameFallback.HintOf(finishing.Table.Name.Name, column.Name),
            Count = lengths.Count,
            Nulls = lengths.Nulls,
        };
        text.NullDim = finishing.NullDim(lengths.Nulls, lengths.Count);
        return text;
    }

    private static PiiColumnModel FinishPii(ColumnSchema column, (long Count, long Nulls) pii, ColumnFinishing finishing, Generators.RealValueFilter? rareValues = null) =>
        new()
        {
            PiiKind = column.PiiKind!.Value, Locale = finishing.Options.Locale, Count = pii.Count, Nulls = pii.Nulls, RealValues = rareValues,
            NullDim = finishing.NullDim(pii.Nulls, pii.Count),
        };

    private static PiiColumnModel FinishFormatted(ColumnSchema column, FormatAccumulator formats, ColumnFinishing finishing)
    {
        var (templates, counts, countries) = formats.Finish(finishing.Options.RareCategoryThreshold);
        var formatted = new PiiColumnModel
        {
            PiiKind = column.PiiKind!.Value, Locale = finishing.Options.Locale, Count = formats.Count, Nulls = formats.Nulls, NullDim = finishing.NullDim(formats.Nulls, formats.Count),
        };

        if (templates.Length > 0)
        {
            formatted.Formats = templates;
            formatted.FormatCounts = [.. counts, formats.Count - counts.Sum()];
            if (countries.Any(static c => c.Length > 0)) formatted.FormatCountries = countries;
            formatted.FormatDim = finishing.NextDim();
        }

        return formatted;
    }

    private static PiiColumnModel FinishEmail(ColumnSchema column, EmailAccumulator emails, ColumnFinishing finishing)
    {
        var (templates, templateCounts, domains, domainCounts) = emails.Finish(finishing.Options.RareCategoryThreshold);
        var model = new PiiColumnModel
        {
            PiiKind = PiiKind.Email, Locale = finishing.Options.Locale, Count = emails.Count, Nulls = emails.Nulls, RealValues = emails.RealValues, NullDim = finishing.NullDim(emails.Nulls, emails.Count),
        };
        if (templates.Length > 0) (model.EmailTemplates, model.EmailTemplateCounts) = (templates, [.. templateCounts, emails.Count - templateCounts.Sum()]);
        if (domains.Length > 0) (model.EmailDomains, model.EmailDomainCounts) = (domains, [.. domainCounts, emails.Count - domainCounts.Sum()]);
        return model;
    }

    /// <summary>The table's column of personal data of <paramref name="kind"/> (the first), or -1.</summary>
    private static int PiiColumnOf(TableSchema table, PiiKind kind) => table.Columns.ToList().FindIndex(c => c.SdType is SdType.Pii && c.PiiKind == kind);

    private static FixedColumnModel FinishFixed(ColumnSchema column, FixedReason reason, List<string> warnings)
    {
        var model = new FixedColumnModel { Reason = reason };
        if (reason == FixedReason.Unsupported)
        {
            warnings.Add($"Column {column.Name} ({column.NativeType}) is not modelled: it is written as {(column.IsNullable ? "NULL" : "its type's default")}.");
        }

        return model;
    }

    /// <summary>Share of a column's values that must be non-rare for rare values to be replaced by non-rare categories rather than written anew.</summary>
    private const double MostlyKept = 0.5;

    private static CategoricalColumnModel FinishCategorical(ColumnSchema column, CategoryAccumulator categories, bool isCode, ColumnFinishing finishing)
    {
        var (table, options) = (finishing.Table, finishing.Options);
        var kind = ValueKinds.Of(column.LogicalType);

        // Booleans, declared enum labels and codes of reference tables (copied verbatim anyway) are
        // schema, not personal values: never merged away.
        var protect = kind != ValueKind.Boolean && column.EnumValues is null && !isCode;
        var k = protect ? options.RareCategoryThreshold : 1;
        var buckets = new List<(string? Value, long Count, int Special)>();
        var rareCount = categories.PrunedMass;
        var rareShape = categories.PrunedShape;
        long keptCount = 0;
        // An enum's values are its labels: a value outside them (MySQL's '' for a value it could not take, stored under a
        // non-strict sql_mode) is no category of the clone, where every target refuses it (a strict MariaDB, PostgreSQL's
        // enum or CHECK, SQLite's CHECK). Its share goes to the labels as a rare value's does.
        var labels = column.LogicalType == LogicalType.Enum && column.EnumValues is { Count: > 0 } declared ? declared.ToHashSet(StringComparer.Ordinal) : null;
        long outside = 0;
        var outsideEmpty = false;
        var rare = new List<(string Value, long Count)>();
        foreach (var (value, count) in categories.Counts)
        {
            var text = CellCodec.Format(value);
            if (labels is not null && !labels.Contains(text))
            {
                outside += count;
                outsideEmpty |= text.Length == 0;
                rareCount += count;
            }
            else if (count >= k)
            {
                buckets.Add((text, count, 0));
                keptCount += count;
            }
            else
            {
                rareCount += count;
                rareShape.Add(text);
                rare.Add((text, count));
            }
        }

        if (categories.Nulls > 0)
        {
            buckets.Add((null, categories.Nulls, 1));
        }

        // The values themselves are not named: they are data, not schema.
        if (outside > 0)
        {
            finishing.Warnings.Add($"Column {table.Name}.{column.Name} holds {outside} value(s) that are none of its declared labels"
                + (outsideEmpty ? " ('' among them, what MySQL stores for a value it could not take under a non-strict sql_mode)" : "")
                + ": the clone writes declared labels in their place.");
        }

        // Mostly kept values: the rare ones' share goes to them (no bucket), so every value of the clone is a real,
        // non-rare category. Mostly rare values (names, titles): an "other" bucket, written anew in the column's
        // words, shape or kind; countries always from the world's common countries (a public list, whatever the
        // source holds), never from their own words ("United Germany").
        var hint = Generators.NameFallback.HintOf(table.Name.Name, column.Name);
        var countries = kind == ValueKind.String && hint == "country";
        var generate = rareCount > 0 && (keptCount == 0 || keptCount < MostlyKept * (keptCount + rareCount));
        if (generate)
        {
            buckets.Add((null, rareCount, 2));
        }

        // Frequency order, ties broken by value so the encoding is the same on every run.
        buckets.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count)
            : a.Special != b.Special ? a.Special.CompareTo(b.Special)
            : string.CompareOrdinal(a.Value, b.Value));
        var words = generate ? categories.FinishWords() : null;
        var codes = words?.MostlyCodes ?? true;
        var model = new CategoricalColumnModel
        {
            Values = buckets.Select(static b => b.Value).ToArray(),
            Counts = buckets.Select(static b => b.Count).ToArray(),
            NullIndex = buckets.FindIndex(static b => b.Special == 1),
            OtherIndex = buckets.FindIndex(static b => b.Special == 2),
            OtherShape = generate && codes && rareShape.Total > 0 ? rareShape.KeepLiterals(options.RareCategoryThreshold) : null,
            OtherWords = generate && !codes && !countries ? words!.ToModel(options.RareCategoryThreshold) : null,
            OtherHint = generate ? hint : null,
            OtherLabels = generate && kind == ValueKind.String && hint == "words" && categories.PrunedMass == 0 && outside == 0
                ? Generators.StatusLabels.For(column.Name, rare, categories.Counts.Select(static c => CellCodec.Format(c.Key)), column.MaxLength)
                : null,
            RealValues = generate ? words?.RealValues : null,
            ProductKinds = generate && hint == "product" && words is not null ? Generators.CommonProducts.KindsOf(words.WordCounts, options.RareCategoryThreshold) : null,
            CountrySpellings = generate && countries ? Generators.CommonCountries.SpellingsOf(categories.Counts.Select(static c => CellCodec.Format(c.Key))) is { Count: > 0 } spellings ? spellings : null : null,
            Count = categories.Count,
            Nulls = categories.Nulls,
        };
        if (buckets.Count > 0) model.Dim = finishing.NextDim();
        return model;
    }

    private static IdColumnModel FinishId(ColumnSchema column, IdAccumulator ids, int k)
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
            model.Shape = ids.Shape.KeepLiterals(k);
        }
        else
        {
            model.Format = IdFormat.Sequence;
        }

        return model;
    }

    /// <summary>
    /// The reservoir in the joint models' transformed space: plain u per dimension (trees), and the
    /// copula's normal scores, where a stratified number is scored within its category's marginal.
    /// </summary>
    private static Joint.JointTrainingData TrainingData(TableModelData data, IReadOnlyList<object?[]> reservoir, Xoshiro256 random)
    {
        var columns = data.Columns;
        var dimensions = TableModel.DescribeDimensions(data);
        var d = dimensions.Length;
        var stratified = columns
            .Select((c, i) => (Model: c as ContinuousColumnModel, Index: i))
            .Where(p => p.Model is { Strata: not null, ValueDim: >= 0 })
            .Select(p => (p.Index, columns.FindIndex(c => c.Name == p.Model!.StratumColumn)))
            .Where(p => p.Item2 >= 0)
            .ToList();
        var uniform = new double[reservoir.Count][];
        var scores = new double[reservoir.Count][];
        for (var r = 0; r < reservoir.Count; r++)
        {
            var z = new double[d];
            Array.Fill(z, double.NaN);
            var row = reservoir[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var value = row[c];
                columns[c].Encode(value is DBNull ? null : value, z, random);
            }

            var u = new double[d];
            for (var i = 0; i < d; i++) u[i] = double.IsNaN(z[i]) ? double.NaN : NormalScores.ToProbability(z[i]);
            uniform[r] = u;
            foreach (var (column, category) in stratified)
            {
                var model = (ContinuousColumnModel)columns[column];
                var key = row[category] is { } a and not DBNull ? CellCodec.Format(a) : StratumAccumulator.NullKey;
                if (row[column] is { } value and not DBNull && model.Strata!.TryGetValue(key, out var stratum)) model.EncodeWithin(value, stratum, z, random);
            }

            scores[r] = z;
        }

        return new Joint.JointTrainingData(dimensions, uniform, scores);
    }
}
