using System.Globalization;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>A smooth distribution of numbers: a quantile grid drawn from with linear interpolation, rounded as the source wrote them.</summary>
internal sealed class NumberDistribution
{
    public double[] Grid { get; set; } = [];

    public bool Integer { get; set; }

    public int Decimals { get; set; }

    public double Min => Grid.Length == 0 ? 0 : Grid[0];

    public double Max => Grid.Length == 0 ? 0 : Grid[^1];

    public double Sample(Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Grid.Length == 0) return 0;
        if (Grid.Length == 1) return Grid[0];
        var position = random.NextDouble() * (Grid.Length - 1);
        var i = Math.Min((int)position, Grid.Length - 2);
        var value = Grid[i] + (position - i) * (Grid[i + 1] - Grid[i]);
        return Integer ? Math.Round(value) : Math.Round(value, Math.Min(Decimals, 15));
    }

    public string Format(double value) => Integer
        ? ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture)
        : Math.Round(value, Math.Min(Decimals, 15)).ToString("0.#########", CultureInfo.InvariantCulture);
}
