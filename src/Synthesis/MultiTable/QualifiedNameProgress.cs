using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>One table fitted: which, how many rows, how long, and how many of the tables are done.</summary>
public sealed record QualifiedNameProgress(QualifiedName Table, long Rows, TimeSpan Elapsed, int Done, int Total);
