namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// Why a column has its sdtype: the rule that chose it and, where values were read, the evidence
/// (how many sampled rows, how many of them set, how many distinct values, their mean length).
/// Shown by <c>introspect</c> and kept in the metadata sidecar; not part of the model file.
/// </summary>
public sealed record SdTypeEvidence(string Rule)
{
    /// <summary>Rows read for the profile (null where no values were read).</summary>
    public int? SampleRows { get; init; }

    /// <summary>True where the sample is the whole table.</summary>
    public bool WholeTable { get; init; }

    /// <summary>Share of NULLs among the sampled rows (or in the whole table, where it was counted).</summary>
    public double? NullShare { get; init; }

    /// <summary>Non-null values the decision read (from the sample, or from a second query for them alone).</summary>
    public int? Values { get; init; }

    /// <summary>Distinct values among them (capped at 10,000).</summary>
    public int? Distinct { get; init; }

    public double? MeanLength { get; init; }

    /// <summary>
    /// Sampled values shaped like personal data of a kind no one shares (e-mail addresses, social security, IBAN and card
    /// numbers), in a column that too few of them made personal data: a lookup that holds any is not copied verbatim.
    /// </summary>
    public int? PersonalValues { get; init; }
}
