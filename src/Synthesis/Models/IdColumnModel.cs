using System.Globalization;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>A key column: generated, unique, in the source's format; its values are never learned.</summary>
internal sealed class IdColumnModel : ColumnModel
{
    public IdFormat Format { get; set; }

    /// <summary>Pattern: the text before the counter.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Pattern: the counter's zero-padded width.</summary>
    public int Digits { get; set; } = 1;

    public bool UpperCase { get; set; }

    public ShapeProfile? Shape { get; set; }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime) => Next(runtime);

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime) => Next(runtime);

    private object Next(ColumnRuntime runtime)
    {
        switch (Format)
        {
            case IdFormat.Uuid:
                Span<byte> bytes = stackalloc byte[16];
                BitConverter.TryWriteBytes(bytes, runtime.Random.NextULong());
                BitConverter.TryWriteBytes(bytes[8..], runtime.Random.NextULong());
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (little-endian field layout)
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
                var guid = new Guid(bytes);
                if (Kind == ValueKind.Guid)
                {
                    return guid;
                }

                var text = guid.ToString("D");
                return UpperCase ? text.ToUpperInvariant() : text;
            case IdFormat.Pattern:
                return Prefix + (runtime.Counter++).ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case IdFormat.Shape when Shape is not null:
                runtime.Used ??= [];
                for (var attempt = 0; ; attempt++)
                {
                    var candidate = ShapeGenerator.Generate(Shape, runtime.Random, MaxLength, literals: attempt < 10);
                    if (attempt >= 20)
                    {
                        candidate = ShapeGenerator.WithSuffix(candidate, runtime.Counter++, MaxLength);
                    }

                    if (runtime.Used.Add(candidate))
                    {
                        return candidate;
                    }
                }

            default:
                var n = runtime.Counter++;
                return Kind switch
                {
                    ValueKind.Integer => n,
                    ValueKind.Decimal => (decimal)n,
                    ValueKind.Double => (double)n,
                    _ => n.ToString(CultureInfo.InvariantCulture),
                };
        }
    }
}
