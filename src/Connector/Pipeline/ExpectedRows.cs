using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The rows a table is expected to get when its sampling starts, for the progress view's total and time left: a
/// lookup copied whole, its source rows (at the scale with --scale-reference below 1); any other table, its source
/// rows times the scale, as the sampler aims for. An estimate: the sampler draws each parent's children.
/// </summary>
internal static class ExpectedRows
{
    public static Func<QualifiedName, long?> Of(DatabaseModel model, ScaleOptions scale)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scale);
        return table =>
        {
            var entry = model.Tables.FirstOrDefault(t => t.Table.Equals(table));
            if (entry is null) return null;
            var scaled = (long)Math.Round(entry.SourceRows * scale.Factor, MidpointRounding.AwayFromZero);
            if (!entry.IsReference) return scaled;
            return scale.References && scale.Factor < 1 ? Math.Max(entry.SourceRows > 0 ? 1 : 0, scaled) : entry.SourceRows;
        };
    }
}
