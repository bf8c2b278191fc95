namespace Sdv.Connector.Synthesis.Generators;

/// <summary>A city of <see cref="CommonCities"/>, with its first-level region where its country's addresses carry one.</summary>
/// <param name="Name">The city as English-language business data writes it ("Munich").</param>
/// <param name="RegionCode">The region's abbreviation ("WA", "NSW"), or null where the country's addresses carry none.</param>
/// <param name="RegionName">The region's name ("Washington", "New South Wales"), or null likewise.</param>
internal sealed record KnownCity(string Name, string? RegionCode, string? RegionName)
{
    /// <summary>Whether the city lies in <paramref name="region"/>, written as its code or its name (any case).</summary>
    public bool IsIn(string region) =>
        string.Equals(RegionCode, region.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(RegionName, region.Trim(), StringComparison.OrdinalIgnoreCase);
}
