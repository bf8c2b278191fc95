using System.Globalization;

namespace Sdv.Connector.Synthesis;

/// <summary>
/// Settings of fitting and sampling. Every property documents its default; <see cref="Validate"/>
/// checks them all at once and reports every problem in one message.
/// </summary>
public sealed class SynthesisOptions
{
    /// <summary>A category seen fewer than this many times is never reproduced verbatim; it joins an "other" bucket. Default 5.</summary>
    public int RareCategoryThreshold { get; init; } = 5;

    /// <summary>Rows kept (seeded reservoir) to estimate the copula correlation; never saved. Default 100 000.</summary>
    public int ReservoirSize { get; init; } = 100_000;

    /// <summary>Distinct values counted exactly per column before switching to a sketch. Default 1000.</summary>
    public int MaxExactDistinct { get; init; } = 1000;

    /// <summary>KLL sketch accuracy parameter (items kept per compactor level); rank error is about 1.7/k. Default 400.</summary>
    public int SketchK { get; init; } = 400;

    /// <summary>Points of the quantile grid a continuous marginal keeps in the model file. Default 1001.</summary>
    public int QuantileGridSize { get; init; } = 1001;

    /// <summary>Seed of every random choice made while fitting (reservoir, sketch compaction, jitter). Default 42.</summary>
    public long Seed { get => _seed; init => _seed = value; }

    private long _seed = 42;

    /// <summary>Bogus locale of pii generators, e.g. "en", "de", "fr". Default "en".</summary>
    public string Locale { get; init; } = "en";

    /// <summary>Rows fitted per batch; batches are processed while the next is read. Default 4096.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Times a row is redrawn to satisfy a CHECK the model cannot enforce by construction. Default 100.</summary>
    public int MaxRejectionTries { get; init; } = 100;

    /// <summary>Smallest eigenvalue kept when the correlation matrix is repaired to positive definite. Default 1e-6.</summary>
    public double MinEigenvalue { get; init; } = 1e-6;

    /// <summary>The per-table joint model: copula, CART, ARF, or auto (the best on held-out rows). Default copula.</summary>
    public ModelKind Model { get; init; } = DefaultModel;

    /// <summary>
    /// The model when none is asked for: CART, which scored best on bench/fidelity (the copula cannot carry a
    /// parent's category into its children's, nor any relationship that is not monotone).
    /// </summary>
    public const ModelKind DefaultModel = ModelKind.Cart;

    /// <summary>Candidates fitted per table (seeds, hyper-parameters); the best on held-out rows is kept. Default 1.</summary>
    public int Trials { get; init; } = 1;

    /// <summary>These options with another seed (every other setting kept, including ones added later).</summary>
    public SynthesisOptions WithSeed(long seed)
    {
        var copy = (SynthesisOptions)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    /// <summary>The defaults.</summary>
    public static SynthesisOptions Default { get; } = new();

    /// <summary>Throws one <see cref="ArgumentException"/> that lists every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (RareCategoryThreshold < 1)
        {
            problems.Add($"RareCategoryThreshold must be at least 1 (got {RareCategoryThreshold}).");
        }

        if (ReservoirSize < 10)
        {
            problems.Add($"ReservoirSize must be at least 10 (got {ReservoirSize}).");
        }

        if (MaxExactDistinct < 2)
        {
            problems.Add($"MaxExactDistinct must be at least 2 (got {MaxExactDistinct}).");
        }

        if (SketchK < 8)
        {
            problems.Add($"SketchK must be at least 8 (got {SketchK}).");
        }

        if (QuantileGridSize < 3)
        {
            problems.Add($"QuantileGridSize must be at least 3 (got {QuantileGridSize}).");
        }

        if (BatchSize < 1)
        {
            problems.Add($"BatchSize must be at least 1 (got {BatchSize}).");
        }

        if (MaxRejectionTries < 1)
        {
            problems.Add($"MaxRejectionTries must be at least 1 (got {MaxRejectionTries}).");
        }

        if (!(MinEigenvalue > 0 && MinEigenvalue < 1))
        {
            problems.Add($"MinEigenvalue must be in (0, 1) (got {MinEigenvalue.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (Trials < 1)
        {
            problems.Add($"Trials must be at least 1 (got {Trials}).");
        }

        if (string.IsNullOrWhiteSpace(Locale))
        {
            problems.Add("Locale must name a Bogus locale such as \"en\".");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid synthesis options: " + string.Join(" ", problems));
        }
    }
}
