using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Reports;

/// <summary>The line that tells a user which tables a fit will copy verbatim (reference tables) and how to choose otherwise.</summary>
internal static class ReferenceTablesLine
{
    /// <summary>"copied verbatim as reference tables: ..." or null when there is none.</summary>
    public static string? Of(DatabaseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var copied = model.Tables.Where(static t => t.IsReference).Select(static t => t.Table.ToString()).ToList();
        return copied.Count == 0 ? null
            : $"copied verbatim as reference tables (small lookups other tables point at, no personal data): {string.Join(", ", copied)}; `--reference-tables none` generates them too";
    }
}
