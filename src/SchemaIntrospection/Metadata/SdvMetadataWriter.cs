using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Metadata.JsonNodes;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// The schema as SDV's MULTI_TABLE_V1 metadata, holding only what SDV 1.38's loaders
/// (<c>Metadata</c> and the legacy <c>MultiTableMetadata</c>) accept and <c>validate()</c> passes
/// (REFERENCE §7): three top-level keys, SDV's table and column keys only, a primary key of one
/// column, key sdtypes that are <c>id</c> or a Faker name, and relationships without cycles or
/// self-references. Everything else lives in the sidecar (<see cref="MetadataSidecarWriter"/>).
/// </summary>
internal static class SdvMetadataWriter
{
    public static JsonObject Write(DatabaseSchema schema, ForeignKeyGraph graph)
    {
        var sdtypes = SdTypes(schema);
        var tables = new JsonObject();
        foreach (var table in schema.Tables.OrderBy(t => t.Name, QualifiedName.Order))
        {
            tables[MetadataJson.TableKey(schema, table.Name)] = TableJson(table, sdtypes[table.Name]);
        }
        return new JsonObject
        {
            ["METADATA_SPEC_VERSION"] = "MULTI_TABLE_V1",
            ["tables"] = tables,
            ["relationships"] = Relationships(schema, graph, sdtypes),
        };
    }

    /// <summary>The sdtype each column is written with, by table then column.</summary>
    public static Dictionary<QualifiedName, Dictionary<string, string>> SdTypes(DatabaseSchema schema)
    {
        var sdtypes = schema.Tables.ToDictionary(t => t.Name, t => t.Columns.ToDictionary(c => c.Name, SdvNames.SdType, StringComparer.Ordinal));
        foreach (var table in schema.Tables)
        {
            // A key whose sdtype SDV refuses for keys (numerical, ipv4_address, unknown, ...) is written as an id.
            if (table.PrimaryKey is { Columns.Count: 1 } pk && !SdvNames.IsKeySdType(sdtypes[table.Name][pk.Columns[0]]))
                sdtypes[table.Name][pk.Columns[0]] = "id";
        }
        return sdtypes;
    }

    /// <summary>
    /// The foreign keys SDV can hold: one column, to the parent's one-column primary key, key
    /// sdtypes equal on both sides, not a self-reference nor a key the graph defers to break a
    /// cycle (the rest is acyclic), and each child column to one parent only.
    /// </summary>
    public static IEnumerable<ForeignKeySchema> Expressible(DatabaseSchema schema, ForeignKeyGraph graph, Dictionary<QualifiedName, Dictionary<string, string>> sdtypes)
    {
        var used = new HashSet<(QualifiedName, string)>();
        foreach (var fk in schema.ForeignKeys)
        {
            if (fk.Columns.Count != 1 || fk.IsSelfReference || graph.IsDeferred(fk)) continue;
            var parent = schema.FindTable(fk.PrincipalTable);
            var child = schema.FindTable(fk.Table);
            if (parent?.PrimaryKey is not { Columns.Count: 1 } parentKey || parentKey.Columns[0] != fk.PrincipalColumns[0] || child is null) continue;
            var childColumn = child.FindColumn(fk.Columns[0]);
            var parentColumn = parent.FindColumn(parentKey.Columns[0]);
            if (childColumn is null || parentColumn is null || sdtypes[child.Name][childColumn.Name] != sdtypes[parent.Name][parentColumn.Name]) continue;
            if (!used.Add((fk.Table, fk.Columns[0]))) continue;
            yield return fk;
        }
    }

    private static JsonArray Relationships(DatabaseSchema schema, ForeignKeyGraph graph, Dictionary<QualifiedName, Dictionary<string, string>> sdtypes)
    {
        var relationships = new JsonArray();
        foreach (var fk in Expressible(schema, graph, sdtypes))
        {
            relationships.Add(new JsonObject
            {
                ["parent_table_name"] = MetadataJson.TableKey(schema, fk.PrincipalTable),
                ["child_table_name"] = MetadataJson.TableKey(schema, fk.Table),
                ["parent_primary_key"] = fk.PrincipalColumns[0],
                ["child_foreign_key"] = fk.Columns[0],
            });
        }
        return relationships;
    }

    private static JsonObject TableJson(TableSchema table, Dictionary<string, string> sdtypes)
    {
        var columns = new JsonObject();
        foreach (var c in table.Columns)
        {
            columns[c.Name] = ColumnJson(c, sdtypes[c.Name]);
        }

        var json = new JsonObject { ["columns"] = columns };
        if (table.PrimaryKey is { Columns.Count: 1 } pk) json["primary_key"] = pk.Columns[0];
        var alternate = table.UniqueKeys
            .Where(k => k.Columns.Count == 1 && sdtypes[k.Columns[0]] == "id" && table.PrimaryKey?.Columns.SequenceEqual(k.Columns) != true)
            .Select(k => k.Columns[0]).Distinct(StringComparer.Ordinal).ToList();
        if (alternate.Count > 0) json["alternate_keys"] = Strings(alternate);
        return json;
    }

    /// <summary>A column with only the keys SDV allows for its sdtype.</summary>
    private static JsonObject ColumnJson(ColumnSchema c, string sdtype)
    {
        var column = new JsonObject { ["sdtype"] = sdtype };
        switch (sdtype)
        {
            case "numerical":
                column["computer_representation"] = SdvNames.ComputerRepresentation(c.LogicalType);
                break;
            case "datetime" when c.DatetimeFormat is not null:
                column["datetime_format"] = c.DatetimeFormat;
                break;
            case "datetime" or "categorical" or "boolean" or "id":
                break;
            default:
                // unknown and every semantic sdtype: pii only. An unsupported column is left alone (not anonymised).
                column["pii"] = c.SdType is not (SdType.Unsupported or SdType.Unknown);
                break;
        }
        return column;
    }
}
