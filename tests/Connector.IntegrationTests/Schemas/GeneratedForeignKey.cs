namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>A foreign key of <see cref="GeneratedSchema"/>: its columns, the parent table (by name) and its key columns.</summary>
internal sealed record GeneratedForeignKey(IReadOnlyList<string> Columns, string Parent, IReadOnlyList<string> ParentColumns, bool Nullable)
{
    public static GeneratedForeignKey To(string parent, bool nullable = false, string? column = null) =>
        new([column ?? parent + "_id"], parent, ["id"], nullable);
}
