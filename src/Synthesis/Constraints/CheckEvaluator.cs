using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>
/// Evaluates a bound CHECK on a row with SQL's three-valued logic: a CHECK holds unless it is
/// FALSE, so a NULL operand lets it pass, as in the database.
/// </summary>
internal static class CheckEvaluator
{
    public static bool Holds(CheckNode node, object?[] row) => Evaluate(node, row) != false;

    public static bool? Evaluate(CheckNode node, object?[] row)
    {
        switch (node.Kind)
        {
            case CheckNodeKind.And:
            {
                var a = Evaluate(node.Children[0], row);
                if (a == false)
                {
                    return false;
                }

                var b = Evaluate(node.Children[1], row);
                return b == false ? false : a == true && b == true ? true : null;
            }

            case CheckNodeKind.Or:
            {
                var a = Evaluate(node.Children[0], row);
                if (a == true)
                {
                    return true;
                }

                var b = Evaluate(node.Children[1], row);
                return b == true ? true : a == false && b == false ? false : null;
            }

            case CheckNodeKind.Not:
                return !Evaluate(node.Children[0], row);
            case CheckNodeKind.IsNull:
                return (Value(node.Children[0], row) is null) != node.Negated;
            case CheckNodeKind.Compare:
            {
                var c = Compare(Value(node.Children[0], row), Value(node.Children[1], row));
                if (c is not { } order)
                {
                    return null;
                }

                return node.Operator switch
                {
                    "=" => order == 0,
                    "<>" => order != 0,
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    ">=" => order >= 0,
                    _ => null,
                };
            }

            case CheckNodeKind.In:
            {
                var value = Value(node.Children[0], row);
                if (value is null)
                {
                    return null;
                }

                bool? found = false;
                for (var i = 1; i < node.Children.Count; i++)
                {
                    var c = Compare(value, Value(node.Children[i], row));
                    if (c == 0)
                    {
                        found = true;
                        break;
                    }

                    if (c is null)
                    {
                        found = null;
                    }
                }

                return node.Negated ? !found : found;
            }

            case CheckNodeKind.Between:
            {
                var value = Value(node.Children[0], row);
                var low = Compare(value, Value(node.Children[1], row));
                var high = Compare(value, Value(node.Children[2], row));
                bool? inside = low is null || high is null ? (low < 0 || high > 0 ? false : null) : low >= 0 && high <= 0;
                return node.Negated ? !inside : inside;
            }

            case CheckNodeKind.Match:
            {
                if (Value(node.Children[0], row) is not { } value || node.Pattern is null) return null;
                var text = value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                return node.Pattern.IsMatch(text) != node.Negated;
            }

            default:
                return Value(node, row) switch
                {
                    null => null,
                    bool b => b,
                    long l => l != 0,
                    decimal m => m != 0,
                    _ => null,
                };
        }
    }

    private static object? Value(CheckNode node, object?[] row) => node.Kind switch
    {
        CheckNodeKind.Column => node.Index >= 0 ? row[node.Index] : null,
        CheckNodeKind.Literal => node.Value,
        CheckNodeKind.Function => CheckFunctions.Apply(node.Name!, [.. node.Children.Select(c => Value(c, row))]),
        _ => Evaluate(node, row),
    };

    /// <summary>Orders two values of possibly different canonical types; null when either is NULL or they cannot be compared.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        // A string literal against a typed value: read the literal as that type ('2020-01-01' vs a date).
        if (a is string sa && b is not string)
        {
            a = Coerce(sa, b);
        }
        else if (b is string sb && a is not string)
        {
            b = Coerce(sb, a);
        }

        if (a is null || b is null)
        {
            return null;
        }

        switch (a, b)
        {
            case (string x, string y): return string.CompareOrdinal(x, y) switch { < 0 => -1, > 0 => 1, _ => 0 };
            case (bool x, bool y): return x.CompareTo(y);
            case (bool x, _): return Compare(x ? 1m : 0m, b);
            case (_, bool y): return Compare(a, y ? 1m : 0m);
        }

        if (IsExact(a) && IsExact(b))
        {
            return ToDecimal(a).CompareTo(ToDecimal(b));
        }

        // A date against a timestamp: the date at midnight, as the engines compare them (a date's number is in days, a timestamp's in microseconds).
        (a, b) = (a, b) switch
        {
            (DateOnly x, DateTime) => (x.ToDateTime(TimeOnly.MinValue), b),
            (DateTime, DateOnly y) => (a, y.ToDateTime(TimeOnly.MinValue)),
            _ => (a, b),
        };

        var kindA = KindOf(a);
        var da = ScalarConverter.ToDouble(a, kindA);
        var db = ScalarConverter.ToDouble(b, KindOf(b));
        return double.IsNaN(da) || double.IsNaN(db) ? null : da.CompareTo(db);
    }

    private static bool IsExact(object v) => v is long or decimal or int;

    private static decimal ToDecimal(object v) => v switch { long l => l, int i => i, decimal m => m, _ => 0 };

    private static ValueKind KindOf(object v) => v switch
    {
        DateOnly => ValueKind.Date,
        DateTime => ValueKind.DateTime,
        DateTimeOffset => ValueKind.DateTimeOffset,
        TimeOnly => ValueKind.Time,
        TimeSpan => ValueKind.Interval,
        _ => ValueKind.Double,
    };

    private static object? Coerce(string literal, object like)
    {
        var kind = like switch
        {
            DateOnly => ValueKind.Date,
            DateTime => ValueKind.DateTime,
            DateTimeOffset => ValueKind.DateTimeOffset,
            TimeOnly => ValueKind.Time,
            TimeSpan => ValueKind.Interval,
            Guid => ValueKind.Guid,
            bool => ValueKind.Boolean,
            _ => ValueKind.Decimal,
        };
        try
        {
            return kind == ValueKind.Boolean
                ? literal is "1" or "t" or "true" or "TRUE" || (literal is "0" or "f" or "false" or "FALSE" ? false : throw new FormatException())
                : CellCodec.Canonical(literal, kind);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }
}
