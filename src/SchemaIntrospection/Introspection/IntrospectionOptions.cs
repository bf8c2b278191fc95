namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>What to read. Every property documents its default.</summary>
public sealed class IntrospectionOptions
{
    /// <summary>Schemas to read (PostgreSQL, SQL Server). Default: empty = every non-system schema.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>Table globs (<c>*</c>, <c>?</c>; matched against <c>name</c> and <c>schema.name</c>). Default: empty = all.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Table globs to leave out. Default: none.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Count rows exactly (a COUNT(*) per table) instead of the catalog's estimate. Default: false.</summary>
    public bool ExactRowCounts { get; init; }

    /// <summary>
    /// Infer primary and foreign keys from names and data where a table declares none (CSV folders,
    /// sources without constraints). Default: true (<c>--infer-keys auto</c>); false is <c>--infer-keys off</c>.
    /// </summary>
    public bool InferKeys { get; init; } = true;

    public static IntrospectionOptions Default { get; } = new();
}
