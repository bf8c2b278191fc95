using Sdv.Connector.Cli;
using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Reads the source's schema, profiles a bounded sample, infers sdtypes and applies the user's metadata file.</summary>
internal static class IntrospectStep
{
    public static async Task<DatabaseSchema> RunAsync(DatabaseEndpoint source, IntrospectionOptions options, FileInfo? metadataFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var adapter = OpenDatabase.Adapter(source);
        string? metadataJson = null;
        if (metadataFile is not null)
        {
            if (!metadataFile.Exists) throw new UserInputException($"--metadata: the file {metadataFile.FullName} does not exist.");
            metadataJson = await File.ReadAllTextAsync(metadataFile.FullName, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await OpenDatabase.SourceAsync(source, cancellationToken).ConfigureAwait(false);
        // Catalog queries run outside the read-only transaction: some drivers (SQLite, MySqlConnector)
        // refuse commands that do not name the connection's open transaction.
        var schema = await adapter.Introspector.IntrospectAsync(connection, options, cancellationToken).ConfigureAwait(false);
        var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var profiles = await ProfileStep.RunAsync(connection, transaction, adapter, schema, ProfileStep.DefaultRows, cancellationToken).ConfigureAwait(false);
            schema = SdTypeInference.Apply(schema, profiles);
            if (metadataJson is not null)
            {
                try
                {
                    schema = MetadataJson.Apply(schema, metadataJson, metadataFile!.Name);
                }
                catch (MetadataException e)
                {
                    throw new UserInputException(e.Message, e);
                }
            }
            return schema;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }
}
