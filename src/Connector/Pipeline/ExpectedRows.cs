using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The rows a table is expected to get when its sampling starts, for the progress view's total and time left:
/// a lookup copied whole, its source rows; a root, its source rows times the scale; a child, its source rows
/// times its parent's drawn rows over the parent's source rows (the parent is whole by then). An estimate: the
/// sampler draws each parent's children.
/// </summary>
internal static class ExpectedRows
{
    public static Func<QualifiedName, long?> Of(DatabaseModel model, double scale, DatabaseSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampler);
        return table =>
        {
            var entry = model.Tables.FirstOrDefault(t => t.Table.Equals(table));
            if (entry is null) return null;
            if (entry.IsReference) return entry.SourceRows;
            if (model.Plan.For(table).PrimaryParent is not { } primary) return (long)Math.Round(entry.SourceRows * scale, MidpointRounding.AwayFromZero);
            var parentSource = model.Entry(primary.PrincipalTable).SourceRows;
            var parentDrawn = sampler.RowCounts.GetValueOrDefault(primary.PrincipalTable);
            return parentSource == 0 ? 0 : (long)Math.Round(entry.SourceRows * (double)parentDrawn / parentSource);
        };
    }
}
