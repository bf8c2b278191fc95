using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Engines;

/// <summary>
/// CHECK constraints carried to another engine: the common forms (comparisons, IN lists and
/// PostgreSQL's = ANY (ARRAY[...]), BETWEEN, IS [NOT] NULL, AND/OR/NOT over columns and literals)
/// are read with the same parser the models use and written again in the target's quoting; an
/// expression that calls a function or uses another construct stays behind, with a warning.
/// </summary>
internal static class PortableChecks
{
    public static IReadOnlyList<CheckConstraintSchema> ToTarget(TableSchema table, DatabaseEngine source, DatabaseEngine target, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(warnings);
        var result = new List<CheckConstraintSchema>();
        foreach (var check in table.CheckConstraints)
        {
            if (Translate(check.Expression, table, target) is not { } printed)
            {
                warnings.Add($"CHECK {check.Name ?? check.Expression} on {table.Name} is not recreated on {target}: its SQL is {source}'s (the synthetic rows still satisfy it).");
                continue;
            }
            // Names are dropped: MySQL keeps check names unique per database, and another engine's may repeat.
            result.Add(new CheckConstraintSchema(null, printed));
        }
        return result;
    }

    /// <summary>Whether the sampler reads <paramref name="expression"/> (and so writes only rows that meet it).</summary>
    public static bool IsUnderstood(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            CheckParser.Parse(BodyOf(expression));
            return true;
        }
        catch (CheckParseException)
        {
            return false;
        }
    }

    /// <summary>A CHECK's boolean expression without the keyword CHECK the catalog may print before it.</summary>
    public static string BodyOf(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        return trimmed.StartsWith("CHECK", StringComparison.OrdinalIgnoreCase) && trimmed.Length > 5 && !char.IsLetterOrDigit(trimmed[5]) && trimmed[5] != '_'
            ? trimmed[5..].Trim()
            : trimmed;
    }

    /// <summary>A boolean expression of the common forms over the table's columns, in the target's SQL; null where it is not one.</summary>
    public static string? Translate(string expression, TableSchema table, DatabaseEngine target)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            var node = CheckParser.Parse(expression);
            if (!node.Descendants().All(n => n.Kind != CheckNodeKind.Column || table.FindColumn(n.Name!) is not null)) return null;
            return Print(Numbers(node, table), EngineAdapters.For(target).Dialect, target);
        }
        catch (CheckParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Text literals compared with a number column, as numbers: PostgreSQL prints a money literal as <c>'$0.00'::money</c>,
    /// which the parser reads as the text '$0.00'; written as text elsewhere, MariaDB refuses every row ("Truncated
    /// incorrect DECIMAL value"). A literal that is no number makes the check not portable.
    /// </summary>
    private static CheckNode Numbers(CheckNode node, TableSchema table)
    {
        var children = node.Children.Select(c => Numbers(c, table)).ToList();
        if (node.Kind is CheckNodeKind.Compare or CheckNodeKind.In or CheckNodeKind.Between
            && children.Any(c => c.Kind == CheckNodeKind.Column && table.FindColumn(c.Name!) is { } column && ValueKinds.Of(column.LogicalType) is ValueKind.Integer or ValueKind.Decimal or ValueKind.Double))
        {
            children = children.Select(c => c.Value is string text ? new CheckNode { Kind = c.Kind, Value = NumberOf(text) } : c).ToList();
        }
        return new CheckNode { Kind = node.Kind, Children = children, Operator = node.Operator, Negated = node.Negated, Name = node.Name, Value = node.Value };
    }

    private static decimal NumberOf(string text)
    {
        var digits = text.Trim().Replace(",", "", StringComparison.Ordinal).TrimStart('$', '€', '£', '¥', ' ');
        var negative = digits.StartsWith('-') || (digits.StartsWith('(') && digits.EndsWith(')'));
        digits = digits.Trim('(', ')', '-').TrimStart('$', '€', '£', '¥', ' ');
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? negative ? -number : number
            : throw new CheckParseException($"'{text}' is not a number");
    }

    private static string Print(CheckNode node, ISqlDialect d, DatabaseEngine target) => node.Kind switch
    {
        CheckNodeKind.And => $"({Print(node.Children[0], d, target)} AND {Print(node.Children[1], d, target)})",
        CheckNodeKind.Or => $"({Print(node.Children[0], d, target)} OR {Print(node.Children[1], d, target)})",
        CheckNodeKind.Not => $"(NOT {Print(node.Children[0], d, target)})",
        CheckNodeKind.Compare => $"({Print(node.Children[0], d, target)} {node.Operator} {Print(node.Children[1], d, target)})",
        CheckNodeKind.IsNull => $"({Print(node.Children[0], d, target)} IS {(node.Negated ? "NOT " : "")}NULL)",
        CheckNodeKind.In => $"({Print(node.Children[0], d, target)} {(node.Negated ? "NOT " : "")}IN ({string.Join(", ", node.Children.Skip(1).Select(c => Print(c, d, target)))}))",
        CheckNodeKind.Between => $"({Print(node.Children[0], d, target)} {(node.Negated ? "NOT " : "")}BETWEEN {Print(node.Children[1], d, target)} AND {Print(node.Children[2], d, target)})",
        // LIKE reads the same everywhere; a regular expression is each engine's own dialect (and SQLite's and SQL Server's
        // have none), so it stays behind with the warning.
        CheckNodeKind.Match when node.Operator == "like" => $"({Print(node.Children[0], d, target)} {(node.Negated ? "NOT " : "")}LIKE {Print(node.Children[1], d, target)})",
        CheckNodeKind.Match => throw new CheckParseException("A regular expression is not carried to another engine."),
        // Arithmetic on a number another engine may store otherwise (SQLite keeps exact decimals as text) stays behind.
        CheckNodeKind.Function when node.Name is "round" or "abs" => throw new CheckParseException($"{node.Name}() is not carried to another engine."),
        CheckNodeKind.Function => $"{FunctionName(node.Name!, target)}({string.Join(", ", node.Children.Select(c => Print(c, d, target)))})",
        CheckNodeKind.Column => d.Quote(node.Name!),
        _ => node.Value switch
        {
            null => "NULL",
            bool b => d.BooleanLiteral(b),
            string s => d.ExpressionLiteral(s),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "NULL",
        },
    };

    /// <summary>A function's name in the target's SQL: a text's length in characters is length() in SQLite, LEN() in SQL Server.</summary>
    private static string FunctionName(string name, DatabaseEngine target) => name switch
    {
        "length" or "char_length" or "character_length" or "len" => target switch
        {
            DatabaseEngine.Sqlite => "length",
            DatabaseEngine.SqlServer => "LEN",
            _ => "char_length",
        },
        "lcase" => "lower",
        "ucase" => "upper",
        "btrim" => target == DatabaseEngine.SqlServer ? "TRIM" : "trim",
        _ => name,
    };
}
