namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// xoshiro256** seeded through SplitMix64: our own PRNG so that a seed gives the same stream on
/// every machine and runtime version (System.Random's algorithm is not a contract).
/// </summary>
internal sealed class Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public Xoshiro256(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    public static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in the open interval (0, 1).</summary>
    public double NextOpenDouble() => ((NextULong() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n) by Lemire's multiply-shift (bias below 2^-64 * n, negligible).</summary>
    public long NextLong(long n)
    {
        if (n <= 1)
        {
            return 0;
        }

        return (long)Math.BigMul(NextULong(), (ulong)n, out _);
    }

    public int NextInt(int n) => (int)NextLong(n);

    public bool NextBool() => (NextULong() >> 63) != 0;

    /// <summary>A standard normal draw by Marsaglia's polar method (two per round, one kept).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (NextDouble() * 2.0) - 1.0;
            v = (NextDouble() * 2.0) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>A child generator with an independent stream, for one column or one worker.</summary>
    public Xoshiro256 Fork() => new(NextULong());

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
