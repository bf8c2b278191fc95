using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>A column as the evaluation sees it: its name, what it means (its sdtype) and, for personal data, which kind.</summary>
internal sealed record EvaluationColumn(string Name, SdType SdType, PiiKind? PiiKind = null);
