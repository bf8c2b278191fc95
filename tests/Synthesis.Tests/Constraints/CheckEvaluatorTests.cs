using System.Globalization;
using Sdv.Connector.Synthesis.Constraints;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Constraints;

/// <summary>
/// A parsed CHECK on rows of canonical values, with SQL's three-valued logic: TRUE, FALSE or unknown (null),
/// and a CHECK holds unless it is FALSE.
/// </summary>
public sealed class CheckEvaluatorTests
{
    /// <summary>The row's columns and the canonical type each holds: a decimal, a long, a double, text, a date, a timestamp, a boolean.</summary>
    private static readonly string[] Columns = ["n", "i", "f", "s", "d", "t", "b"];

    [Theory]
    // Numbers: exact against exact, a double against a decimal literal, a number against a quoted one, two columns.
    [InlineData("n > 0", "n=5", true)]
    [InlineData("n > 0", "n=0", false)]
    [InlineData("n > 0", "", null)]
    [InlineData("n > (0)::numeric", "n=-1", false)]
    [InlineData("n >= 1.5", "n=1.5", true)]
    [InlineData("n = 1.5", "n=1.50", true)]
    [InlineData("i = 3", "i=3", true)]
    [InlineData("i <> 3", "i=3", false)]
    [InlineData("i < 3", "i=2", true)]
    [InlineData("i <= 3", "i=4", false)]
    [InlineData("f < 0.1", "f=0.05", true)]
    [InlineData("f > 0.1", "f=0.05", false)]
    [InlineData("n > '-5'::integer", "n=-4", true)]
    [InlineData("n > '-5'::integer", "n=-6", false)]
    [InlineData("n > 'abc'", "n=1", null)]
    [InlineData("i < n", "i=2;n=2.5", true)]
    [InlineData("i < n", "i=2", null)]
    // Text: ordinal, so case counts.
    [InlineData("s = 'a'", "s=a", true)]
    [InlineData("s = 'a'", "s=A", false)]
    [InlineData("s < 'b'", "s=a", true)]
    [InlineData("s < 'b'", "s=B", true)]
    [InlineData("s = 'it''s'", "s=it's", true)]
    [InlineData("s <> ''", "s=", false)]
    // IN: a NULL operand, or no match with a NULL in the list, is unknown.
    [InlineData("s IN ('a', 'b')", "s=b", true)]
    [InlineData("s IN ('a', 'b')", "s=c", false)]
    [InlineData("s IN ('a', 'b')", "", null)]
    [InlineData("s NOT IN ('a', 'b')", "s=c", true)]
    [InlineData("s NOT IN ('a', 'b')", "s=a", false)]
    [InlineData("s NOT IN ('a', 'b')", "", null)]
    [InlineData("i IN (1, 2, 3)", "i=2", true)]
    [InlineData("i IN (1, 2, 3)", "i=4", false)]
    [InlineData("s IN ('a', NULL)", "s=a", true)]
    [InlineData("s IN ('a', NULL)", "s=c", null)]
    [InlineData("s NOT IN ('a', NULL)", "s=c", null)]
    [InlineData("(s = ANY (ARRAY['a', 'b']))", "s=a", true)]
    [InlineData("(s <> ALL (ARRAY['a', 'b']))", "s=a", false)]
    // BETWEEN: inclusive; unknown only when a NULL bound leaves it undecided.
    [InlineData("n BETWEEN 1 AND 10", "n=1", true)]
    [InlineData("n BETWEEN 1 AND 10", "n=10", true)]
    [InlineData("n BETWEEN 1 AND 10", "n=10.01", false)]
    [InlineData("n BETWEEN 1 AND 10", "n=0.99", false)]
    [InlineData("n BETWEEN 1 AND 10", "", null)]
    [InlineData("n NOT BETWEEN 1 AND 10", "n=0", true)]
    [InlineData("n NOT BETWEEN 1 AND 10", "n=5", false)]
    [InlineData("n BETWEEN -10 AND -1", "n=-5", true)]
    [InlineData("n BETWEEN i AND 10", "n=5", null)]
    [InlineData("n BETWEEN i AND 10", "n=11", false)]
    [InlineData("n BETWEEN 1 AND i", "n=0", false)]
    // IS [NOT] NULL is never unknown.
    [InlineData("n IS NULL", "", true)]
    [InlineData("n IS NULL", "n=1", false)]
    [InlineData("n IS NOT NULL", "", false)]
    [InlineData("n IS NOT NULL", "n=0", true)]
    // AND, OR, NOT with unknowns.
    [InlineData("n > 0 AND s = 'a'", "n=1;s=a", true)]
    [InlineData("n > 0 AND s = 'a'", "n=1", null)]
    [InlineData("n > 0 AND s = 'a'", "n=-1", false)]
    [InlineData("n > 0 AND s = 'a'", "s=b", false)]
    [InlineData("n > 0 OR s = 'a'", "s=a", true)]
    [InlineData("n > 0 OR s = 'a'", "s=b", null)]
    [InlineData("n > 0 OR s = 'a'", "n=-1;s=b", false)]
    [InlineData("NOT n > 0", "", null)]
    [InlineData("NOT n > 0", "n=1", false)]
    [InlineData("NOT n > 0", "n=-1", true)]
    [InlineData("n IS NULL OR n > 0", "n=-1", false)]
    [InlineData("n IS NULL OR n > 0", "", true)]
    // Booleans: a bare column, TRUE/FALSE, SQL Server's bit against 1, text spellings.
    [InlineData("b", "b=true", true)]
    [InlineData("b", "b=false", false)]
    [InlineData("b", "", null)]
    [InlineData("NOT b", "b=false", true)]
    [InlineData("b = TRUE", "b=true", true)]
    [InlineData("b = FALSE", "b=true", false)]
    [InlineData("b = 1", "b=true", true)]
    [InlineData("b = 0", "b=true", false)]
    [InlineData("b = 't'", "b=true", true)]
    [InlineData("b = 'maybe'", "b=true", null)]
    [InlineData("i", "i=0", false)]
    [InlineData("n", "n=2", true)]
    // Dates and timestamps against quoted literals, and against each other.
    [InlineData("d >= '2020-01-01'", "d=2020-06-30", true)]
    [InlineData("d >= '2020-01-01'", "d=2019-12-31", false)]
    [InlineData("d >= '2020-01-01'::date", "d=2020-01-01", true)]
    [InlineData("d BETWEEN '2020-01-01' AND '2020-12-31'", "d=2021-01-01", false)]
    [InlineData("d >= 'not a date'", "d=2020-01-01", null)]
    [InlineData("t < '2030-01-01 00:00:00'", "t=2029-12-31T23:59:59", true)]
    [InlineData("t < '2030-01-01 00:00:00'", "t=2030-01-01T00:00:00", false)]
    [InlineData("d <= t", "d=2020-01-01;t=2020-01-01T12:00:00", true)]
    [InlineData("d <= t", "d=2020-01-02;t=2020-01-01T12:00:00", false)]
    [InlineData("t >= d", "d=2020-01-02;t=2020-01-01T12:00:00", false)]
    [InlineData("d = t", "d=2020-01-01;t=2020-01-01T00:00:00", true)]
    public void Evaluates_with_three_valued_logic(string expression, string row, bool? expected)
    {
        var node = Bound(expression);
        var values = Row(row);

        Assert.Equal(expected, CheckEvaluator.Evaluate(node, values));
        Assert.Equal(expected != false, CheckEvaluator.Holds(node, values));
    }

    [Theory]
    [InlineData(1L, 2.5, -1)]
    [InlineData(3L, 3L, 0)]
    [InlineData(0.3, 0.1, 1)]
    [InlineData("b", "a", 1)]
    [InlineData("a", "a", 0)]
    [InlineData("A", "a", -1)]
    [InlineData(true, false, 1)]
    [InlineData(true, 1L, 0)]
    [InlineData("2", 10L, -1)]
    [InlineData(10L, "2", 1)]
    [InlineData("x", 1L, null)]
    [InlineData(null, 1L, null)]
    [InlineData(1L, null, null)]
    public void Compare_orders_mixed_canonical_values(object? a, object? b, int? expected) =>
        Assert.Equal(expected, CheckEvaluator.Compare(a is double x ? (decimal)x : a, b is double y ? (decimal)y : b));

    [Fact]
    public void Compare_orders_doubles_against_decimals_and_text_against_numbers()
    {
        Assert.Equal(-1, CheckEvaluator.Compare(0.1, 0.2m));
        Assert.Equal(1, CheckEvaluator.Compare(0.2m, 0.1));
        Assert.Null(CheckEvaluator.Compare(double.NaN, 1m));
        Assert.Equal(0, CheckEvaluator.Compare("2020-01-01", new DateOnly(2020, 1, 1)));
        Assert.Equal(-1, CheckEvaluator.Compare(new DateOnly(2020, 1, 1), "2020-01-02"));
    }

    [Fact]
    public void An_unbound_column_reads_as_NULL()
    {
        var node = CheckParser.Parse("n > 0");

        Assert.Null(CheckEvaluator.Evaluate(node, [5m]));
        Assert.True(CheckEvaluator.Holds(node, [5m]));
    }

    /// <summary>Parses and binds each column to its position in <see cref="Columns"/>, as the model does.</summary>
    private static CheckNode Bound(string expression)
    {
        var node = CheckParser.Parse(expression);
        foreach (var column in node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
        {
            column.Index = Array.IndexOf(Columns, column.Name);
            Assert.True(column.Index >= 0, $"Column {column.Name} is not one of the row's.");
        }

        return node;
    }

    /// <summary>A row from "n=5;s=a": each named column in its canonical type, the others NULL.</summary>
    private static object?[] Row(string spec)
    {
        var row = new object?[Columns.Length];
        foreach (var cell in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, text) = (cell[..cell.IndexOf('=', StringComparison.Ordinal)], cell[(cell.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            row[Array.IndexOf(Columns, name)] = name switch
            {
                "n" => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                "i" => long.Parse(text, CultureInfo.InvariantCulture),
                "f" => double.Parse(text, CultureInfo.InvariantCulture),
                "s" => text,
                "d" => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                "t" => DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                "b" => bool.Parse(text),
                _ => throw new ArgumentException($"No column {name}.", nameof(spec)),
            };
        }

        return row;
    }
}
