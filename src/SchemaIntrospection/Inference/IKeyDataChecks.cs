using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Inference;

/// <summary>The questions key inference asks the data, answered by queries the source runs (nothing is read whole).</summary>
public interface IKeyDataChecks
{
    /// <summary>True where the columns hold no NULL and no two rows share their values.</summary>
    Task<bool> IsUniqueAsync(TableSchema table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    /// <summary>The child column's distinct non-null values and how many of them the parent's key lacks (an anti-join; sampled on a large child).</summary>
    Task<KeyEvidence> InclusionAsync(TableSchema child, string column, TableSchema parent, string parentColumn, string rule, CancellationToken cancellationToken);
}
