using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>The seeded sample <see cref="ProfileSampling.Select"/> spells in an engine's SQL.</summary>
/// <param name="Table">The table sampled.</param>
/// <param name="Columns">The columns selected, in order.</param>
/// <param name="Fraction">About which share of the rows to keep (1 reads the whole table, no sampling clause).</param>
/// <param name="TableRows">The table's row count (an engine may sample pages rather than rows above some size).</param>
/// <param name="Seed">The sample's seed: the same seed and data give the same rows.</param>
/// <param name="Limit">At most this many rows.</param>
/// <param name="NotNull">When given, only rows where this column is set.</param>
internal sealed record ProfileSampleRequest(TableSchema Table, IReadOnlyList<string> Columns, double Fraction, long TableRows, int Seed, int Limit, string? NotNull = null);
