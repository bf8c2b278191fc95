namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Turns a parent's cell into the number a child's model is conditioned on, the same way when
/// fitting (real parent) and sampling (synthetic parent): numbers as they are, booleans 0/1, dates
/// and times as days, and a category as a stable code in [0, 1) from its FNV-1a hash, so no list
/// of the parent's categories has to be kept. NULL stays NULL.
/// </summary>
public static class ContextEncoding
{
    public static object? ToNumber(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b ? 1.0 : 0.0,
        long l => (double)l,
        int i => (double)i,
        short s => (double)s,
        decimal m => (double)m,
        double d => double.IsFinite(d) ? d : null,
        float f => float.IsFinite(f) ? f : null,
        DateOnly date => (double)date.DayNumber,
        DateTime dt => dt.Ticks / (double)TimeSpan.TicksPerDay,
        DateTimeOffset dto => dto.UtcTicks / (double)TimeSpan.TicksPerDay,
        TimeOnly t => t.Ticks / (double)TimeSpan.TicksPerDay,
        TimeSpan span => span.Ticks / (double)TimeSpan.TicksPerDay,
        string text => Code(text),
        _ => Code(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static double Code(string text) => (StableHash.Fnv1a(text) >> 11) * (1.0 / (1UL << 53));
}
