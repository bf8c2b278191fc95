using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Reports;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Which columns of a table are keys (primary, alternate, foreign, or of sdtype id): generated,
/// never learned, so they are left out when rows are compared for privacy.
/// </summary>
internal static class KeyColumns
{
    public static HashSet<string> Of(TablePair table, IReadOnlyList<RelationshipPair> relationships)
    {
        var keys = new HashSet<string>(table.Real.PrimaryKey, StringComparer.Ordinal);
        foreach (var key in table.Real.AlternateKeys)
        {
            keys.UnionWith(key);
        }

        foreach (var r in relationships.Where(r => ReferenceEquals(r.Child, table)))
        {
            keys.UnionWith(r.Relationship.ChildColumns);
        }

        keys.UnionWith(table.Real.Columns.Where(c => c.SdType == SdType.Id).Select(c => c.Name));
        return keys;
    }
}
