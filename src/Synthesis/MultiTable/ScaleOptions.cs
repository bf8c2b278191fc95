namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How large a sampled database is (<c>--scale</c>, <c>--scale-reference</c>): every table gets about
/// <see cref="Factor"/> times its source rows, root tables exactly rounded and children following their
/// parents; reference tables are copied whole unless <see cref="References"/>. A sampling choice, not a
/// fitting one: the same model is sampled at any scale. Every property documents its default.
/// </summary>
public sealed class ScaleOptions
{
    /// <summary>Rows of every generated table times this factor (a positive number). Default 1.</summary>
    public double Factor { get; init; } = 1.0;

    /// <summary>
    /// Scale reference tables too: each keeps round(<see cref="Factor"/> × rows), at least one, the rows the
    /// other tables use most first, and codes that pointed at a row left out are drawn again among the kept
    /// ones. Above 1 they stay whole (their keys are the source's, so a row cannot be copied twice; the
    /// sampler says so in a warning). Default false: reference tables are copied whole at any scale.
    /// </summary>
    public bool References { get; init; }

    /// <summary>The source's size, reference tables whole.</summary>
    public static ScaleOptions Whole { get; } = new();

    /// <summary>The given factor, reference tables whole.</summary>
    public static ScaleOptions Of(double factor) => new() { Factor = factor };

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> unless the factor is a positive, finite number.</summary>
    public void Validate()
    {
        if (!(Factor > 0) || double.IsInfinity(Factor))
            throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "The scale must be a positive number.");
    }
}
