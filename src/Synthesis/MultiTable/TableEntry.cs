using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// One table of a database model: its fitted model, its source row count, the children-per-parent
/// distributions of its non-primary foreign keys, and, for a reference table, its rows (copied verbatim).
/// </summary>
public sealed record TableEntry
{
    public required QualifiedName Table { get; init; }

    public required TableModel Model { get; init; }

    /// <summary>Rows the source table had when fitted.</summary>
    public required long SourceRows { get; init; }

    /// <summary>Children per parent, by <see cref="KeyOf"/> of each secondary, tree or deferred foreign key.</summary>
    public IReadOnlyDictionary<string, CountDistribution> Counts { get; init; } = new Dictionary<string, CountDistribution>();

    /// <summary>A reference table, copied verbatim (see <see cref="ReferenceTables"/>).</summary>
    public bool IsReference { get; init; }

    /// <summary>Why the table is or is not a reference table.</summary>
    public string RoleReason { get; init; } = string.Empty;

    /// <summary>Child columns equal to a column of a parent (primary or secondary) in the source, copied from the synthetic parent.</summary>
    public IReadOnlyList<ColumnEquality> Equalities { get; init; } = [];

    /// <summary>A reference table's rows, each cell as invariant text (null for NULL), in the table's column order.</summary>
    public IReadOnlyList<string?[]> ReferenceRows { get; init; } = [];

    /// <summary>A stable name for a foreign key within its table.</summary>
    public static string KeyOf(ForeignKeySchema foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);
        return $"{string.Join(",", foreignKey.Columns)}->{foreignKey.PrincipalTable}({string.Join(",", foreignKey.PrincipalColumns)})";
    }
}
