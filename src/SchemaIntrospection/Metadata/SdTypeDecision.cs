using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>An sdtype inferred for a column, its pii kind where it is one, and the rule that chose it, in words.</summary>
public sealed record SdTypeDecision(SdType SdType, PiiKind? Pii, string Rule);
