namespace Sdv.Connector.Synthesis.Constraints;

internal enum CheckNodeKind
{
    And,
    Or,
    Not,
    Compare,
    IsNull,
    In,
    Between,
    /// <summary>A text matched against a pattern: a regular expression (~, ~*, REGEXP) or a LIKE pattern.</summary>
    Match,
    /// <summary>One of the common scalar functions (<see cref="CheckFunctions"/>) of its arguments.</summary>
    Function,
    Column,
    Literal,
}
