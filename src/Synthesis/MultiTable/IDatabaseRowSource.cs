using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Where the multi-table fit reads its data: a source database (the Connector runs the SQL, so joins,
/// counts and averages are computed where the data are), read in several sessions at once. A session
/// is used by one read at a time.
/// </summary>
public interface IDatabaseRowSource
{
    /// <summary>Sessions that can read tables at the same time (at least 1), numbered from 0.</summary>
    int Sessions { get; }

    /// <summary>
    /// A session kept beside the tables' (numbered <see cref="Sessions"/>) for the statistics of relationships that the
    /// tables' fits do not need (equal values across a relationship), so the source counts them while the tables are read;
    /// null where there is none, and they are counted before the tables are read.
    /// </summary>
    int? StatisticsSession => null;

    /// <summary>
    /// Children per parent of <paramref name="foreignKey"/>, counted by the source: every parent row
    /// (those without children count 0), and the child rows whose key has a NULL.
    /// </summary>
    Task<RelationshipCounts> CountChildrenAsync(int session, ForeignKeySchema foreignKey, CancellationToken cancellationToken);

    /// <summary>
    /// For each pair (child column, parent column) of <paramref name="foreignKey"/>, over the child rows
    /// joined to their parent: how many have a non-null child value, and how many of those equal the parent's.
    /// </summary>
    Task<IReadOnlyList<(long NonNull, long Equal)>> CountEqualValuesAsync(int session, ForeignKeySchema foreignKey, IReadOnlyList<(string Child, string Parent)> pairs, CancellationToken cancellationToken);

    /// <summary>
    /// Over the child rows of <paramref name="foreignKey"/> where <paramref name="childColumn"/> and its parent's
    /// <paramref name="parentColumn"/> are both non-null (and, with <paramref name="unequalOnly"/>, differ): each distinct
    /// pair of values, as the source holds them, with how many rows have it. What a partial equality's other rows hold
    /// relative to the parent (<see cref="ValueRatios"/>), and how a child's date follows its parent's (<see cref="ValueOffsets"/>).
    /// </summary>
    Task<IReadOnlyList<(object Child, object Parent, long Rows)>> CountValuePairsAsync(int session, ForeignKeySchema foreignKey, string childColumn, string parentColumn,
        bool unequalOnly, CancellationToken cancellationToken);

    /// <summary>
    /// The rows of <paramref name="table"/> in a fixed order (its key), each its columns in order then
    /// the <paramref name="appended"/> columns (counts and averages as numbers, a parent's columns as
    /// the parent holds them; NULL where the row has no parent or no children).
    /// </summary>
    IAsyncEnumerable<object?[]> ReadAsync(int session, TableSchema table, IReadOnlyList<AppendedColumn> appended, CancellationToken cancellationToken);
}
