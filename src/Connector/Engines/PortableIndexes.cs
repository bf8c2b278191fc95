using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Indexes carried to another engine. A plain index over whole columns goes as it is (its partial
/// predicate, the source's SQL, is left to the writers); a spatial index (MySQL SPATIAL, PostGIS
/// gist) and a full-text one (MySQL FULLTEXT, PostgreSQL gin over a tsvector) are marked with the
/// neutral definition <see cref="Spatial"/> or <see cref="FullText"/> for the target to build its own
/// kind; an expression index, or one over values the target indexes differently (json, arrays,
/// ranges, xml), is dropped with a warning.
/// </summary>
internal static class PortableIndexes
{
    public const string Spatial = "SPATIAL";
    public const string FullText = "FULLTEXT";

    /// <summary>The warning for a unique index built as a plain one because the synthetic rows repeat one of its keys.</summary>
    public static string NotUniqueWarning(IndexSchema index, TableSchema table) =>
        $"Unique index {index.Name} on {table.Name} is created as a plain index: the synthetic rows repeat a key it forbids (a unique index over an expression or over part of the rows is not one the sampler keeps unique).";

    public static IReadOnlyList<IndexSchema> ToTarget(TableSchema table, DatabaseEngine target, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(warnings);
        var partial = EngineAdapters.For(target).Dialect.HasPartialIndexes;
        var result = new List<IndexSchema>();
        foreach (var index in table.Indexes)
        {
            var columns = index.Columns.Select(table.FindColumn).ToList();
            if (columns.Count == 0 || columns.Any(c => c is null))
            {
                warnings.Add($"Index {index.Name} on {table.Name} indexes an expression of the source's SQL; it is not created on {target}.");
                continue;
            }
            var definition = index.Definition ?? "";
            if (definition.StartsWith("SPATIAL", StringComparison.OrdinalIgnoreCase)
                || (definition.Contains("USING gist", StringComparison.OrdinalIgnoreCase) && columns.All(c => c!.LogicalType == LogicalType.Spatial)))
            {
                result.Add(index with { Definition = Spatial, Filter = null });
                continue;
            }
            if (definition.StartsWith("FULLTEXT", StringComparison.OrdinalIgnoreCase)
                || (definition.Contains("USING gin", StringComparison.OrdinalIgnoreCase) && columns.All(c => IsTsVector(c!))))
            {
                result.Add(index with { Definition = FullText, Filter = null });
                continue;
            }
            var odd = columns.FirstOrDefault(c => c!.LogicalType is LogicalType.Json or LogicalType.Array or LogicalType.Range or LogicalType.Xml
                or LogicalType.Spatial or LogicalType.Other or LogicalType.Bit);
            var method = definition.Contains("USING gin", StringComparison.OrdinalIgnoreCase) || definition.Contains("USING gist", StringComparison.OrdinalIgnoreCase)
                || definition.Contains("USING hash", StringComparison.OrdinalIgnoreCase) || definition.Contains("USING brin", StringComparison.OrdinalIgnoreCase);
            if (odd is not null || method)
            {
                warnings.Add($"Index {index.Name} on {table.Name} is not created on {target}: it indexes {odd?.NativeType ?? "its columns"} in a way ({(method ? "a gin, gist, hash or brin index" : "a plain index")}) that {target} does not have.");
                continue;
            }
            // A partial index's predicate, where it is of the common forms, in the target's SQL (where the target has partial indexes).
            var filter = index.Filter is { } predicate && partial ? PortableChecks.Translate(predicate, table, target) : null;
            if (index.Filter is not null && filter is null)
            {
                // On all rows a partial unique index would refuse rows its predicate let through: it is kept as a plain index.
                warnings.Add($"Partial index {index.Name} on {table.Name} is created on all rows{(index.IsUnique ? ", not unique" : "")}: "
                    + (partial ? "its predicate is the source's SQL." : $"{target} has no partial indexes."));
            }
            result.Add(index with { Definition = null, Filter = filter, IsUnique = index.IsUnique && (index.Filter is null || filter is not null) });
        }
        return result;
    }

    /// <summary>True for a neutral spatial or full-text index: its columns keep their own types, never a key-sized one.</summary>
    public static bool IsSpecial(IndexSchema index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Definition is { } d && (d.StartsWith(Spatial, StringComparison.OrdinalIgnoreCase) || d.StartsWith(FullText, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsTsVector(ColumnSchema column) => column.NativeType.Trim().Equals("tsvector", StringComparison.OrdinalIgnoreCase);
}
