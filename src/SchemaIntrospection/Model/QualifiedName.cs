namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A table, view or type name with its schema; <see cref="Schema"/> is null where the engine has none (SQLite).</summary>
public sealed record QualifiedName(string? Schema, string Name)
{
    /// <summary>Ordinal order, schema first: the one order every graph walk and output uses.</summary>
    public static IComparer<QualifiedName> Order { get; } = Comparer<QualifiedName>.Create(static (a, b) =>
    {
        var bySchema = string.CompareOrdinal(a.Schema ?? string.Empty, b.Schema ?? string.Empty);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(a.Name, b.Name);
    });

    /// <summary>For messages only: never use it to build SQL (identifiers are quoted by the engine).</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
