using System.Data.Common;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>What <see cref="TableLoader.LoadAsync"/> loads, and where: the tables it samples and the target tables and connection it writes to.</summary>
/// <param name="Sampler">Samples the rows of every table (each table once).</param>
/// <param name="Order">The model's tables in the order they start when they can (parent-first).</param>
/// <param name="Targets">The target table of each model table.</param>
/// <param name="Writer">The target engine's bulk writer.</param>
/// <param name="Connection">The caller's open target connection, used for the first table in flight (not closed here).</param>
internal sealed record TableLoadRequest(DatabaseSampler Sampler, IReadOnlyList<QualifiedName> Order, IReadOnlyDictionary<QualifiedName, TableSchema> Targets,
    IBulkWriter Writer, DbConnection Connection);
