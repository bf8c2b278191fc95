using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// A generated column's expression carried to another engine where it is plain arithmetic over the
/// table's columns and numbers (<c>(amount * 0.2)</c>, <c>`price` * `qty`</c>, <c>a + b - 1</c>): any
/// engine's identifier quoting and PostgreSQL casts are read, and the expression is written again in
/// the target's quoting. A function call, a string, a concatenation or anything else is not portable.
/// </summary>
internal static class PortableExpressions
{
    /// <summary>Column annotation: the column's <see cref="ColumnSchema.GeneratedSql"/> is already in the target's SQL.</summary>
    public const string TranslatedAnnotation = "sdv:generated-translated";

    public static string? Translate(string expression, TableSchema table, ISqlDialect target)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(target);
        var output = new StringBuilder();
        var i = 0;
        var depth = 0;
        var operands = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')')
            {
                depth += c == '(' ? 1 : -1;
                if (depth < 0) return null;
                output.Append(c);
                i++;
                continue;
            }
            if (c is '+' or '-' or '*' or '/')
            {
                output.Append(' ').Append(c).Append(' ');
                i++;
                continue;
            }
            if (c == ':' && i + 1 < expression.Length && expression[i + 1] == ':')
            {
                // A PostgreSQL cast: its type name (and modifiers) is dropped.
                i += 2;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is ' ' or '_')) i++;
                if (i < expression.Length && expression[i] == '(')
                {
                    while (i < expression.Length && expression[i] != ')') i++;
                    i++;
                }
                continue;
            }
            if (char.IsDigit(c) || c == '.')
            {
                var start = i;
                while (i < expression.Length && (char.IsDigit(expression[i]) || expression[i] == '.')) i++;
                if (!decimal.TryParse(expression.AsSpan(start, i - start), NumberStyles.Number, CultureInfo.InvariantCulture, out _)) return null;
                output.Append(expression, start, i - start);
                operands++;
                continue;
            }
            string name;
            if (c is '"' or '`' or '[')
            {
                var close = c == '[' ? ']' : c;
                var end = expression.IndexOf(close, i + 1);
                if (end < 0) return null;
                name = expression[(i + 1)..end];
                i = end + 1;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                name = expression[start..i];
                var next = i;
                while (next < expression.Length && char.IsWhiteSpace(expression[next])) next++;
                if (next < expression.Length && expression[next] == '(') return null;
            }
            else
            {
                return null;
            }
            var column = table.FindColumn(name) ?? table.Columns.FirstOrDefault(col => string.Equals(col.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column is null || column.GeneratedSql is not null) return null;
            output.Append(target.Quote(column.Name));
            operands++;
        }
        return depth == 0 && operands > 0 ? output.ToString().Trim() : null;
    }
}
