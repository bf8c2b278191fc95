namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>A node of a parsed CHECK expression. One shape for all kinds keeps the evaluator a single switch.</summary>
internal sealed class CheckNode
{
    public required CheckNodeKind Kind { get; init; }

    /// <summary>Operands: And/Or/Not children, Compare's two sides, IsNull's operand, In's operand then list, Between's operand, low, high.</summary>
    public IReadOnlyList<CheckNode> Children { get; init; } = [];

    /// <summary>Compare: one of = &lt;&gt; &lt; &lt;= &gt; &gt;=. Match: "regex", "regex-i" (case-insensitive), "like", "like-i".</summary>
    public string? Operator { get; init; }

    /// <summary>Match: the pattern as a .NET regular expression (set once parsed), with the pattern literal as the second child.</summary>
    public System.Text.RegularExpressions.Regex? Pattern { get; init; }

    /// <summary>IS NOT NULL, NOT IN, NOT BETWEEN, NOT LIKE, !~.</summary>
    public bool Negated { get; init; }

    /// <summary>Column: its name (unquoted). Function: its name, lower case.</summary>
    public string? Name { get; init; }

    /// <summary>Literal: a string, a decimal, a bool, or null for SQL NULL.</summary>
    public object? Value { get; init; }

    /// <summary>Resolved column position in the row (set when bound).</summary>
    public int Index { get; set; } = -1;

    public IEnumerable<CheckNode> Descendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }
    }
}
