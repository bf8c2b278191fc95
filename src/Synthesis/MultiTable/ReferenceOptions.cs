using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How reference tables are chosen (<c>--reference-tables auto|none|&lt;globs&gt;</c>): automatically
/// (default), never, or exactly the tables the globs name. Every property documents its default.
/// </summary>
public sealed class ReferenceOptions
{
    /// <summary>Decide automatically. Default true; false with <c>none</c> or with globs.</summary>
    public bool Automatic { get; init; } = true;

    /// <summary>Table name globs (<c>*</c>, <c>?</c>) of the tables to copy verbatim; empty by default.</summary>
    public IReadOnlyList<string> Globs { get; init; } = [];

    /// <summary>Most rows a reference table has. Default 1,000.</summary>
    public long MaxRows { get; init; } = 1_000;

    /// <summary>Most rows a reference table with a numeric (non-key) column has. Default 50.</summary>
    public long MaxRowsWithNumbers { get; init; } = 50;

    public static ReferenceOptions Default { get; } = new();

    /// <summary>Reads <c>auto</c>, <c>none</c> or a comma-separated list of globs; an error names what was wrong.</summary>
    public static ReferenceOptions Parse(string? text)
    {
        var value = text?.Trim() ?? "auto";
        return value.ToLowerInvariant() switch
        {
            "" or "auto" => new ReferenceOptions(),
            "none" => new ReferenceOptions { Automatic = false },
            _ => new ReferenceOptions
            {
                Automatic = false,
                Globs = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            },
        };
    }

    /// <summary>
    /// The schema with this choice set as the user's word on each table (<see cref="TableSchema.ReferenceOverride"/>, which the fit
    /// honours): <c>none</c> generates every table, globs copy exactly the tables they name; automatic leaves the schema (and what a
    /// metadata file said) as it is. Globs that name no table are an <see cref="ArgumentException"/> (a typo would copy nothing).
    /// </summary>
    public DatabaseSchema ApplyTo(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (Automatic) return schema;
        if (Globs.Count > 0 && !schema.Tables.Any(t => Explicit(t.Name) == true))
            throw new ArgumentException($"{string.Join(",", Globs)} names no table of the source; give table names or globs (Genre,Media*), auto or none.");
        return schema with { Tables = schema.Tables.Select(t => t with { ReferenceOverride = Explicit(t.Name) ?? false }).ToList() };
    }

    /// <summary>True where the globs name the table, null where they say nothing (automatic) or do not name it and the choice is automatic.</summary>
    public bool? Explicit(QualifiedName table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Globs.Count == 0) return null;
        return Globs.Any(g => Matches(g, table.Name) || Matches(g, table.ToString())) ? true : false;
    }

    private static bool Matches(string glob, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
