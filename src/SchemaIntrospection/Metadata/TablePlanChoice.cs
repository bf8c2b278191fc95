using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// How one table is generated, as <c>introspect</c> decided it, for the sidecar's <c>plan</c> of the table:
/// copied verbatim as a reference table, or generated under its primary parent (the foreign key's child
/// columns; null for a root table). A user edits it there; <c>--metadata</c> reads it back as
/// <see cref="TableSchema.ReferenceOverride"/> and <see cref="TableSchema.PrimaryParentOverride"/>.
/// </summary>
/// <param name="IsReference">A reference table, copied verbatim.</param>
/// <param name="PrimaryParent">The child columns of the primary parent's foreign key; null for a root (or a reference table).</param>
/// <param name="ParentTable">The table that key points at (written for the reader of the file; checked against the key when read).</param>
/// <param name="Why">Why the table is generated this way (the plan's reason).</param>
/// <param name="WhyNotReference">For a generated table, why it is not a reference table; null for a reference table.</param>
public sealed record TablePlanChoice(bool IsReference, IReadOnlyList<string>? PrimaryParent, QualifiedName? ParentTable, string Why, string? WhyNotReference = null);
