using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Which columns of a table are keys (primary, alternate, foreign, or of sdtype id): generated,
/// never learned, so they are left out when rows are compared for privacy.
/// </summary>
internal static class KeyColumns
{
    public static HashSet<string> Of(ScoredTable table, IReadOnlyList<EvaluationRelationship> relationships)
    {
        var keys = new HashSet<string>(table.PrimaryKey, StringComparer.Ordinal);
        foreach (var key in table.AlternateKeys)
        {
            keys.UnionWith(key);
        }

        foreach (var r in relationships.Where(r => string.Equals(r.ChildTable, table.Name, StringComparison.Ordinal)))
        {
            keys.UnionWith(r.ChildColumns);
        }

        keys.UnionWith(table.Columns.Where(c => c.SdType == SdType.Id).Select(c => c.Name));
        return keys;
    }
}
