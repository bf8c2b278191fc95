using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>
/// A PostgreSQL domain's CHECKs (<c>CREATE DOMAIN positive_int AS integer CHECK (VALUE &gt; 0)</c>) as CHECKs of the
/// column itself, VALUE named as the column. The fit holds them as the table's own (a domain's e-mail pattern is met, where
/// the target refused the first row before); on another engine, where the domain becomes its base type, they are carried
/// like the table's own (translated, or left behind with a warning), where before the domain's rule vanished silently.
/// </summary>
internal static partial class DomainChecks
{
    public static IReadOnlyList<CheckConstraintSchema> Of(TableSchema table, DatabaseSchema source)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(source);
        var result = new List<CheckConstraintSchema>();
        foreach (var column in table.Columns.Where(c => c.UserType is not null && !c.NativeType.EndsWith(']')))
        {
            if (source.UserTypes.FirstOrDefault(u => u.Name.Equals(column.UserType)) is not { BaseType: not null, Checks.Count: > 0 } domain) continue;
            var quoted = IdentifierQuoting.DoubleQuotes.Quote(column.Name);
            foreach (var check in domain.Checks)
            {
                var body = CheckKeyword().Replace(check.Trim(), "");
                result.Add(new CheckConstraintSchema(null, ValueWord().Replace(body, quoted)));
            }
        }
        return result;
    }

    [GeneratedRegex(@"^CHECK\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckKeyword();

    [GeneratedRegex(@"\bVALUE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueWord();
}
