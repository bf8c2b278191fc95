namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>What a column means to the models (SDV's sdtype).</summary>
public enum SdType
{
    /// <summary>Not yet inferred.</summary>
    Unknown,
    Numerical,
    Datetime,
    Categorical,
    Boolean,
    /// <summary>A key: generated, never learned.</summary>
    Id,
    /// <summary>Personal data, produced by a generator of its <see cref="PiiKind"/>, never learned from values.</summary>
    Pii,
    /// <summary>Free text, generated with a matching length distribution, never copied.</summary>
    Text,
    /// <summary>Written as NULL or the type's default, with a warning.</summary>
    Unsupported,
}
