using System.Text.Json;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// The schema as two files: SDV's multi-table metadata (MULTI_TABLE_V1), which SDV's loaders accept
/// and validate as written, and our sidecar beside it (<c>m.sdv-connector.json</c>) with everything
/// SDV has no field for (composite keys, self-references and cycle keys, constraints, native types,
/// row counts, pii kinds). <see cref="Apply(DatabaseSchema, MetadataSource)"/> reads both back onto
/// the live schema; a file without a sidecar (one SDV wrote) is applied on its own, and our older
/// files with <c>sdv_connector</c> keys inside are still read.
/// </summary>
public static class MetadataJson
{
    /// <summary>The key our extras had inside the metadata file before they moved to the sidecar (still read).</summary>
    public const string Extension = "sdv_connector";

    /// <summary>Version of our extras: 1 inside the metadata file, 2 in the sidecar.</summary>
    public const int FormatVersion = 2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The key a table has in the file: its name, or schema.name where the database has several schemas.</summary>
    public static string TableKey(DatabaseSchema schema, QualifiedName table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        var several = schema.Tables.Select(t => t.Name.Schema).Distinct().Skip(1).Any();
        return several && table.Schema is not null ? $"{table.Schema}.{table.Name}" : table.Name;
    }

    /// <summary>SDV's metadata JSON: only what SDV's loaders accept and validate.</summary>
    public static string Write(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return SdvMetadataWriter.Write(schema, ForeignKeyGraph.Build(schema)).ToJsonString(Indented);
    }

    /// <summary>The sidecar JSON of the metadata file named <paramref name="metadataFileName"/>.</summary>
    public static string WriteSidecar(DatabaseSchema schema, string? metadataFileName) => WriteSidecar(schema, metadataFileName, null);

    /// <summary>
    /// The sidecar JSON, with each table's generation plan (<paramref name="plan"/>: reference table or not, primary
    /// parent or root, and why) under <c>tables.NAME.plan</c>, where the user can change it.
    /// </summary>
    public static string WriteSidecar(DatabaseSchema schema, string? metadataFileName, IReadOnlyDictionary<QualifiedName, TablePlanChoice>? plan)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return MetadataSidecarWriter.Write(schema, ForeignKeyGraph.Build(schema), metadataFileName, plan).ToJsonString(Indented);
    }

    /// <summary>
    /// Applies a user's metadata file to the live schema: sdtypes (and pii kinds) from the file win;
    /// a primary key or relationship the database lacks is added as a logical key (CSV sources need
    /// this). Anything that contradicts the database — an unknown table or column, a different
    /// primary key, a different native type — is refused, every problem listed with where it is.
    /// A Faker sdtype without a generator of its own is accepted, with a warning in the schema's warnings.
    /// </summary>
    public static DatabaseSchema Apply(DatabaseSchema live, MetadataSource source)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(source);
        return new MetadataReader(live, source).Apply();
    }

    /// <summary>Applies a metadata file without a sidecar (or of the older one-file format).</summary>
    public static DatabaseSchema Apply(DatabaseSchema live, string json, string fileName) => Apply(live, new MetadataSource(json, fileName));
}
