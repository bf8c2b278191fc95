using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>A column as the evaluation sees it: its name and what it means (its sdtype).</summary>
internal sealed record EvaluationColumn(string Name, SdType SdType);
