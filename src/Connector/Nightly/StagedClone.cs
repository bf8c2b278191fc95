using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly;

/// <summary>A clone written to staging and checked: its schema (staging names) and rows per table (target names).</summary>
internal sealed record StagedClone(DatabaseSchema Staged, DatabaseSchema Mapped, IReadOnlyDictionary<QualifiedName, long> Rows, IReadOnlyList<string> Warnings);
