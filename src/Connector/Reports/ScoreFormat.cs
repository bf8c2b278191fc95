using System.Globalization;

namespace Sdv.Connector.Reports;

/// <summary>How the reports spell figures: invariant culture, a dash for what was not measured.</summary>
internal static class ScoreFormat
{
    public static string Score(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Spectre colour of a score: green from 0.8, yellow from 0.6, red below.</summary>
    public static string Colour(double? value) => value switch
    {
        null => "grey",
        >= 0.8 => "green",
        >= 0.6 => "yellow",
        _ => "red",
    };
}
