using System.Globalization;
using Sdv.Connector.Synthesis.Constraints;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Constraints;

/// <summary>
/// CHECK texts as each engine prints them, in, and the tree they parse into, out. The tree is shown as
/// <see cref="Show"/> writes it: every predicate in parentheses, a column as {name}, a text literal in
/// quotes (unescaped), a number as its decimal, NULL, TRUE, FALSE.
/// </summary>
public sealed class CheckParserTests
{
    [Theory]
    // Comparisons: every operator, both spellings of = and <>, a literal on either side, two columns.
    [InlineData("price > 0", "({price} > 0)")]
    [InlineData("price >= 0", "({price} >= 0)")]
    [InlineData("price < 100", "({price} < 100)")]
    [InlineData("price <= 100", "({price} <= 100)")]
    [InlineData("price = 7", "({price} = 7)")]
    [InlineData("price <> 7", "({price} <> 7)")]
    [InlineData("price != 7", "({price} <> 7)")]
    [InlineData("price == 7", "({price} = 7)")]
    [InlineData("0 < price", "(0 < {price})")]
    [InlineData("lo < hi", "({lo} < {hi})")]
    [InlineData("price>0", "({price} > 0)")]
    // Numbers: decimals keep their scale; leading dot; exponents; negatives, spaced or not.
    [InlineData("price > 1.50", "({price} > 1.50)")]
    [InlineData("price > .5", "({price} > 0.5)")]
    [InlineData("price < 1e3", "({price} < 1000)")]
    [InlineData("price < 2.5E+2", "({price} < 250)")]
    [InlineData("price > -5", "({price} > -5)")]
    [InlineData("price > - 5", "({price} > -5)")]
    [InlineData("price >= -0.25", "({price} >= -0.25)")]
    [InlineData("price BETWEEN -10 AND -1", "({price} BETWEEN -10 AND -1)")]
    [InlineData("price IN (-1, 0, 1)", "({price} IN (-1, 0, 1))")]
    [InlineData("((price > '-5'::integer))", "({price} > '-5')")] // PostgreSQL prints a negative constant as a quoted cast
    // Redundant parentheses and casts, PostgreSQL's and SQL's.
    [InlineData("((price > (0)::numeric))", "({price} > 0)")]
    [InlineData("((price)::numeric > (0)::numeric)", "({price} > 0)")]
    [InlineData("(price > (0))", "({price} > 0)")]
    [InlineData("((((price > 0))))", "({price} > 0)")]
    [InlineData("price::numeric(10,2) > 0", "({price} > 0)")]
    [InlineData("CAST(price AS numeric) < 3", "({price} < 3)")]
    [InlineData("cast(price as DECIMAL(10, 2)) < 3", "({price} < 3)")]
    [InlineData("CAST(amount AS double precision) >= 0", "({amount} >= 0)")]
    [InlineData("((code)::text <> ''::text)", "({code} <> '')")]
    [InlineData("(code)::character varying(10) = 'a'::character varying", "({code} = 'a')")]
    [InlineData("(kind)::\"char\" = 'a'::\"char\"", "({kind} = 'a')")]
    [InlineData("tags::text[] IS NOT NULL", "({tags} IS NOT NULL)")]
    [InlineData("CAST('2020-01-01' AS date) <= d", "('2020-01-01' <= {d})")]
    // Identifiers in every engine's quoting, with the quote doubled inside; quoted keywords; qualified names.
    [InlineData("\"price\" > 0", "({price} > 0)")]
    [InlineData("\"Unit Price\" > 0", "({Unit Price} > 0)")]
    [InlineData("\"a\"\"b\" > 0", "({a\"b} > 0)")]
    [InlineData("`price` >= 1.5", "({price} >= 1.5)")]
    [InlineData("`a``b` > 0", "({a`b} > 0)")]
    [InlineData("[Unit Price] > 0", "({Unit Price} > 0)")]
    [InlineData("[a]]b] > 0", "({a]b} > 0)")]
    [InlineData("([x]]]<=[y])", "({x]} <= {y})")]
    [InlineData("\"and\" > 0", "({and} > 0)")]
    [InlineData("[between] IS NULL", "({between} IS NULL)")]
    [InlineData("t.price > 0", "({price} > 0)")]
    [InlineData("\"public\".\"t\".\"price\" > 0", "({price} > 0)")]
    [InlineData("[dbo].[t].[price] > 0", "({price} > 0)")]
    [InlineData("_x > 0", "({_x} > 0)")]
    [InlineData("price$1 > 0", "({price$1} > 0)")]
    // Text literals: doubled and backslashed quotes, N'' and E'' prefixes, MySQL charset introducers, keywords inside.
    [InlineData("name = 'Ann'", "({name} = 'Ann')")]
    [InlineData("name = 'it''s'", "({name} = 'it's')")]
    [InlineData("name = 'O\\'Brien'", "({name} = 'O'Brien')")]
    [InlineData("name <> N'x'", "({name} <> 'x')")]
    [InlineData("name <> n'x'", "({name} <> 'x')")]
    [InlineData("name = E'x'", "({name} = 'x')")]
    [InlineData("name = _utf8mb4'a'", "({name} = 'a')")]
    [InlineData("name = _latin1'a''b'", "({name} = 'a'b')")]
    [InlineData("name = ''", "({name} = '')")]
    [InlineData("name = 'a AND b OR (c)'", "({name} = 'a AND b OR (c)')")]
    // IN lists: plain, NOT IN, MySQL's, PostgreSQL's = ANY (ARRAY[...]) and, for NOT IN, <> ALL (ARRAY[...]).
    [InlineData("status IN ('a', 'b')", "({status} IN ('a', 'b'))")]
    [InlineData("status in ('a')", "({status} IN ('a'))")]
    [InlineData("status NOT IN ('a', 'b')", "({status} NOT IN ('a', 'b'))")]
    [InlineData("(`status` in (_utf8mb4'a',_utf8mb4'b'))", "({status} IN ('a', 'b'))")]
    [InlineData("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "({status} IN ('a', 'b'))")]
    [InlineData("(status = ANY (ARRAY['a', 'b']))", "({status} IN ('a', 'b'))")]
    [InlineData("(n = ANY (ARRAY[1, 2, 3]))", "({n} IN (1, 2, 3))")]
    [InlineData("((status)::text <> ALL ((ARRAY['x'::character varying, 'y'::character varying])::text[]))", "({status} NOT IN ('x', 'y'))")]
    [InlineData("(n <> ALL (ARRAY[1, 2]))", "({n} NOT IN (1, 2))")]
    [InlineData("NOT (status IN ('a'))", "(NOT ({status} IN ('a')))")]
    // BETWEEN: its AND is its own, not a conjunction.
    [InlineData("price BETWEEN 1 AND 10", "({price} BETWEEN 1 AND 10)")]
    [InlineData("price NOT BETWEEN 1 AND 10", "({price} NOT BETWEEN 1 AND 10)")]
    [InlineData("price between 1 and 10 and qty > 0", "(({price} BETWEEN 1 AND 10) AND ({qty} > 0))")]
    [InlineData("price BETWEEN lo AND hi", "({price} BETWEEN {lo} AND {hi})")]
    // IS [NOT] NULL.
    [InlineData("x IS NULL", "({x} IS NULL)")]
    [InlineData("x is not null", "({x} IS NOT NULL)")]
    [InlineData("`alt_a` IS NOT NULL OR `alt_b` IS NOT NULL", "(({alt_a} IS NOT NULL) OR ({alt_b} IS NOT NULL))")]
    [InlineData("NOT x IS NULL", "(NOT ({x} IS NULL))")]
    // AND binds tighter than OR; both associate to the left; parentheses override; NOT nests.
    [InlineData("a > 0 AND b > 0 OR c > 0", "((({a} > 0) AND ({b} > 0)) OR ({c} > 0))")]
    [InlineData("a > 0 OR b > 0 AND c > 0", "(({a} > 0) OR (({b} > 0) AND ({c} > 0)))")]
    [InlineData("a > 0 AND (b > 0 OR c > 0)", "(({a} > 0) AND (({b} > 0) OR ({c} > 0)))")]
    [InlineData("a > 0 AND b > 0 AND c > 0", "((({a} > 0) AND ({b} > 0)) AND ({c} > 0))")]
    [InlineData("a > 0 OR b > 0 OR c > 0", "((({a} > 0) OR ({b} > 0)) OR ({c} > 0))")]
    [InlineData("NOT NOT a > 0", "(NOT (NOT ({a} > 0)))")]
    [InlineData("NOT (a > 0 OR b > 0)", "(NOT (({a} > 0) OR ({b} > 0)))")]
    [InlineData("(([a]>(0)) AND ([b]<(10)))", "(({a} > 0) AND ({b} < 10))")]
    // Booleans and NULL: a bare column, TRUE/FALSE in any case, SQL Server's bit compared with 1.
    [InlineData("active", "{active}")]
    [InlineData("(active)", "{active}")]
    [InlineData("NOT active", "(NOT {active})")]
    [InlineData("active = TRUE", "({active} = TRUE)")]
    [InlineData("active = false", "({active} = FALSE)")]
    [InlineData("([active]=(1))", "({active} = 1)")]
    [InlineData("x <> NULL", "({x} <> NULL)")]
    // Dates and times as each engine prints them: quoted, cast, with an introducer.
    [InlineData("d >= '2020-01-01'", "({d} >= '2020-01-01')")]
    [InlineData("(d >= '2020-01-01'::date)", "({d} >= '2020-01-01')")]
    [InlineData("([d]>='2020-01-01')", "({d} >= '2020-01-01')")]
    [InlineData("(`d` >= _utf8mb4'2020-01-01')", "({d} >= '2020-01-01')")]
    [InlineData("(t < '2030-01-01 00:00:00'::timestamp without time zone)", "({t} < '2030-01-01 00:00:00')")]
    [InlineData("d BETWEEN '2020-01-01' AND '2020-12-31'", "({d} BETWEEN '2020-01-01' AND '2020-12-31')")]
    [InlineData("start_date <= end_date", "({start_date} <= {end_date})")]
    public void Parses_each_engines_spelling_into_its_tree(string expression, string tree) =>
        Assert.Equal(tree, Show(CheckParser.Parse(expression)));

    [Theory]
    [InlineData("regexp_like(name, 'a')", "Function regexp_like(...) is not understood.")]
    [InlineData("([d]>=getdate())", "Function getdate(...) is not understood.")]
    [InlineData("(d >= CONVERT([date],'2020-01-01'))", "Function CONVERT(...) is not understood.")]
    [InlineData("name LIKE 1", "A pattern that is not a text literal is not understood.")]
    [InlineData("name NOT y", "NOT must be followed by IN, BETWEEN, LIKE or REGEXP here.")]
    [InlineData("name GLOB 'x*'", "Unexpected 'GLOB' in CHECK (name GLOB 'x*').")]
    [InlineData("d > DATE '2020-01-01'", "Unexpected '2020-01-01' in CHECK (d > DATE '2020-01-01').")]
    [InlineData("x + 1 > 2", "Unexpected '+' in CHECK (x + 1 > 2).")]
    [InlineData("x > -y", "Unexpected '-'.")]
    [InlineData("x % 2 = 0", "Unexpected character '%'.")]
    [InlineData("x ~ y", "A pattern that is not a text literal is not understood.")]
    [InlineData("x > 1;", "Unexpected character ';'.")]
    [InlineData("x IS 5", "Expected NULL but found '5'.")]
    [InlineData("x IS DISTINCT FROM y", "Expected NULL but found 'DISTINCT'.")]
    [InlineData("x BETWEEN 1 OR 2", "Expected AND but found 'OR'.")]
    [InlineData("x = ANY (SELECT 1)", "Expected ARRAY but found 'SELECT'.")]
    [InlineData("x <> ALL (SELECT 1)", "Expected ARRAY but found 'SELECT'.")]
    [InlineData("x > ALL (ARRAY[1, 2])", "Function ALL(...) is not understood.")]
    [InlineData("x IN (SELECT id FROM t)", "Expected ')' but found 'id'.")]
    [InlineData("x = 'a' COLLATE \"C\"", "Unexpected 'COLLATE' in CHECK (x = 'a' COLLATE \"C\").")]
    [InlineData("CASE WHEN x > 0 THEN 1 END = 1", "Unexpected 'WHEN' in CHECK (CASE WHEN x > 0 THEN 1 END = 1).")]
    [InlineData("AND x > 0", "Unexpected 'AND'.")]
    [InlineData("x IN ()", "Unexpected ')'.")]
    [InlineData("x IN (1, 2", "Expected ')' but found 'the end'.")]
    [InlineData("(x > 1", "Expected ')' but found 'the end'.")]
    [InlineData("x > 1)", "Unexpected ')' in CHECK (x > 1)).")]
    [InlineData("x >", "The CHECK ends too early.")]
    [InlineData("x > 1 AND", "The CHECK ends too early.")]
    [InlineData("", "The CHECK ends too early.")]
    [InlineData("name = 'unclosed", "Unclosed quote.")]
    [InlineData("\"x > 1", "Unclosed quote.")]
    [InlineData("[x > 1", "Unclosed [identifier].")]
    [InlineData("x y", "Unexpected 'y' in CHECK (x y).")]
    public void Refuses_what_it_does_not_understand_and_says_where(string expression, string message)
    {
        var e = Assert.Throws<CheckParseException>(() => CheckParser.Parse(expression));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Columns_are_unbound_until_the_model_binds_them()
    {
        var node = CheckParser.Parse("a > 0 AND b IN (1, 2) OR c IS NULL");
        var columns = node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column).ToList();

        Assert.Equal(["a", "b", "c"], columns.Select(static n => n.Name));
        Assert.All(columns, static c => Assert.Equal(-1, c.Index));
        Assert.Equal(11, node.Descendants().Count()); // or, and, >, a, 0, in, b, 1, 2, is null, c
    }

    [Theory]
    [InlineData("((price > (0)::numeric))", 5.0, true)]
    [InlineData("((price > (0)::numeric))", 0.0, false)]
    [InlineData("([price]>(0))", -1.0, false)]
    [InlineData("(`price` >= 1.5)", 1.5, true)]
    [InlineData("price BETWEEN 1 AND 10", 11.0, false)]
    [InlineData("price NOT BETWEEN 1 AND 10", 11.0, true)]
    [InlineData("CAST(price AS numeric) < 3", 2.0, true)]
    [InlineData("price IS NULL OR price > 0", 2.0, true)]
    public void Check_forms_of_every_engine_parse_and_evaluate(string expression, double price, bool expected)
    {
        var node = CheckParser.Parse(expression);
        foreach (var column in node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
        {
            column.Index = 0;
        }

        Assert.Equal(expected, CheckEvaluator.Holds(node, [(decimal)price]));
    }

    [Theory]
    [InlineData("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))")]
    [InlineData("(`status` in (_utf8mb4'a',_utf8mb4'b'))")]
    [InlineData("([status]='b' OR [status]='a')")]
    [InlineData("status IN ('a', 'b')")]
    public void In_lists_parse_in_each_engine_spelling(string expression)
    {
        var node = CheckParser.Parse(expression);
        foreach (var column in node.Descendants().Where(static n => n.Kind == CheckNodeKind.Column))
        {
            column.Index = 0;
        }

        Assert.True(CheckEvaluator.Holds(node, ["a"]));
        Assert.True(CheckEvaluator.Holds(node, ["b"]));
        Assert.False(CheckEvaluator.Holds(node, ["c"]));
        Assert.True(CheckEvaluator.Holds(node, [null]));
    }

    /// <summary>The tree in one line: predicates parenthesised, columns in braces, literals typed by their spelling.</summary>
    private static string Show(CheckNode node) => node.Kind switch
    {
        CheckNodeKind.Column => "{" + node.Name + "}",
        CheckNodeKind.Literal => node.Value switch
        {
            null => "NULL",
            string s => "'" + s + "'",
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            var other => throw new InvalidOperationException($"A literal of type {other.GetType()}."),
        },
        CheckNodeKind.Compare => $"({Show(node.Children[0])} {node.Operator} {Show(node.Children[1])})",
        CheckNodeKind.In => $"({Show(node.Children[0])} {(node.Negated ? "NOT IN" : "IN")} ({string.Join(", ", node.Children.Skip(1).Select(Show))}))",
        CheckNodeKind.Between => $"({Show(node.Children[0])} {(node.Negated ? "NOT BETWEEN" : "BETWEEN")} {Show(node.Children[1])} AND {Show(node.Children[2])})",
        CheckNodeKind.IsNull => $"({Show(node.Children[0])} IS {(node.Negated ? "NOT " : string.Empty)}NULL)",
        CheckNodeKind.And => $"({Show(node.Children[0])} AND {Show(node.Children[1])})",
        CheckNodeKind.Or => $"({Show(node.Children[0])} OR {Show(node.Children[1])})",
        CheckNodeKind.Not => $"(NOT {Show(node.Children[0])})",
        _ => throw new InvalidOperationException($"Unknown kind {node.Kind}."),
    };
}
