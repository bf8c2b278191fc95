using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Writes the schema as SDV multi-table metadata (MULTI_TABLE_V1) and reads a user's edited copy
/// back onto the live schema. SDV reads <c>tables</c>, <c>relationships</c> and
/// <c>METADATA_SPEC_VERSION</c>; everything SDV has no field for (composite keys, constraints,
/// native types, cycles, row counts, pii kinds) lives under <c>sdv_connector</c> keys that SDV ignores.
/// Relationships with a composite key are listed only under <c>sdv_connector.foreign_keys</c>,
/// since SDV's relationship holds a single column.
/// </summary>
public static class MetadataJson
{
    public const string Extension = "sdv_connector";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The key a table has in the file: its name, or schema.name where the database has several schemas.</summary>
    public static string TableKey(DatabaseSchema schema, QualifiedName table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        var several = schema.Tables.Select(t => t.Name.Schema).Distinct().Skip(1).Any();
        return several && table.Schema is not null ? $"{table.Schema}.{table.Name}" : table.Name;
    }

    public static string Write(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var graph = ForeignKeyGraph.Build(schema);
        var tables = new JsonObject();
        foreach (var table in schema.Tables.OrderBy(t => t.Name, QualifiedName.Order))
        {
            tables[TableKey(schema, table.Name)] = TableJson(schema, table);
        }

        var relationships = new JsonArray();
        var foreignKeys = new JsonArray();
        foreach (var fk in schema.ForeignKeys)
        {
            if (fk.Columns.Count == 1)
            {
                relationships.Add(new JsonObject
                {
                    ["parent_table_name"] = TableKey(schema, fk.PrincipalTable),
                    ["child_table_name"] = TableKey(schema, fk.Table),
                    ["parent_primary_key"] = fk.PrincipalColumns[0],
                    ["child_foreign_key"] = fk.Columns[0],
                });
            }
            foreignKeys.Add(new JsonObject
            {
                ["name"] = fk.Name,
                ["child_table"] = TableKey(schema, fk.Table),
                ["child_columns"] = Strings(fk.Columns),
                ["parent_table"] = TableKey(schema, fk.PrincipalTable),
                ["parent_columns"] = Strings(fk.PrincipalColumns),
                ["on_delete"] = fk.OnDelete.ToString(),
                ["on_update"] = fk.OnUpdate.ToString(),
                ["self_reference"] = fk.IsSelfReference,
                ["deferred"] = graph.IsDeferred(fk),
            });
        }

        var root = new JsonObject
        {
            ["METADATA_SPEC_VERSION"] = "MULTI_TABLE_V1",
            ["tables"] = tables,
            ["relationships"] = relationships,
            [Extension] = new JsonObject
            {
                ["format_version"] = FormatVersion,
                ["engine"] = schema.Engine.ToString(),
                ["database"] = schema.DatabaseName,
                ["server_version"] = schema.ServerVersion,
                ["parent_first_order"] = Strings(graph.ParentFirstOrder.Select(n => TableKey(schema, n))),
                ["foreign_keys"] = foreignKeys,
                ["cycles"] = new JsonArray(graph.Cycles.Select(c => (JsonNode?)Strings(c.Select(n => TableKey(schema, n)))).ToArray()),
                ["deferred_keys"] = new JsonArray(graph.DeferredKeys.Select(d => (JsonNode?)new JsonObject
                {
                    ["foreign_key"] = d.ForeignKey.ToString(),
                    ["nullable"] = d.IsNullable,
                    ["reason"] = d.Reason,
                }).ToArray()),
                ["views"] = new JsonArray(schema.Views.Select(v => (JsonNode?)new JsonObject
                {
                    ["name"] = v.Name.ToString(),
                    ["materialized"] = v.IsMaterialized,
                    ["definition"] = v.Definition,
                }).ToArray()),
                ["user_types"] = new JsonArray(schema.UserTypes.Select(u => (JsonNode?)new JsonObject
                {
                    ["name"] = u.Name.ToString(),
                    ["enum_values"] = u.EnumValues is null ? null : Strings(u.EnumValues),
                    ["base_type"] = u.BaseType,
                }).ToArray()),
                ["warnings"] = Strings(schema.Warnings.Concat(graph.Warnings)),
            },
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject TableJson(DatabaseSchema schema, TableSchema table)
    {
        var columns = new JsonObject();
        var ours = new JsonObject();
        foreach (var c in table.Columns)
        {
            var sdtype = SdvNames.SdType(c);
            var column = new JsonObject { ["sdtype"] = sdtype };
            switch (c.SdType)
            {
                case SdType.Numerical:
                    column["computer_representation"] = SdvNames.ComputerRepresentation(c.LogicalType);
                    break;
                case SdType.Datetime when c.DatetimeFormat is not null:
                    column["datetime_format"] = c.DatetimeFormat;
                    break;
                case SdType.Pii or SdType.Text:
                    column["pii"] = true;
                    break;
                case SdType.Unsupported:
                    column["pii"] = false;
                    break;
            }
            columns[c.Name] = column;
            ours[c.Name] = new JsonObject
            {
                ["native_type"] = c.NativeType,
                ["logical_type"] = c.LogicalType.ToString(),
                ["nullable"] = c.IsNullable,
                ["default"] = c.DefaultSql,
                ["identity"] = c.Identity == IdentityKind.None ? null : c.Identity.ToString(),
                ["generated"] = c.GeneratedSql,
                ["max_length"] = c.MaxLength,
                ["precision"] = c.Precision,
                ["scale"] = c.Scale,
                ["collation"] = c.Collation,
                ["enum_values"] = c.EnumValues is null ? null : Strings(c.EnumValues),
                ["pii_kind"] = c.PiiKind?.ToString(),
                ["exotic"] = c.IsExotic ? true : null,
            };
            RemoveNulls(ours[c.Name]!.AsObject());
        }

        var json = new JsonObject { ["columns"] = columns };
        if (table.PrimaryKey is { Columns.Count: 1 } pk) json["primary_key"] = pk.Columns[0];
        var alternate = table.UniqueKeys.Where(k => k.Columns.Count == 1 && table.Column(k.Columns[0]).SdType == SdType.Id).Select(k => k.Columns[0]).ToList();
        if (alternate.Count > 0) json["alternate_keys"] = Strings(alternate);
        var extension = new JsonObject
        {
            ["schema"] = table.Name.Schema,
            ["name"] = table.Name.Name,
            ["row_count"] = table.RowCount,
            ["row_count_exact"] = table.RowCountIsExact,
            ["primary_key"] = table.PrimaryKey is null ? null : Strings(table.PrimaryKey.Columns),
            ["unique_keys"] = new JsonArray(table.UniqueKeys.Select(k => (JsonNode?)Strings(k.Columns)).ToArray()),
            ["check_constraints"] = new JsonArray(table.CheckConstraints.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["expression"] = c.Expression }).ToArray()),
            ["indexes"] = new JsonArray(table.Indexes.Select(i => (JsonNode?)new JsonObject { ["name"] = i.Name, ["columns"] = Strings(i.Columns), ["unique"] = i.IsUnique }).ToArray()),
            ["partitions"] = table.Partitions.Count == 0 ? null : Strings(table.Partitions.Select(p => p.ToString())),
            ["columns"] = ours,
        };
        RemoveNulls(extension);
        json[Extension] = extension;
        return json;
    }

    /// <summary>
    /// Applies a user's metadata file to the live schema: sdtypes (and pii kinds) from the file win;
    /// a primary key or relationship the database lacks is added as a logical key (CSV sources need
    /// this). Anything that contradicts the database — an unknown table or column, a different
    /// primary key, a different native type — is refused, every problem listed with where it is.
    /// </summary>
    public static DatabaseSchema Apply(DatabaseSchema live, string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(live);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new MetadataException($"{fileName}: the file is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new MetadataException($"{fileName}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message.Split(". ")[0]}. Fix the file or write it anew with `introspect --out`.", e);
        }

        var problems = new List<string>();
        var version = root["METADATA_SPEC_VERSION"]?.GetValue<string>();
        if (version is not null and not "MULTI_TABLE_V1" and not "V1")
            problems.Add($"METADATA_SPEC_VERSION is '{version}'; this tool reads MULTI_TABLE_V1 and V1.");
        if (root[Extension]?["format_version"] is JsonNode fv && fv.GetValue<int>() > FormatVersion)
            problems.Add($"{Extension}.format_version is {fv.GetValue<int>()}, newer than this tool's {FormatVersion}; upgrade sdv-connector.");
        if (root["tables"] is not JsonObject tablesJson)
            throw new MetadataException($"{fileName}: has no \"tables\" object.");

        var byKey = live.Tables.ToDictionary(t => TableKey(live, t.Name), StringComparer.Ordinal);
        var updated = live.Tables.ToDictionary(t => t.Name);
        foreach (var (key, node) in tablesJson)
        {
            var where = $"tables.{key}";
            if (!byKey.TryGetValue(key, out var table))
            {
                problems.Add($"{where}: the database has no table '{key}' (tables: {string.Join(", ", byKey.Keys.Take(20))}).");
                continue;
            }
            if (node?["columns"] is not JsonObject columnsJson)
            {
                problems.Add($"{where}: has no \"columns\" object.");
                continue;
            }
            var ours = node[Extension]?["columns"] as JsonObject;
            var columns = table.Columns.ToList();
            foreach (var (columnName, columnNode) in columnsJson)
            {
                var index = columns.FindIndex(c => c.Name == columnName);
                if (index < 0)
                {
                    problems.Add($"{where}.columns.{columnName}: the table has no such column (columns: {string.Join(", ", table.Columns.Select(c => c.Name))}).");
                    continue;
                }
                var sdtypeText = columnNode?["sdtype"]?.GetValue<string>();
                if (sdtypeText is null || !SdvNames.TryParse(sdtypeText, out var sdType, out var pii))
                {
                    problems.Add($"{where}.columns.{columnName}.sdtype: '{sdtypeText}' is not an sdtype this tool knows (numerical, datetime, categorical, boolean, id, text, unknown, or a pii kind such as email, phone_number, name).");
                    continue;
                }
                if (sdType == SdType.Categorical && columnNode?["pii"]?.GetValue<bool>() == true) sdType = SdType.Pii;
                var nativeInFile = ours?[columnName]?["native_type"]?.GetValue<string>();
                if (nativeInFile is not null && !string.Equals(nativeInFile, columns[index].NativeType, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{where}.columns.{columnName}: native type is '{nativeInFile}' in the file but '{columns[index].NativeType}' in the database; the schema changed since the file was written: run introspect again.");
                }
                var kindText = ours?[columnName]?["pii_kind"]?.GetValue<string>();
                if (sdType == SdType.Pii && kindText is not null && Enum.TryParse<PiiKind>(kindText, out var kind)) pii = kind;
                columns[index] = columns[index] with
                {
                    SdType = sdType,
                    PiiKind = sdType == SdType.Pii ? pii ?? PiiKind.PersonName : null,
                    DatetimeFormat = sdType == SdType.Datetime ? columnNode?["datetime_format"]?.GetValue<string>() ?? SdTypeInference.DatetimeFormatOf(columns[index].LogicalType) : null,
                };
            }
            foreach (var missing in table.Columns.Where(c => !columnsJson.ContainsKey(c.Name)))
            {
                problems.Add($"{where}.columns: the database column '{missing.Name}' is missing from the file; add it (or run introspect again).");
            }

            var primaryKey = table.PrimaryKey;
            // SDV's own field is what a user edits; ours only carries what SDV cannot say (composite keys).
            var pkInFile = ReadKey(node["primary_key"]) ?? ReadKey(node[Extension]?["primary_key"]);
            if (pkInFile is not null)
            {
                if (pkInFile.Any(c => table.FindColumn(c) is null))
                    problems.Add($"{where}.primary_key: names a column the table does not have ({string.Join(", ", pkInFile)}).");
                else if (primaryKey is null)
                    primaryKey = new KeySchema(null, pkInFile);
                else if (!primaryKey.Columns.SequenceEqual(pkInFile))
                    problems.Add($"{where}.primary_key: ({string.Join(", ", pkInFile)}) in the file but ({string.Join(", ", primaryKey.Columns)}) in the database.");
            }
            updated[table.Name] = table with { Columns = columns, PrimaryKey = primaryKey };
        }

        // Relationships the database does not declare become logical foreign keys.
        if (root["relationships"] is JsonArray relationships)
        {
            var i = 0;
            foreach (var r in relationships)
            {
                var where = $"relationships[{i++}]";
                var parentKey = r?["parent_table_name"]?.GetValue<string>();
                var childKey = r?["child_table_name"]?.GetValue<string>();
                var parentColumn = r?["parent_primary_key"]?.GetValue<string>();
                var childColumn = r?["child_foreign_key"]?.GetValue<string>();
                if (parentKey is null || childKey is null || parentColumn is null || childColumn is null)
                {
                    problems.Add($"{where}: needs parent_table_name, child_table_name, parent_primary_key and child_foreign_key.");
                    continue;
                }
                if (!byKey.TryGetValue(parentKey, out var parent) || !byKey.TryGetValue(childKey, out var child))
                {
                    problems.Add($"{where}: table '{(byKey.ContainsKey(parentKey) ? childKey : parentKey)}' is not in the database.");
                    continue;
                }
                if (parent.FindColumn(parentColumn) is null || child.FindColumn(childColumn) is null)
                {
                    problems.Add($"{where}: column '{(parent.FindColumn(parentColumn) is null ? parentKey + "." + parentColumn : childKey + "." + childColumn)}' does not exist.");
                    continue;
                }
                var current = updated[child.Name];
                if (current.ForeignKeys.Any(f => f.Columns.SequenceEqual([childColumn]) && f.PrincipalTable.Equals(parent.Name))) continue;
                updated[child.Name] = current with
                {
                    ForeignKeys = [.. current.ForeignKeys, new ForeignKeySchema
                    {
                        Name = null, Table = child.Name, Columns = [childColumn], PrincipalTable = parent.Name, PrincipalColumns = [parentColumn],
                    }],
                };
            }
        }

        if (problems.Count > 0)
        {
            throw new MetadataException($"{fileName} does not fit the database ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  - " + string.Join("\n  - ", problems));
        }
        return live with { Tables = live.Tables.Select(t => updated[t.Name]).ToList() };
    }

    private static IReadOnlyList<string>? ReadKey(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(n => n!.GetValue<string>()).ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => null,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static void RemoveNulls(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(key);
    }

}
