using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// A table's city column and the region column beside it (city and state, ship_city and ship_region), made to agree once
/// a row is decoded, whichever of the two was decoded first. A region written anew is the region of the row's city
/// (Seattle: "WA", or "Washington" where the column writes names); a city written anew beside a region the source
/// holds (a real, non-rare category, or a given cell) is a city of that region where the list has one. Each column
/// keeps its own guard: no city or region that is a rare real value of its column is written.
/// </summary>
internal sealed class CityRegionPair
{
    private readonly ColumnModel _cityModel;
    private readonly ColumnModel _regionModel;
    private readonly bool _writesCodes;

    private CityRegionPair(int city, int region, ColumnModel cityModel, ColumnModel regionModel)
    {
        City = city;
        Region = region;
        _cityModel = cityModel;
        _regionModel = regionModel;
        // As the column's own generator writes regions: codes ("SP", "NSW") or names ("São Paulo").
        _writesCodes = regionModel switch
        {
            PiiColumnModel pii => pii.PiiKind == PiiKind.StateAbbreviation,
            CategoricalColumnModel categorical => categorical.OtherHint == "state-code"
                || (categorical.OtherShape is { Total: > 0 } shape && NameFallback.CodeHint(categorical.OtherHint, shape) is not null),
            _ => false,
        };
    }

    /// <summary>The city column's index among the model's columns.</summary>
    public int City { get; }

    /// <summary>The region column's index among the model's columns.</summary>
    public int Region { get; }

    /// <summary>
    /// The table's city and region columns, paired: its one city with each of its regions (a state's name and its code
    /// both follow it), else each city with the region whose name differs only by the word (BillingCity and
    /// BillingState). Context and unique columns are left as they are drawn.
    /// </summary>
    public static CityRegionPair[] Of(string table, IReadOnlyList<ColumnModel> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int[] Where(Func<ColumnModel, bool> kind) =>
            [.. Enumerable.Range(0, columns.Count).Where(i => columns[i] is { IsContext: false, IsUnique: false, Kind: ValueKind.String } && kind(columns[i]))];
        var cities = Where(c => c is PiiColumnModel { PiiKind: PiiKind.City } || (c is CategoricalColumnModel && NameFallback.HintOf(table, c.Name) == "city"));
        var regions = Where(c => c is PiiColumnModel { PiiKind: PiiKind.State or PiiKind.StateAbbreviation }
            || (c is CategoricalColumnModel && NameFallback.HintOf(table, c.Name) == "state"));
        if (cities.Length == 1) return [.. regions.Select(r => new CityRegionPair(cities[0], r, columns[cities[0]], columns[r]))];
        return
        [
            .. cities.Select(c => (City: c, Regions: regions.Where(r => Stem(columns[r].Name) == Stem(columns[c].Name)).ToArray()))
                .Where(static p => p.Regions.Length == 1)
                .Select(p => new CityRegionPair(p.City, p.Regions[0], columns[p.City], columns[p.Regions[0]])),
        ];
    }

    /// <summary>
    /// Makes the row's city and region agree, for <paramref name="country"/> (a country the city list knows). A cell given
    /// a value (<paramref name="given"/> where <paramref name="isGiven"/> is set) stays as it is; one given as
    /// <see cref="NotNull"/> may change but keeps a value.
    /// </summary>
    public void Apply(object?[] row, bool[]? isGiven, object?[]? given, string country, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(row);
        bool Fixed(int c) => isGiven?[c] == true && given?[c] is not NotNull;
        var city = row[City] as string;
        var region = row[Region] as string;
        var cityNew = !Fixed(City) && city is not null && WrittenAnew(_cityModel, city);
        if (!Fixed(Region) && region is not null && WrittenAnew(_regionModel, region))
        {
            FollowCity(row, country, city, cityNew, _regionModel.IsNullable && isGiven?[Region] != true, random);
        }
        else if (cityNew && region is not null)
        {
            if (CommonCities.Draw(country, region, random, c => MayWriteCity(c.Name)) is { } inRegion)
            {
                row[City] = inRegion.Name;
            }
            else if (!Fixed(Region))
            {
                // A kept region with no city of the row's country: one of another country ("Tacoma, SP" beside USA, SP
                // being São Paulo's). Another kept region, of the row's country, with a city of it; else none, where the
                // column holds NULLs; else the city's own region. A region the column keeps, not one written anew: in a
                // column of kept codes ("SP", "WA", "Co. Cork") a new one is a value the source never names ("Washington").
                var mayEmpty = _regionModel.IsNullable && isGiven?[Region] != true;
                if (_regionModel is CategoricalColumnModel categorical && KeptRegionOf(categorical, country, random) is { } kept
                    && CommonCities.Draw(country, kept, random, c => MayWriteCity(c.Name)) is { } keptCity)
                {
                    (row[Region], row[City]) = (kept, keptCity.Name);
                }
                else if (mayEmpty && _regionModel is CategoricalColumnModel nullable && nullable.Keeps(null))
                {
                    row[Region] = null;
                }
                else
                {
                    FollowCity(row, country, city, cityNew, mayEmpty, random);
                }
            }
        }
    }

    /// <summary>One of the column's kept regions that the city list has cities of in <paramref name="country"/>, drawn by how often the source has it; null where none is.</summary>
    private static string? KeptRegionOf(CategoricalColumnModel column, string country, Xoshiro256 random)
    {
        var regions = column.Values.Select((v, i) => (Value: v, Count: column.Counts[i]))
            .Where(r => r.Value is not null && CommonCities.HasRegion(country, r.Value))
            .ToList();
        if (regions.Count == 0) return null;
        var u = random.NextDouble() * regions.Sum(static r => r.Count);
        foreach (var (value, count) in regions)
        {
            u -= count;
            if (u < 0) return value;
        }

        return regions[^1].Value;
    }

    /// <summary>A region written anew follows the row's city; where the column may not write that city's region, a city written anew is drawn again.</summary>
    private void FollowCity(object?[] row, string country, string? city, bool cityNew, bool mayEmpty, Xoshiro256 random)
    {
        // A country whose addresses carry no region (France, Japan): a made-up one ("Paris, Bretagne") is left out, as
        // the source's rows of such countries mostly leave it empty.
        if (!CommonCities.HasRegions(country))
        {
            if (mayEmpty) row[Region] = null;
            return;
        }

        if (city is not null && CommonCities.Find(country, city) is { } known && RegionOf(known, country) is { } written)
        {
            row[Region] = written;
            return;
        }

        // A city kept from the source that the list does not know keeps the region as drawn.
        if (!cityNew) return;
        if (CommonCities.Draw(country, null, random, c => MayWriteCity(c.Name) && RegionOf(c, country) is not null) is { } other)
        {
            row[City] = other.Name;
            row[Region] = RegionOf(other, country);
        }
        else if (mayEmpty)
        {
            // Every region of the country is one the column may not write: none, rather than another city's.
            row[Region] = null;
        }
    }

    /// <summary>The city's region as the column writes it (its other form only where that one is too long), or null where the column may not write it.</summary>
    private string? RegionOf(KnownCity city, string country)
    {
        var (written, other) = _writesCodes ? (city.RegionCode, city.RegionName) : (city.RegionName, city.RegionCode);
        if (written is not null && _regionModel.MaxLength is { } max && written.Length > max) written = other;
        return written is not null && MayWriteRegion(written, country) ? written : null;
    }

    private bool MayWriteRegion(string region, string country) =>
        (_regionModel.MaxLength is not { } max || region.Length <= max)
        && (_regionModel is not CategoricalColumnModel categorical || categorical.Keeps(region) || categorical.RealValues?.MayContain(region) != true
            // A US state is a public-list value the column's own generator writes whatever the source holds.
            || (country == "United States" && NameFallback.IsPublicListValue("state", region)));

    private bool MayWriteCity(string city) => _cityModel switch
    {
        PiiColumnModel pii => pii.MayWrite(city),
        CategoricalColumnModel categorical => categorical.MayStandIn(city),
        _ => false,
    };

    /// <summary>Whether the cell was generated rather than kept: personal data always, a categorical value where it is no kept category.</summary>
    private static bool WrittenAnew(ColumnModel model, string value) => model switch
    {
        PiiColumnModel => true,
        CategoricalColumnModel categorical => !categorical.Keeps(value),
        _ => false,
    };

    /// <summary>A column's name without the word that says city or region ("ship_city" and "ship_region": "ship").</summary>
    private static string Stem(string name)
    {
        var stem = name.ToLowerInvariant();
        foreach (var word in (string[])["city", "town", "state", "region", "province", "county", "_", "-", " "]) stem = stem.Replace(word, "", StringComparison.Ordinal);
        return stem;
    }
}
