using System.Data.Common;
using Sdv.Connector.Engines;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly;

/// <summary>The staged clone <see cref="StagingWriter"/> checks after writing it, and the connection it checks through.</summary>
/// <param name="Connection">The open connection the clone was written through (not closed here).</param>
/// <param name="Adapter">The staging engine's adapter (quoting, introspection).</param>
/// <param name="Staging">The staging area, for its schemas and its description in errors.</param>
/// <param name="Staged">The schema as written, under staging names.</param>
/// <param name="ByName">The staged table of each model table.</param>
internal sealed record StagingCheckRequest(DbConnection Connection, IEngineAdapter Adapter, IStagingArea Staging, DatabaseSchema Staged,
    IReadOnlyDictionary<QualifiedName, TableSchema> ByName);
