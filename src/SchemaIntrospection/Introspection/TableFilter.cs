using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>Applies <see cref="IntrospectionOptions"/>' schema list and include/exclude globs.</summary>
public sealed class TableFilter
{
    private readonly Regex[] _include;
    private readonly Regex[] _exclude;
    private readonly HashSet<string> _schemas;

    public TableFilter(IntrospectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _include = options.Include.Select(ToRegex).ToArray();
        _exclude = options.Exclude.Select(ToRegex).ToArray();
        _schemas = new HashSet<string>(options.Schemas, StringComparer.Ordinal);
    }

    public bool IncludesSchema(string? schema) => _schemas.Count == 0 || schema is null || _schemas.Contains(schema);

    public bool Includes(QualifiedName table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!IncludesSchema(table.Schema)) return false;
        if (_include.Length > 0 && !_include.Any(r => Matches(r, table))) return false;
        return !_exclude.Any(r => Matches(r, table));
    }

    private static bool Matches(Regex glob, QualifiedName table) =>
        glob.IsMatch(table.Name) || (table.Schema is not null && glob.IsMatch(table.Schema + "." + table.Name));

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
}
