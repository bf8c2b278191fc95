using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Metadata.JsonNodes;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// What SDV's metadata cannot hold, in a file of its own beside it (<c>m.json</c> →
/// <c>m.sdv-connector.json</c>): native types, composite keys, every foreign key (self-references and
/// cycle keys included), constraints, indexes, row counts, views, user types and our pii kinds; and,
/// where introspect made one, each table's generation plan (reference table, primary parent, why).
/// </summary>
internal static class MetadataSidecarWriter
{
    /// <summary>What a table's <c>plan.primary_parent</c> says for a root table.</summary>
    public const string Root = "root";

    public static JsonObject Write(DatabaseSchema schema, ForeignKeyGraph graph, string? metadataFileName, IReadOnlyDictionary<QualifiedName, TablePlanChoice>? plan = null)
    {
        var inSdv = SdvMetadataWriter.Expressible(schema, graph, SdvMetadataWriter.SdTypes(schema)).ToHashSet();
        var foreignKeys = new JsonArray();
        foreach (var fk in schema.ForeignKeys)
        {
            foreignKeys.Add(new JsonObject
            {
                ["name"] = fk.Name,
                ["child_table"] = MetadataJson.TableKey(schema, fk.Table),
                ["child_columns"] = Strings(fk.Columns),
                ["parent_table"] = MetadataJson.TableKey(schema, fk.PrincipalTable),
                ["parent_columns"] = Strings(fk.PrincipalColumns),
                ["on_delete"] = fk.OnDelete.ToString(),
                ["on_update"] = fk.OnUpdate.ToString(),
                ["self_reference"] = fk.IsSelfReference,
                ["deferred"] = graph.IsDeferred(fk),
                ["in_sdv_relationships"] = inSdv.Contains(fk),
                ["enforced"] = fk.IsEnforced,
                ["no_parent_value"] = fk.NoParentValue,
                ["inferred"] = Inferred(fk.Inference),
            });
            RemoveNulls(foreignKeys[^1]!.AsObject());
        }

        var tables = new JsonObject();
        foreach (var table in schema.Tables.OrderBy(t => t.Name, QualifiedName.Order))
        {
            var json = TableJson(table);
            if (plan?.GetValueOrDefault(table.Name) is { } choice) json["plan"] = PlanJson(schema, choice);
            tables[MetadataJson.TableKey(schema, table.Name)] = json;
        }

        var root = new JsonObject
        {
            ["format_version"] = MetadataJson.FormatVersion,
            ["metadata_file"] = metadataFileName,
            ["engine"] = schema.Engine.ToString(),
            ["database"] = schema.DatabaseName,
            ["server_version"] = schema.ServerVersion,
            ["parent_first_order"] = Strings(graph.ParentFirstOrder.Select(n => MetadataJson.TableKey(schema, n))),
            ["foreign_keys"] = foreignKeys,
            ["cycles"] = new JsonArray(graph.Cycles.Select(c => (JsonNode?)Strings(c.Select(n => MetadataJson.TableKey(schema, n)))).ToArray()),
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
            ["tables"] = tables,
        };
        RemoveNulls(root);
        return root;
    }

    private static JsonObject TableJson(TableSchema table)
    {
        var columns = new JsonObject();
        foreach (var c in table.Columns)
        {
            var column = new JsonObject
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
                ["pii_kind"] = c.SdType == SdType.Pii ? c.PiiKind?.ToString() : null,
                ["exotic"] = c.IsExotic ? true : null,
                ["inference"] = Inference(c.Inference),
            };
            RemoveNulls(column);
            columns[c.Name] = column;
        }

        var json = new JsonObject
        {
            ["schema"] = table.Name.Schema,
            ["name"] = table.Name.Name,
            ["row_count"] = table.RowCount,
            ["row_count_exact"] = table.RowCountIsExact,
            ["primary_key"] = table.PrimaryKey is null ? null : Strings(table.PrimaryKey.Columns),
            ["primary_key_inferred"] = Inferred(table.PrimaryKey?.Inference),
            ["unique_keys"] = new JsonArray(table.UniqueKeys.Select(k => (JsonNode?)Strings(k.Columns)).ToArray()),
            ["check_constraints"] = new JsonArray(table.CheckConstraints.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["expression"] = c.Expression }).ToArray()),
            ["indexes"] = new JsonArray(table.Indexes.Select(i => (JsonNode?)new JsonObject { ["name"] = i.Name, ["columns"] = Strings(i.Columns), ["unique"] = i.IsUnique }).ToArray()),
            ["partitions"] = table.Partitions.Count == 0 ? null : Strings(table.Partitions.Select(p => p.ToString())),
            ["columns"] = columns,
        };
        RemoveNulls(json);
        return json;
    }

    /// <summary>
    /// A table's generation plan: <c>reference_table</c> and <c>primary_parent</c> (the foreign key's child columns, or
    /// "root") are read back by <c>--metadata</c>; <c>parent_table</c> and the reasons are there for the reader.
    /// </summary>
    private static JsonObject PlanJson(DatabaseSchema schema, TablePlanChoice choice)
    {
        var json = new JsonObject
        {
            ["reference_table"] = choice.IsReference,
            ["primary_parent"] = choice.IsReference ? null : choice.PrimaryParent is { } columns ? Strings(columns) : JsonValue.Create(Root),
            ["parent_table"] = choice.IsReference || choice.ParentTable is null ? null : MetadataJson.TableKey(schema, choice.ParentTable),
            ["why"] = choice.Why,
            ["why_generated"] = choice.IsReference ? null : choice.WhyNotReference,
        };
        RemoveNulls(json);
        return json;
    }

    /// <summary>The rule that chose the column's sdtype and its evidence, for the reader of the file.</summary>
    private static JsonObject? Inference(SdTypeEvidence? evidence)
    {
        if (evidence is null) return null;
        var json = new JsonObject
        {
            ["rule"] = evidence.Rule,
            ["sample_rows"] = evidence.SampleRows,
            ["whole_table"] = evidence.SampleRows is null ? null : evidence.WholeTable,
            ["null_share"] = evidence.NullShare is { } n ? Math.Round(n, 4) : null,
            ["values"] = evidence.Values,
            ["distinct"] = evidence.Distinct,
            ["mean_length"] = evidence.MeanLength,
        };
        RemoveNulls(json);
        return json;
    }

    /// <summary>The name rule and data evidence of a key the source does not declare.</summary>
    private static JsonObject? Inferred(KeyEvidence? evidence)
    {
        if (evidence is null) return null;
        var json = new JsonObject
        {
            ["rule"] = evidence.Rule,
            ["distinct_values"] = evidence.Values,
            ["orphans"] = evidence.Orphans,
            ["inclusion_rate"] = evidence.Values is null ? null : Math.Round(evidence.InclusionRate, 4),
            ["sampled"] = evidence.Values is null ? null : evidence.Sampled,
        };
        RemoveNulls(json);
        return json;
    }
}
