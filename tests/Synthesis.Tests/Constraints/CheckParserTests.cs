using Sdv.Connector.Synthesis.Constraints;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Constraints;

public sealed class CheckParserTests
{
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

    [Fact]
    public void Unknown_check_functions_are_refused_by_the_parser()
    {
        Assert.Throws<CheckParseException>(() => CheckParser.Parse("length(name) > 3"));
    }
}
