using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>The sdtypes SDMetrics' quality metrics look at, and which of them are compared as numbers.</summary>
internal static class ColumnKinds
{
    /// <summary>Numerical, datetime, categorical, boolean: what Column Shapes and the pair trends measure.</summary>
    public static bool IsModelable(SdType sdType) => sdType is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean;

    /// <summary>Numerical and datetime: KS, BoundaryAdherence, correlation and bins.</summary>
    public static bool IsContinuous(SdType sdType) => sdType is SdType.Numerical or SdType.Datetime;
}
