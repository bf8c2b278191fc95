using System.Globalization;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Turns cells into what SDMetrics computes on: numbers as double, datetimes as int64 nanoseconds
/// since the Unix epoch (pandas' <c>to_numeric</c> of <c>datetime64[ns]</c>), and category keys
/// that compare as pandas would (1 and 1.0 are the same value; NaN is null).
/// </summary>
internal static class CellValues
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Null, DBNull and NaN are all missing, as in pandas.</summary>
    public static bool IsNull(object? value) => value switch
    {
        null => true,
        DBNull => true,
        double d => double.IsNaN(d),
        float f => float.IsNaN(f),
        _ => false,
    };

    /// <summary>A non-null key for equality and hashing: numbers become double, datetimes nanoseconds, null <see cref="NullKey"/>.</summary>
    public static object Key(object? value)
    {
        if (IsNull(value))
        {
            return NullKey.Instance;
        }

        return value switch
        {
            double d => d,
            float f => (double)f,
            decimal m => (double)m,
            long l => (double)l,
            int i => (double)i,
            short s => (double)s,
            sbyte sb => (double)sb,
            byte b => (double)b,
            ushort us => (double)us,
            uint ui => (double)ui,
            ulong ul => (double)ul,
            DateTime or DateOnly or DateTimeOffset => DatetimeNanoseconds(value!),
            byte[] bytes => new BytesKey(Convert.ToHexString(bytes)),
            _ => value!,
        };
    }

    /// <summary>
    /// A number for a continuous column: NaN for null, nanoseconds for datetimes and times, 1/0 for
    /// booleans. A string is parsed (invariant) as a number, then as a datetime.
    /// </summary>
    /// <exception cref="FormatException">A cell that is neither: the column cannot be treated as continuous.</exception>
    public static double ToNumber(object? value)
    {
        if (IsNull(value))
        {
            return double.NaN;
        }

        return value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            long l => l,
            int i => i,
            short s => s,
            sbyte sb => sb,
            byte b => b,
            ushort us => us,
            uint ui => ui,
            ulong ul => ul,
            bool flag => flag ? 1.0 : 0.0,
            // As a double, not through a long: a date before 1677 or after 2262 is past int64 nanoseconds, and the
            // wrapped value put year 1 after year 2000 (only the order matters to KS, and doubles keep it).
            DateTime or DateOnly or DateTimeOffset => DatetimeTicks(value!) * 100.0,
            TimeOnly t => t.Ticks * 100.0,
            TimeSpan span => span.Ticks * 100.0,
            string text => ParseNumber(text),
            _ => throw new FormatException($"A {value!.GetType().Name} value cannot be read as a number."),
        };
    }

    /// <summary>
    /// Nanoseconds since 1970-01-01 (wall-clock time for DateTime and DateOnly, UTC for DateTimeOffset), as SDMetrics
    /// compares them; for equality and hashing (outside 1677-2262 the value wraps, still one per instant in practice).
    /// </summary>
    public static long DatetimeNanoseconds(object value) => unchecked(DatetimeTicks(value) * 100);

    /// <summary>100-nanosecond ticks since 1970-01-01 (wall-clock time for DateTime and DateOnly, UTC for DateTimeOffset).</summary>
    private static long DatetimeTicks(object value) => value switch
    {
        DateTime dt => dt.Ticks - EpochTicks,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).Ticks - EpochTicks,
        DateTimeOffset dto => dto.UtcTicks - EpochTicks,
        _ => throw new FormatException($"A {value.GetType().Name} value is not a datetime."),
    };

    /// <summary>Whether cells of this type have a range a database's MIN and MAX give as numbers do (numbers, dates, timestamps).</summary>
    public static bool HasRange(Type type) =>
        type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    /// <summary>A category's text for reports: invariant numbers and dates, true/false, "(null)".</summary>
    public static string Label(object? value) => IsNull(value) ? "(null)" : value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value!.ToString() ?? string.Empty,
    };

    /// <summary>Converts a whole column; on the first unreadable cell returns false and the reason.</summary>
    public static bool TryToNumbers(IReadOnlyList<object?> values, out double[] numbers, out string? error)
    {
        numbers = new double[values.Count];
        try
        {
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = ToNumber(values[i]);
            }

            error = null;
            return true;
        }
        catch (FormatException e)
        {
            error = $"FormatException: {e.Message}";
            return false;
        }
    }

    private static double ParseNumber(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        // Engines without a date type (SQLite) hand datetimes over as ISO strings.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (parsed.Ticks - EpochTicks) * 100;
        }

        throw new FormatException($"'{text}' is neither a number nor a datetime.");
    }
}
