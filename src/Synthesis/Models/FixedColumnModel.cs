using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>A column left to the caller or to the database: NULL, or its type's default where NOT NULL and unsupported.</summary>
internal sealed class FixedColumnModel : ColumnModel
{
    public FixedReason Reason { get; set; }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime) =>
        Reason == FixedReason.Unsupported && !IsNullable ? TypeDefaults.For(Kind) : null;

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime) => previous;
}
