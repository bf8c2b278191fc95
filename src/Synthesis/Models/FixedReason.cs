namespace Sdv.Connector.Synthesis.Models;

/// <summary>Why a column is not modelled.</summary>
internal enum FixedReason
{
    /// <summary>A foreign key: filled by the caller (the multi-table layer), NULL otherwise.</summary>
    ForeignKey,
    /// <summary>A computed column: the database produces it, never written.</summary>
    Generated,
    /// <summary>A type the model does not learn: NULL, or the type's default where NOT NULL.</summary>
    Unsupported,
    /// <summary>NULL in every row of the source: it stays NULL, whatever its name or sdtype suggests.</summary>
    AllNull,
}
