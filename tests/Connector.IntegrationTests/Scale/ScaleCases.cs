using Xunit;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>The cases of the scale suite: each source at each scale the issue names.</summary>
public static class ScaleCases
{
    public static TheoryData<string, double> Scales()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in ScaleDataset.Names)
        {
            foreach (var factor in new[] { 0.1, 0.3, 1, 2, 5 }) data.Add(name, factor);
        }

        return data;
    }
}
