namespace Sdv.Connector.Synthesis;

/// <summary>The per-table joint model (<c>--model</c>).</summary>
public enum ModelKind
{
    /// <summary>Gaussian copula over the columns' marginals.</summary>
    Copula,

    /// <summary>CART sequential synthesis: one tree per column, conditioned on the columns before it.</summary>
    Cart,

    /// <summary>Adversarial random forest: forest leaves as local densities.</summary>
    Arf,

    /// <summary>Each candidate fitted, the best on held-out rows kept, per table.</summary>
    Auto,
}
