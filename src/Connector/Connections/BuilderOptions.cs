using System.Data.Common;

namespace Sdv.Connector.Connections;

/// <summary>
/// Passes URL query options to a driver's connection string builder, so that every setting the driver knows
/// works in a URL too (<c>?sslmode=require</c>, <c>?trustServerCertificate=true</c>, <c>?timeout=30</c>).
/// libpq and mysql-client spellings (<c>ssl-mode</c>, <c>verify-full</c>) are retried without their hyphens
/// and underscores, which is how the .NET drivers spell the same names.
/// </summary>
internal static class BuilderOptions
{
    public static void Apply(
        DbConnectionStringBuilder builder,
        IReadOnlyList<KeyValuePair<string, string>> options,
        string engineName,
        ParseContext context)
    {
        foreach (var (key, value) in options)
        {
            Set(builder, key, value, engineName, context);
        }
    }

    private static void Set(DbConnectionStringBuilder builder, string key, string value, string engineName, ParseContext context)
    {
        var plainKey = key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        var plainValue = value.Replace("-", string.Empty, StringComparison.Ordinal);
        Exception? first = null;
        foreach (var (k, v) in new[] { (key, value), (plainKey, value), (key, plainValue), (plainKey, plainValue) })
        {
            try
            {
                builder[k] = v;
                return;
            }
            catch (Exception ex) when (IsDriverComplaint(ex))
            {
                first ??= ex;
            }
        }

        var shown = ConnectionUrl.IsPasswordKey(key) ? key : $"{key}={value}";
        throw context.Error($"query option '{shown}' is not accepted by {engineName}: {DriverMessage(first!)}");
    }

    /// <summary>
    /// The driver's own words: Npgsql wraps the real reason ("Keyword not supported", "Requested value 'x' was not
    /// found") in "Couldn't set x", so inner messages are joined; ArgumentException's "(Parameter 'x')" is dropped.
    /// </summary>
    public static string DriverMessage(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var message = e switch
            {
                ArgumentException { ParamName: { } name } => e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal),
                KeyNotFoundException => "no such setting", // Npgsql's inner "The given key was not present in the dictionary."
                _ => e.Message,
            };
            if (!parts.Contains(message))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }

    /// <summary>What connection string builders throw for a bad keyword or value.</summary>
    public static bool IsDriverComplaint(Exception ex) =>
        ex is ArgumentException or FormatException or InvalidCastException or OverflowException
            or InvalidOperationException or NotSupportedException or KeyNotFoundException;
}
