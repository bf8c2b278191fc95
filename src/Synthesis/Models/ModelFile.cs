using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Reads and writes table models as versioned JSON: <c>{"format": "sdv-connector/table-model",
/// "formatVersion": N, "model": {...}}</c>. A file of a newer format version, of another format, or
/// that does not parse is refused with a message saying which and what to do.
/// </summary>
public static class ModelFile
{
    /// <summary>The format identifier written in every file.</summary>
    public const string Format = "sdv-connector/table-model";

    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const int CurrentVersion = 2;

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Save(TableModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = new JsonObject
        {
            ["format"] = Format,
            ["formatVersion"] = CurrentVersion,
            ["writtenBy"] = typeof(ModelFile).Assembly.GetName().Version?.ToString() ?? "unknown",
            ["model"] = ToNode(model),
        };
        using var writer = new Utf8JsonWriter(stream);
        root.WriteTo(writer);
    }

    public static void Save(TableModel model, string path)
    {
        using var stream = File.Create(path);
        Save(model, stream);
    }

    public static TableModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static TableModel Load(Stream stream) => Load(stream, "the model stream");

    private static TableModel Load(Stream stream, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a readable model file (invalid JSON: {e.Message}). Fit the model again.", e);
        }

        if (root is not JsonObject obj || obj["format"]?.GetValueKind() != JsonValueKind.String || (string?)obj["format"] != Format)
        {
            throw new InvalidDataException($"{source} is not a table model file (expected \"format\": \"{Format}\").");
        }

        int version;
        try
        {
            version = obj["formatVersion"]?.GetValue<int>() ?? throw new InvalidDataException($"{source} has no formatVersion.");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source} has an unreadable formatVersion.", e);
        }

        if (version > CurrentVersion)
        {
            throw new InvalidDataException(
                $"{source} was written in model format version {version} (by {(string?)obj["writtenBy"] ?? "a newer version"}); this version reads up to {CurrentVersion}. Upgrade Sdv.Connector or fit the model again with this version.");
        }

        if (version < 1)
        {
            throw new InvalidDataException($"{source} has an invalid formatVersion {version}.");
        }

        if (version < CurrentVersion)
        {
            throw new InvalidDataException($"{source} was written in model format version {version} by an older version of Sdv.Connector; this version reads format {CurrentVersion}. Fit the model again.");
        }

        return FromNode(obj["model"], source);
    }

    /// <summary>The model's statistics as JSON, for files that hold several models (the database model).</summary>
    internal static JsonNode ToNode(TableModel model) => JsonSerializer.SerializeToNode(model.Data, JsonOptions)!;

    /// <summary>Reads a model written by <see cref="ToNode"/>, refusing a corrupt one with a message naming <paramref name="source"/>.</summary>
    internal static TableModel FromNode(JsonNode? node, string source)
    {
        TableModelData? data;
        try
        {
            data = node?.Deserialize<TableModelData>(JsonOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source} is corrupt: its model does not read ({e.Message}). Fit the model again.", e);
        }

        if (data is null || string.IsNullOrEmpty(data.Table))
        {
            throw new InvalidDataException($"{source} is corrupt: it has no model. Fit the model again.");
        }

        if (data.Joint is null || data.Joint.Size != data.DimensionCount
            || (data.Joint is Joint.CopulaJointModel copula && copula.Copula.Correlation.Any(row => row.Length != data.DimensionCount)))
        {
            throw new InvalidDataException($"{source} is corrupt: its joint model does not match the columns. Fit the model again.");
        }

        try
        {
            return new TableModel(data);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source} is corrupt: {e.Message} Fit the model again.", e);
        }
    }
}
