using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// How a table's columns vary together, in the transformed space of <see cref="JointDimension"/>s: the
/// Gaussian copula, CART sequential synthesis or an adversarial random forest. A model fills the free
/// dimensions of a row given its fixed ones (context columns, given cells); the column models then turn
/// each u back into a cell. Statistics only: nothing a model keeps is a real row or a value seen fewer
/// than k times.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CopulaJointModel), "copula")]
[JsonDerivedType(typeof(CartJointModel), "cart")]
[JsonDerivedType(typeof(ArfJointModel), "arf")]
internal abstract class JointModel
{
    /// <summary>The dimensions the model was fitted on (set again from the columns when a model is loaded).</summary>
    [JsonIgnore]
    public IReadOnlyList<JointDimension> Dimensions { get; private set; } = [];

    /// <summary>When candidates were compared (auto, trials): how each scored and which was kept; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JointSelection? Selection { get; set; }

    /// <summary>Number of dimensions the model's own statistics are sized for.</summary>
    [JsonIgnore]
    public abstract int Size { get; }

    /// <summary>Binds the model to its dimensions (after fitting or loading) and builds lookup tables.</summary>
    public void Prepare(IReadOnlyList<JointDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions;
        OnPrepare();
    }

    protected virtual void OnPrepare()
    {
    }

    /// <summary>
    /// Fills <paramref name="u"/>'s free entries (where <paramref name="isFixed"/> is false) given its fixed
    /// entries, each free one in (0, 1). Not thread-safe across calls that share <paramref name="state"/>.
    /// </summary>
    /// <param name="u">The row in transformed space; fixed entries hold their given value.</param>
    /// <param name="isFixed">Which entries are given.</param>
    /// <param name="random">The row's random stream.</param>
    /// <param name="state">Per-sampler scratch the model made with <see cref="CreateState"/>.</param>
    public abstract void Sample(Span<double> u, ReadOnlySpan<bool> isFixed, Xoshiro256 random, object? state);

    /// <summary>Scratch space and caches one sampler reuses across rows (null when none is needed).</summary>
    public virtual object? CreateState() => null;
}
