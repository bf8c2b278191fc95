using System.Data.Common;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Inference;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Reads the source's schema, infers keys it does not declare, profiles a sample, infers sdtypes and applies the user's metadata file.</summary>
internal static class IntrospectStep
{
    /// <param name="progress">Told of the phase, its steps and each table profiled; null reports nothing.</param>
    public static async Task<DatabaseSchema> RunAsync(DatabaseEndpoint source, IntrospectionOptions options, FileInfo? metadataFile, CancellationToken cancellationToken,
        RunProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var adapter = OpenDatabase.Adapter(source);
        var metadata = await ReadMetadataAsync(metadataFile, cancellationToken);
        progress?.Phase(Phases.Introspect);
        progress?.Step(Phases.Introspect, "reading the catalog");

        await using var connection = await OpenDatabase.SourceAsync(source, cancellationToken);
        // Catalog queries run outside the read-only transaction: some drivers (SQLite, MySqlConnector)
        // refuse commands that do not name the connection's open transaction.
        var schema = ColumnlessTables.LeftOut(await adapter.Introspector.IntrospectAsync(connection, options, cancellationToken));
        var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken);
        try
        {
            if (options.InferKeys) progress?.Step(Phases.Introspect, "inferring keys the source does not declare");
            schema = await InferKeysAsync(connection, transaction, adapter, schema, options, cancellationToken);
            progress?.Phase(Phases.Introspect, schema.Tables.Count);
            var profiles = await ProfileStep.RunAsync(connection, transaction, adapter, schema, ProfileStep.DefaultRows, cancellationToken, progress);
            schema = SdTypeInference.Apply(schema, profiles);
            return ApplyMetadata(schema, metadata);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>Primary and foreign keys inferred where a table declares none (unless --infer-keys off); declared keys are left as they are.</summary>
    public static async Task<DatabaseSchema> InferKeysAsync(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, DatabaseSchema schema, IntrospectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.InferKeys) return schema;
        return await KeyInference.InferAsync(schema, new KeyDataChecks(connection, transaction, adapter), cancellationToken);
    }

    /// <summary>The user's metadata file and the sidecar beside it (where there is one), or null without --metadata.</summary>
    public static async Task<MetadataSource?> ReadMetadataAsync(FileInfo? metadataFile, CancellationToken cancellationToken)
    {
        if (metadataFile is null) return null;
        if (!metadataFile.Exists) throw new UserInputException($"--metadata: the file {metadataFile.FullName} does not exist.");
        return await MetadataSource.ReadAsync(metadataFile.FullName, cancellationToken);
    }

    /// <summary>The schema with the user's metadata applied (their word wins); a file that does not fit is bad input.</summary>
    public static DatabaseSchema ApplyMetadata(DatabaseSchema schema, MetadataSource? metadata)
    {
        if (metadata is null) return schema;
        try
        {
            return MetadataJson.Apply(schema, metadata);
        }
        catch (MetadataException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }
}
