using System.Globalization;

namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>
/// The scalar functions CHECKs call most (lengths, case, trimming, rounding), as every engine names them, evaluated as the
/// engines do: NULL in, NULL out. A CHECK that calls another function is not read.
/// </summary>
internal static class CheckFunctions
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "length", "char_length", "character_length", "len", "lower", "lcase", "upper", "ucase", "trim", "btrim", "ltrim", "rtrim", "abs", "round",
    };

    public static bool Knows(string name) => Names.Contains(name);

    /// <summary>The function's value; null for NULL, or where an argument is not of the kind the function takes.</summary>
    public static object? Apply(string name, IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0 || arguments[0] is not { } value) return null;
        switch (name)
        {
            case "length" or "char_length" or "character_length":
                return value is string s ? (decimal)s.Length : null;
            case "len":
                // SQL Server's LEN leaves trailing spaces out.
                return value is string t ? (decimal)t.TrimEnd(' ').Length : null;
            case "lower" or "lcase":
                return value as string is { } lower ? lower.ToLowerInvariant() : null;
            case "upper" or "ucase":
                return value as string is { } upper ? upper.ToUpperInvariant() : null;
            case "trim" or "btrim":
                return value as string is { } both ? both.Trim(' ') : null;
            case "ltrim":
                return value as string is { } left ? left.TrimStart(' ') : null;
            case "rtrim":
                return value as string is { } right ? right.TrimEnd(' ') : null;
        }

        if (Number(value) is not { } number) return null;
        if (name == "abs") return Math.Abs(number);
        var digits = arguments.Count > 1 && Number(arguments[1]) is { } d ? (int)d : 0;
        return digits is >= 0 and <= 28 ? Math.Round(number, digits, MidpointRounding.AwayFromZero) : null;
    }

    private static decimal? Number(object? value) => value switch
    {
        decimal m => m,
        long l => l,
        int i => i,
        short s => s,
        double x when !double.IsNaN(x) && !double.IsInfinity(x) && Math.Abs(x) < 7.9e28 => (decimal)x,
        float f when !float.IsNaN(f) && !float.IsInfinity(f) && Math.Abs(f) < 7.9e28f => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
