using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>One table of a database model: its fitted model, its source row count, and the children-per-parent distributions of its non-primary foreign keys.</summary>
public sealed record TableEntry
{
    public required QualifiedName Table { get; init; }

    public required TableModel Model { get; init; }

    /// <summary>Rows the source table had when fitted.</summary>
    public required long SourceRows { get; init; }

    /// <summary>Children per parent, by <see cref="KeyOf"/> of each secondary, tree or deferred foreign key.</summary>
    public IReadOnlyDictionary<string, CountDistribution> Counts { get; init; } = new Dictionary<string, CountDistribution>();

    /// <summary>A stable name for a foreign key within its table.</summary>
    public static string KeyOf(ForeignKeySchema foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);
        return $"{string.Join(",", foreignKey.Columns)}->{foreignKey.PrincipalTable}({string.Join(",", foreignKey.PrincipalColumns)})";
    }
}
