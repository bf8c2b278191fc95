namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// One side of an evaluation (the real data or the synthetic data) as the aggregates the metrics need,
/// so that a database can compute them where the data is: counts, sorted value counts per column,
/// projected rows, an inner join, children per parent, foreign key matches and repeated keys. Tables,
/// columns and relationships are named as in the scored metadata (<see cref="EvaluationMetadata"/>);
/// cells are canonical values (see <see cref="CellValues"/>).
/// </summary>
internal interface IEvaluationSource
{
    /// <summary>Whether this side has the table at all.</summary>
    bool HasTable(string table);

    /// <summary>Whether this side has the column (false when it lacks the table).</summary>
    bool HasColumn(string table, string column);

    /// <summary>
    /// Whether this side guarantees that no two rows share a value of the columns and none is NULL (a primary or unique
    /// key the database enforces on NOT NULL columns), so that a foreign key matches at most one row. False when it cannot
    /// tell: the callers then ask the aggregates instead of deriving them.
    /// </summary>
    bool IsUniqueKey(string table, IReadOnlyList<string> columns);

    /// <summary>The CLR type of the column's non-null canonical cells (object when they are of several types).</summary>
    Type CellType(string table, string column);

    /// <summary>The table's row count and the non-null count of each column given (columns this side lacks are left out).</summary>
    Task<TableCounts> CountAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    /// <summary>
    /// The distinct values of a column with their counts, in ascending order (numbers by value, text by
    /// code point), the NULL group anywhere in the stream. The order is the source's; the caller checks it
    /// and falls back to sorting in memory where it is not the canonical order.
    /// </summary>
    IAsyncEnumerable<ValueCount> ValuesAsync(string table, string column, CancellationToken cancellationToken);

    /// <summary>Every row of the table, projected on <paramref name="columns"/> in that order (a column this side lacks reads as NULL).</summary>
    IAsyncEnumerable<WeightedRow> RowsAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    /// <summary>
    /// The inner join of the relationship's child to its parent (foreign key = key; orphans, NULL keys and
    /// childless parents drop out, a parent repeats once per child): the parent columns, then the child columns.
    /// </summary>
    IAsyncEnumerable<WeightedRow> JoinAsync(EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns,
        CancellationToken cancellationToken);

    /// <summary>
    /// The smallest and largest value of each column of the same join (parent columns, then child columns), as
    /// canonical cells; null where a column has no value. A hint: the caller checks every value against it.
    /// </summary>
    Task<(object?[] Min, object?[] Max)> JoinRangeAsync(EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns,
        CancellationToken cancellationToken);

    /// <summary>Children per parent row as a histogram (number of children → parent rows), childless parents at 0; orphans and NULL keys left out.</summary>
    Task<IReadOnlyDictionary<long, long>> ChildCountsAsync(EvaluationRelationship relationship, CancellationToken cancellationToken);

    /// <summary>The child table's rows, those with a NULL in the foreign key, and those that match a parent row.</summary>
    Task<ForeignKeyCounts> ForeignKeyAsync(EvaluationRelationship relationship, CancellationToken cancellationToken);

    /// <summary>Rows whose key is all NULL or repeats an earlier row's key (NULLs equal NULLs), as SDMetrics' KeyUniqueness counts them.</summary>
    Task<long> RepeatedKeysAsync(string table, IReadOnlyList<string> key, CancellationToken cancellationToken);
}
