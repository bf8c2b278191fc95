namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>Whether a table is a reference table copied verbatim, and why (shown by <c>introspect</c> and <c>fit</c>).</summary>
public sealed record TableRole(bool IsReference, string Reason);
