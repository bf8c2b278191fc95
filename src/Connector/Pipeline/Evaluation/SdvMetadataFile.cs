using System.Text.Json;
using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>
/// Reads SDV metadata (MULTI_TABLE_V1 or V1, as SDV writes it or as a user edits it) as SDMetrics reads it for its
/// reports: <c>tables.&lt;t&gt;.columns.&lt;c&gt;.sdtype</c> in file order, <c>primary_key</c>, <c>alternate_keys</c>,
/// <c>sequence_index</c> and <c>relationships</c>, nothing else. Sdtypes are read by <see cref="SdvNames"/>; a Faker
/// name it does not know is personal data (SDV's meaning: generated, never learned), which SDMetrics does not score.
/// Tables and columns must exist in the database (every problem is listed at once).
/// </summary>
internal static class SdvMetadataFile
{
    public static Content Read(DatabaseSchema schema, string json, string fileName)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new SdvMetadataException($"{fileName}: the file is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new SdvMetadataException($"{fileName}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(". ")[0]}.", e);
        }

        if (root["tables"] is not JsonObject tablesJson)
        {
            throw new SdvMetadataException($"{fileName}: has no \"tables\" object; SDV metadata has tables, relationships and METADATA_SPEC_VERSION.");
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        var byKey = schema.Tables.ToDictionary(t => MetadataJson.TableKey(schema, t.Name), StringComparer.Ordinal);
        var tables = new List<ContentTable>();
        foreach (var (key, node) in tablesJson)
        {
            var where = $"tables.{key}";
            if (!byKey.TryGetValue(key, out var table))
            {
                problems.Add($"{where}: the database has no table '{key}' (tables: {string.Join(", ", byKey.Keys.Take(20))}).");
                continue;
            }

            if (node?["columns"] is not JsonObject columnsJson || columnsJson.Count == 0)
            {
                problems.Add($"{where}: has no \"columns\" object.");
                continue;
            }

            var columns = new List<EvaluationColumn>();
            foreach (var (name, column) in columnsJson)
            {
                if (table.FindColumn(name) is null)
                {
                    problems.Add($"{where}.columns.{name}: the table has no such column (columns: {string.Join(", ", table.Columns.Select(c => c.Name))}).");
                    continue;
                }

                var sdtype = Text(column?["sdtype"]);
                if (sdtype is null)
                {
                    problems.Add($"{where}.columns.{name}: has no sdtype.");
                    continue;
                }

                var piiFlag = column?["pii"] is JsonValue flag && flag.TryGetValue<bool>(out var b) ? b : (bool?)null;
                if (SdvNames.Read(sdtype, piiFlag) is { } reading)
                {
                    // SDMetrics scores only the basic sdtypes: a semantic one (first_name, even with pii false) is skipped.
                    var scored = sdtype is "numerical" or "datetime" or "categorical" or "boolean" or "id" ? reading.SdType : SdType.Pii;
                    columns.Add(new EvaluationColumn(name, scored, reading.Pii));
                }
                else
                {
                    warnings.Add($"{where}.columns.{name}: sdtype '{sdtype}' is read as personal data (generated, not scored), as SDV reads a Faker name.");
                    columns.Add(new EvaluationColumn(name, SdType.Pii));
                }
            }

            var primaryKey = Names(node["primary_key"]) ?? [];
            var alternateKeys = node["alternate_keys"] is JsonArray alternates
                ? alternates.Select(Names).OfType<IReadOnlyList<string>>().ToList()
                : [];
            var keyColumns = primaryKey.Concat(alternateKeys.SelectMany(k => k));
            problems.AddRange(keyColumns.Where(c => !columns.Any(x => x.Name == c)).Distinct().Select(c => $"{where}: key column '{c}' is not among its columns."));
            tables.Add(new ContentTable(table, columns, primaryKey, alternateKeys, Text(node["sequence_index"])));
        }

        var relationships = new List<EvaluationRelationship>();
        if (root["relationships"] is JsonArray relationshipsJson)
        {
            var i = 0;
            foreach (var r in relationshipsJson)
            {
                var where = $"relationships[{i++}]";
                var parent = Text(r?["parent_table_name"]);
                var child = Text(r?["child_table_name"]);
                var parentKey = Names(r?["parent_primary_key"]);
                var foreignKey = Names(r?["child_foreign_key"]);
                if (parent is null || child is null || parentKey is null || foreignKey is null)
                {
                    problems.Add($"{where}: needs parent_table_name, child_table_name, parent_primary_key and child_foreign_key.");
                    continue;
                }

                var parentTable = tables.FirstOrDefault(t => MetadataJson.TableKey(schema, t.Table.Name) == parent);
                var childTable = tables.FirstOrDefault(t => MetadataJson.TableKey(schema, t.Table.Name) == child);
                if (parentTable is null || childTable is null)
                {
                    problems.Add($"{where}: table '{(parentTable is null ? parent : child)}' is not among the file's tables.");
                    continue;
                }

                var unknown = parentKey.Where(c => !parentTable.Columns.Any(x => x.Name == c)).Select(c => $"{parent}.{c}")
                    .Concat(foreignKey.Where(c => !childTable.Columns.Any(x => x.Name == c)).Select(c => $"{child}.{c}")).ToList();
                if (unknown.Count > 0)
                {
                    problems.Add($"{where}: column(s) {string.Join(", ", unknown)} are not among the file's columns.");
                    continue;
                }

                relationships.Add(new EvaluationRelationship(parent, parentKey, child, foreignKey));
            }
        }

        if (problems.Count > 0)
        {
            throw new SdvMetadataException($"{fileName} does not fit the real database ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  - " + string.Join("\n  - ", problems));
        }

        return new Content(tables, relationships, warnings);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A column name, or a list of them (a composite key).</summary>
    private static IReadOnlyList<string>? Names(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).OfType<string>().ToList(),
        JsonValue => Text(node) is { } name ? [name] : null,
        _ => null,
    };

    internal sealed record ContentTable(
        TableSchema Table, IReadOnlyList<EvaluationColumn> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<IReadOnlyList<string>> AlternateKeys, string? SequenceIndex);

    internal sealed record Content(IReadOnlyList<ContentTable> Tables, IReadOnlyList<EvaluationRelationship> Relationships, IReadOnlyList<string> Warnings);
}
