using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// Everything measured on one table, real against synthetic, on every row: first the counts, then one pass per
/// column over both sides' sorted value counts (<see cref="ColumnPass"/>), then the keys, then one pass over each
/// side's rows at once (<see cref="TableRows"/>). A column or the whole table missing from the synthetic data is
/// listed in <see cref="Missing"/> and its figures count as 0.
/// </summary>
internal sealed class TableEvaluation
{
    public const string MissingColumn = "is missing from the synthetic data; its figures count as 0.";

    private TableEvaluation(ScoredTable table, bool syntheticHasTable)
    {
        Table = table;
        SyntheticHasTable = syntheticHasTable;
    }

    public ScoredTable Table { get; }

    public bool SyntheticHasTable { get; }

    public TableCounts RealCounts { get; private set; } = new(0, new Dictionary<string, long>());

    public TableCounts SyntheticCounts { get; private set; } = new(0, new Dictionary<string, long>());

    /// <summary>The column passes, by column name.</summary>
    public Dictionary<string, ColumnOutcome> Columns { get; } = new(StringComparer.Ordinal);

    public List<ColumnShapeDetail> Shapes { get; } = [];

    public List<ValidityDetail> Validity { get; } = [];

    public StructureDetail? Structure { get; private set; }

    public List<PiiLeakDetail> PiiLeaks { get; } = [];

    public List<RareCategoryLeakDetail> RareLeaks { get; } = [];

    public TableRows? Rows { get; private set; }

    public List<MissingDetail> Missing { get; } = [];

    /// <summary>
    /// True when the synthetic table is the real one or a part of it: every synthetic row equal to a real row on every
    /// learned column, no more rows than the real table, where the real rows are mostly one of a kind (new rows from the
    /// source would match under half the time), so the match cannot be chance: a reference table copied verbatim by
    /// design, whole or as the subset <c>--scale-reference</c> keeps. Its rows are counted apart from the privacy figures,
    /// which are about what a model wrote. (A table whose learned columns hold a few common values, an order line's
    /// quantity of 1, matches everywhere by chance and stays in the figures.) Only a table of a lookup's size
    /// (<see cref="MultiTable.ReferenceOptions.MaxRows"/>, the size automatic detection copies): a bigger table copied is
    /// what the figures are there to catch, whoever copied it.
    /// </summary>
    public bool IsCopyOfReal =>
        SyntheticHasTable && SyntheticCounts.Rows > 0 && SyntheticCounts.Rows <= RealCounts.Rows && RealCounts.Rows <= MultiTable.ReferenceOptions.Default.MaxRows
        && Rows?.ExactMatches.FirstOrDefault(m => m.Kind == TupleSpec.Learned) is { Error: null, NewRowRate: < 0.5 } learned
        && learned.SyntheticRows == SyntheticCounts.Rows && learned.Matches == learned.SyntheticRows;

    public List<string> Notes { get; } = [];

    public bool IsMissing(string column) => !SyntheticHasTable || !Syntheticcolumns.Contains(column);

    private HashSet<string> Syntheticcolumns { get; } = new(StringComparer.Ordinal);

    /// <summary>Data Validity rows of single columns (bounds, categories, single-column keys), by column, put in column order at the end.</summary>
    private readonly Dictionary<string, ValidityDetail> _columnValidity = new(StringComparer.Ordinal);

    public static async Task<TableEvaluation> RunAsync(
        ScoredTable table, EvaluationMetadata metadata, IEvaluationSource real, IEvaluationSource synthetic, EvaluationOptions options,
        EvaluationRequest request, CancellationToken cancellationToken)
    {
        var evaluation = new TableEvaluation(table, synthetic.HasTable(table.Name));
        evaluation.FindSyntheticColumns(synthetic);
        await evaluation.CountAsync(real, synthetic, cancellationToken).ConfigureAwait(false);

        var keys = KeyColumns.Of(table, metadata.Relationships);
        var tuples = Tuples(table, keys);
        await evaluation.ColumnPassesAsync(tuples, real, synthetic, options, request, cancellationToken).ConfigureAwait(false);
        evaluation.ColumnFigures(options);
        var composite = await evaluation.KeyFiguresAsync(synthetic, cancellationToken).ConfigureAwait(false);
        evaluation.Validity.AddRange(table.Columns.Where(c => evaluation._columnValidity.ContainsKey(c.Name)).Select(c => evaluation._columnValidity[c.Name]));
        evaluation.Validity.AddRange(composite);
        evaluation.Structure = evaluation.StructureOf(real, synthetic);
        evaluation.Rows = await TableRows.RunAsync(new TableRowsRequest(evaluation, tuples, keys, options, request), real, synthetic, cancellationToken).ConfigureAwait(false);
        return evaluation;
    }

    /// <summary>The columns the synthetic table has; the table, or each column, it lacks is listed in <see cref="Missing"/>.</summary>
    private void FindSyntheticColumns(IEvaluationSource synthetic)
    {
        if (!SyntheticHasTable)
        {
            Missing.Add(new MissingDetail(Table.Name, null, $"The synthetic data has no table {Table.Name}; its figures count as 0."));
            return;
        }

        foreach (var column in Table.Columns.Select(c => c.Name))
        {
            if (synthetic.HasColumn(Table.Name, column))
            {
                Syntheticcolumns.Add(column);
            }
            else
            {
                Missing.Add(new MissingDetail(Table.Name, column, $"Column {Table.Name}.{column} {MissingColumn}"));
            }
        }
    }

    /// <summary>Each side's rows and non-NULL cells per column, the two sources counting side by side.</summary>
    private async Task CountAsync(IEvaluationSource real, IEvaluationSource synthetic, CancellationToken cancellationToken)
    {
        var names = Table.Columns.Select(c => c.Name).ToList();
        var realCounts = real.CountAsync(Table.Name, names, cancellationToken);
        var syntheticCounts = SyntheticHasTable
            ? synthetic.CountAsync(Table.Name, names.Where(Syntheticcolumns.Contains).ToList(), cancellationToken)
            : Task.FromResult(new TableCounts(0, new Dictionary<string, long>()));
        (RealCounts, SyntheticCounts) = (await realCounts.ConfigureAwait(false), await syntheticCounts.ConfigureAwait(false));
    }

    /// <summary>One <see cref="ColumnPass"/> per modelled, PII or text column, in column order, kept in <see cref="Columns"/>.</summary>
    private async Task ColumnPassesAsync(
        List<TupleSpec> tuples, IEvaluationSource real, IEvaluationSource synthetic, EvaluationOptions options, EvaluationRequest request, CancellationToken cancellationToken)
    {
        var tupleColumns = tuples.SelectMany(t => t.Columns).ToHashSet(StringComparer.Ordinal);
        foreach (var column in Table.Columns.Where(c => ColumnKinds.IsModelable(c.SdType) || c.SdType is SdType.Pii or SdType.Text))
        {
            var columnRequest = new ColumnRequest(
                Table.Name, column, RealCounts.NonNull(column.Name), SyntheticCounts.NonNull(column.Name), options.RareCategoryK,
                Marginal: tupleColumns.Contains(column.Name), Plot: request.Plots && ColumnKinds.IsModelable(column.SdType));
            var outcome = await ColumnPass.RunAsync(columnRequest, real, synthetic, cancellationToken).ConfigureAwait(false);
            Columns[column.Name] = outcome;
            if (outcome.Note is { } note)
            {
                Notes.Add(note);
            }
        }
    }

    /// <summary>The learned columns (modelled, not keys) as one tuple, then the quasi-identifier combinations.</summary>
    private static List<TupleSpec> Tuples(ScoredTable table, ISet<string> keys)
    {
        var learned = table.Columns.Where(c => ColumnKinds.IsModelable(c.SdType) && !keys.Contains(c.Name)).Select(c => c.Name).ToList();
        var tuples = new List<TupleSpec>();
        if (learned.Count > 0)
        {
            tuples.Add(new TupleSpec(TupleSpec.Learned, learned));
        }

        tuples.AddRange(QuasiIdentifiers.Combinations(table, learned, keys).Select(c => new TupleSpec(TupleSpec.QuasiIdentifiers, c)));
        return tuples;
    }

    private void ColumnFigures(EvaluationOptions options)
    {
        foreach (var column in Table.Columns)
        {
            if (!Columns.TryGetValue(column.Name, out var outcome))
            {
                continue;
            }

            var missing = IsMissing(column.Name);
            var missingError = $"Column '{column.Name}' {MissingColumn}";
            if (ColumnKinds.IsModelable(column.SdType))
            {
                var metric = outcome.Continuous ? "KSComplement" : "TVComplement";
                Shapes.Add(missing
                    ? new ColumnShapeDetail(Table.Name, column.Name, metric, 0, missingError)
                    : new ColumnShapeDetail(Table.Name, column.Name, metric, Scores.Nullable(outcome.Shape), outcome.ShapeError));
                if (!(outcome.Continuous && string.Equals(column.Name, Table.SequenceIndex, StringComparison.Ordinal)))
                {
                    var validity = outcome.Continuous ? "BoundaryAdherence" : "CategoryAdherence";
                    _columnValidity[column.Name] = missing
                        ? new ValidityDetail(Table.Name, [column.Name], validity, 0, missingError)
                        : new ValidityDetail(Table.Name, [column.Name], validity, Scores.Nullable(outcome.Validity), null);
                }
            }

            if (column.SdType is SdType.Pii or SdType.Text && !missing && outcome.Categories is { } pii)
            {
                PiiLeaks.Add(new PiiLeakDetail(Table.Name, column.Name, column.SdType.ToString().ToLowerInvariant(), pii.SyntheticValues, pii.Found,
                    pii.SyntheticValues == 0 ? null : (double)pii.Found / pii.SyntheticValues,
                    column.PiiKind is { } kind ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()) : null,
                    pii.RareRows, options.RareCategoryK));
            }

            if (column.SdType == SdType.Categorical && !missing && outcome.Categories is { } rare)
            {
                RareLeaks.Add(new RareCategoryLeakDetail(Table.Name, column.Name, options.RareCategoryK, rare.RareCategories, rare.SyntheticValues, rare.RareRows,
                    rare.SyntheticValues == 0 ? null : (double)rare.RareRows / rare.SyntheticValues, rare.PublicRareRows));
            }
        }
    }

    /// <summary>
    /// KeyUniqueness of every key SDMetrics checks: single-column keys that are not modelled (kept by column), and
    /// composite keys as one tuple (returned, in key order).
    /// </summary>
    private async Task<List<ValidityDetail>> KeyFiguresAsync(IEvaluationSource synthetic, CancellationToken cancellationToken)
    {
        var composite = new List<ValidityDetail>();
        var keys = new List<IReadOnlyList<string>>();
        if (Table.PrimaryKey.Count > 0)
        {
            keys.Add(Table.PrimaryKey);
        }

        keys.AddRange(Table.AlternateKeys);
        var singles = keys.Where(k => k.Count == 1 && Table.IndexOf(k[0]) >= 0 && !ColumnKinds.IsModelable(Table.Columns[Table.IndexOf(k[0])].SdType)).Select(k => k[0]).ToHashSet(StringComparer.Ordinal);

        // In column order first (SDMetrics walks the columns), then the composite keys.
        var ordered = Table.Columns.Where(c => singles.Contains(c.Name)).Select(c => (IReadOnlyList<string>)[c.Name]).Concat(keys.Where(k => k.Count > 1));
        foreach (var key in ordered)
        {
            var missing = key.FirstOrDefault(IsMissing);
            ValidityDetail detail;
            if (missing is not null)
            {
                detail = new ValidityDetail(Table.Name, key, "KeyUniqueness", 0, $"Column '{missing}' {MissingColumn}");
            }
            else
            {
                detail = await KeyUniquenessAsync(synthetic, key, cancellationToken).ConfigureAwait(false);
            }

            if (key.Count == 1)
            {
                _columnValidity[key[0]] = detail;
            }
            else
            {
                composite.Add(detail);
            }
        }

        return composite;
    }

    private async Task<ValidityDetail> KeyUniquenessAsync(IEvaluationSource synthetic, IReadOnlyList<string> key, CancellationToken cancellationToken)
    {
        var rows = SyntheticCounts.Rows;
        double? score = null;
        if (rows > 0)
        {
            var repeated = await synthetic.RepeatedKeysAsync(Table.Name, key, cancellationToken).ConfigureAwait(false);
            score = 1.0 - ((double)repeated / rows);
        }

        return new ValidityDetail(Table.Name, key, "KeyUniqueness", score, null);
    }

    private StructureDetail StructureOf(IEvaluationSource real, IEvaluationSource synthetic)
    {
        var realDtypes = Table.Columns.Select(c => (c.Name, Dtype: Dtype(real, c, RealCounts, Columns.GetValueOrDefault(c.Name)?.Real))).ToList();

        // The synthetic frame has the columns the clone has; the metadata only tells a datetime column, which SDMetrics parses.
        var syntheticDtypes = Table.Columns.Where(c => !IsMissing(c.Name))
            .Select(c => (c.Name, Dtype: Dtype(synthetic, c, SyntheticCounts, Columns.GetValueOrDefault(c.Name)?.Synthetic)))
            .ToList();
        var score = TableStructure.Compute(realDtypes, syntheticDtypes);
        return new StructureDetail(
            Table.Name,
            Scores.Nullable(score),
            realDtypes.ToDictionary(x => x.Name, x => x.Dtype, StringComparer.Ordinal),
            syntheticDtypes.ToDictionary(x => x.Name, x => x.Dtype, StringComparer.Ordinal));
    }

    private string Dtype(IEvaluationSource source, EvaluationColumn column, TableCounts counts, SideProfile? profile)
    {
        if (profile is not null)
        {
            return profile.Dtype.Result(profile.Nulls > 0, column.SdType);
        }

        var values = counts.NonNull(column.Name);
        return PandasDtype.OfType(source.CellType(Table.Name, column.Name), counts.Rows > values, values > 0, column.SdType);
    }
}
