namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// The seeded random source and running state (id sequences, values already used by unique
/// columns) of one sampling run. Reuse one context across calls on the same model to continue
/// sequences without repeats; the same seed and the same calls give the same rows on any machine.
/// </summary>
public sealed class SamplingContext
{
    private readonly Dictionary<object, object> _states = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a context whose every draw derives from <paramref name="seed"/>.</summary>
    public SamplingContext(long seed)
    {
        Seed = seed;
        Random = new Xoshiro256(unchecked((ulong)seed));
    }

    /// <summary>The seed this context was created with.</summary>
    public long Seed { get; }

    internal Xoshiro256 Random { get; }

    /// <summary>The state <paramref name="owner"/> keeps in this context, made by <paramref name="create"/> the first time.</summary>
    internal T GetState<TOwner, T>(TOwner owner, Func<TOwner, SamplingContext, T> create)
        where TOwner : class
        where T : class
    {
        if (!_states.TryGetValue(owner, out var state))
        {
            state = create(owner, this);
            _states[owner] = state;
        }

        return (T)state;
    }
}
