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
    Column,
    Literal,
}
