namespace Sdv.Connector.Introspection.Bench.Plan;

/// <summary>The column types the generated schema mixes; each target maps them to its own type names.</summary>
internal enum ColumnKind
{
    Int32,
    Int64,
    Decimal,
    Varchar,
    Text,
    Date,
    Timestamp,
    Boolean,

    /// <summary>An enum-like varchar guarded by a CHECK ... IN (...).</summary>
    Status,
}
