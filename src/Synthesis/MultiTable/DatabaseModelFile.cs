using System.Text.Json;
using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The model file of a whole database (<c>.sdvm</c>): versioned JSON with the schema, each table's
/// model (<see cref="ModelFile"/>'s statistics) and count distributions, and the schema fingerprint. It names and locates
/// no source (<see cref="ModelNames"/>).
/// A newer or corrupt file is refused with a message that says what to do; the content carries its SHA-256, so bytes
/// changed inside a value (still valid JSON) are caught too.
/// </summary>
public static class DatabaseModelFile
{
    public const string Format = "sdv-connector/database-model";
    public const int CurrentVersion = 2;

    public static void Save(DatabaseModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        model = ModelNames.Neutral(model);
        var tables = new JsonArray();
        foreach (var entry in model.Tables)
        {
            var tableModel = ModelFile.ToNode(entry.Model);
            tableModel["schema"] = entry.Table.Schema;
            tables.Add(new JsonObject
            {
                ["table"] = JsonSerializer.SerializeToNode(entry.Table, ModelFile.JsonOptions),
                ["sourceRows"] = entry.SourceRows,
                ["counts"] = JsonSerializer.SerializeToNode(entry.Counts, ModelFile.JsonOptions),
                ["reference"] = entry.IsReference,
                ["equalities"] = JsonSerializer.SerializeToNode(entry.Equalities, ModelFile.JsonOptions),
                ["roleReason"] = entry.RoleReason,
                ["referenceRows"] = entry.IsReference ? JsonSerializer.SerializeToNode(entry.ReferenceRows, ModelFile.JsonOptions) : null,
                ["model"] = tableModel,
            });
        }
        var root = new JsonObject
        {
            ["format"] = Format,
            ["formatVersion"] = CurrentVersion,
            ["writtenBy"] = typeof(DatabaseModelFile).Assembly.GetName().Version?.ToString() ?? "unknown",
            ["fingerprint"] = model.Fingerprint,
            ["schema"] = JsonSerializer.SerializeToNode(model.Schema, ModelFile.JsonOptions),
            ["warnings"] = JsonSerializer.SerializeToNode(model.Warnings, ModelFile.JsonOptions),
            ["tables"] = tables,
        };
        root[ChecksumProperty] = Checksum(root);
        using var writer = new Utf8JsonWriter(stream);
        root.WriteTo(writer);
    }

    /// <summary>The property that holds the SHA-256 of the rest of the file (the root without it, as written).</summary>
    private const string ChecksumProperty = "contentSha256";

    /// <summary>The SHA-256 (hex) of <paramref name="root"/> as the writer writes it.</summary>
    private static string Checksum(JsonObject root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) root.WriteTo(writer);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    public static void Save(DatabaseModel model, string path)
    {
        // Written beside and renamed, so a crash never leaves half a model where a good one was.
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) Save(model, stream);
        File.Move(temporary, path, overwrite: true);
    }

    public static DatabaseModel Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"The model file {path} does not exist; write one with `fit --source ... --model {path}`.");
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static DatabaseModel Load(Stream stream, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"{source} is not a model file (not a JSON object). Fit the model again.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a readable model file (invalid JSON: {e.Message.Split(". ")[0]}). Fit the model again.", e);
        }
        if ((string?)root["format"] is not Format)
            throw new InvalidDataException($"{source} is not a database model file (expected \"format\": \"{Format}\"); write one with `fit`.");
        var version = root["formatVersion"]?.GetValueKind() == JsonValueKind.Number ? root["formatVersion"]!.GetValue<int>() : -1;
        if (version > CurrentVersion)
            throw new InvalidDataException($"{source} was written in model format version {version} (by {(string?)root["writtenBy"] ?? "a newer version"}); this version reads up to {CurrentVersion}. Upgrade sdv-connector or fit the model again with this version.");
        if (version < 1) throw new InvalidDataException($"{source} has no valid formatVersion. Fit the model again.");
        if (version < CurrentVersion) throw new InvalidDataException($"{source} was written in model format version {version} by an older version of sdv-connector; this version reads format {CurrentVersion}. Fit the model again (`fit --source ... --model {source}`).");
        // Files written before the checksum have none, and are read as they were.
        if (root[ChecksumProperty] is { } written)
        {
            root.Remove(ChecksumProperty);
            if (written.GetValueKind() != JsonValueKind.String || (string?)written != Checksum(root))
                throw new InvalidDataException($"{source} is not a readable model file: its content does not match the checksum it was written with (changed or damaged since). Fit the model again.");
        }
        try
        {
            var schema = root["schema"].Deserialize<DatabaseSchema>(ModelFile.JsonOptions) ?? throw new InvalidDataException($"{source} has no schema.");
            var tables = new List<TableEntry>();
            foreach (var node in root["tables"]?.AsArray() ?? [])
            {
                var name = node!["table"].Deserialize<QualifiedName>(ModelFile.JsonOptions)!;
                tables.Add(new TableEntry
                {
                    Table = name,
                    SourceRows = node["sourceRows"]!.GetValue<long>(),
                    Counts = node["counts"].Deserialize<Dictionary<string, CountDistribution>>(ModelFile.JsonOptions) ?? [],
                    IsReference = node["reference"]?.GetValue<bool>() ?? false,
                    Equalities = node["equalities"].Deserialize<List<ColumnEquality>>(ModelFile.JsonOptions) ?? [],
                    RoleReason = (string?)node["roleReason"] ?? string.Empty,
                    ReferenceRows = node["referenceRows"].Deserialize<List<string?[]>>(ModelFile.JsonOptions) ?? [],
                    Model = ModelFile.FromNode(node["model"], $"{source} (table {name})"),
                });
            }
            var warnings = root["warnings"].Deserialize<List<string>>(ModelFile.JsonOptions) ?? [];
            var model = new DatabaseModel(schema, tables, warnings);
            if ((string?)root["fingerprint"] is { } fingerprint && fingerprint != model.Fingerprint)
                throw new InvalidDataException($"{source} is corrupt: its schema does not match its fingerprint. Fit the model again.");
            if (schema.Tables.Any(t => tables.All(e => !e.Table.Equals(t.Name))))
                throw new InvalidDataException($"{source} is corrupt: a table of its schema has no model. Fit the model again.");
            return model;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or NullReferenceException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{source} is corrupt ({e.Message.Split(". ")[0]}). Fit the model again.", e);
        }
    }
}
