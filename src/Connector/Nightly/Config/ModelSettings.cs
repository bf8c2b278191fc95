namespace Sdv.Connector.Nightly.Config;

/// <summary>The <c>model:</c> section: where the fitted model lives and when it is reused.</summary>
internal sealed record ModelSettings
{
    /// <summary>Model file (.sdvm). Default: none (fit every run, keep nothing).</summary>
    public string? Path { get; init; }

    /// <summary>Sample from the saved model instead of fitting again when the schema has not drifted. Default: true.</summary>
    public bool Reuse { get; init; } = true;

    /// <summary>What to do when the source's schema drifted from the model's. Default: refit.</summary>
    public DriftAction OnDrift { get; init; } = DriftAction.Refit;

    /// <summary>Sample from the saved model when the source cannot be reached (no drift check then). Default: false.</summary>
    public bool Offline { get; init; }

    /// <summary>The per-table joint model fitted: copula, cart, arf or auto. Default: cart.</summary>
    public Synthesis.ModelKind Kind { get; init; } = Synthesis.SynthesisOptions.DefaultModel;

    /// <summary>Candidates fitted per table, the best on held-out rows kept. Default: 1.</summary>
    public int Trials { get; init; } = 1;

    /// <summary>Tables copied verbatim as lookups: auto, none, or comma-separated table globs (as <c>--reference-tables</c>). Default: auto.</summary>
    public string ReferenceTables { get; init; } = "auto";
}
