using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>The value written to a NOT NULL column the model cannot produce (unsupported types).</summary>
internal static class TypeDefaults
{
    public static object For(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => false,
        ValueKind.Integer => 0L,
        ValueKind.Decimal => 0m,
        ValueKind.Double => 0.0,
        ValueKind.Date => new DateOnly(1970, 1, 1),
        ValueKind.Time => TimeOnly.MinValue,
        ValueKind.DateTime => new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        ValueKind.DateTimeOffset => new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ValueKind.Interval => TimeSpan.Zero,
        ValueKind.Guid => Guid.Empty,
        ValueKind.Binary => Array.Empty<byte>(),
        _ => string.Empty,
    };
}
