using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class SynthesisOptionsTests
{
    [Fact]
    public void Invalid_options_are_reported_all_at_once()
    {
        var e = Assert.Throws<ArgumentException>(() => new SynthesisOptions { RareCategoryThreshold = 0, ReservoirSize = 1, Locale = " " }.Validate());
        Assert.Contains("RareCategoryThreshold", e.Message, StringComparison.Ordinal);
        Assert.Contains("ReservoirSize", e.Message, StringComparison.Ordinal);
        Assert.Contains("Locale", e.Message, StringComparison.Ordinal);
    }
}
