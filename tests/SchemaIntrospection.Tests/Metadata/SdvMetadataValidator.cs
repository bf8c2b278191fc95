using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Metadata;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

/// <summary>
/// What SDV 1.38's loaders (<c>Metadata.load_from_json</c> and the legacy <c>MultiTableMetadata</c>)
/// and <c>validate()</c> require of a metadata file, as REFERENCE §7 lists it. Returns every
/// violation, so a test can show them all; an empty list means SDV takes the file as it is.
/// </summary>
internal static partial class SdvMetadataValidator
{
    private static readonly HashSet<string> TopKeys = ["tables", "relationships", "METADATA_SPEC_VERSION"];
    private static readonly HashSet<string> TableKeys = ["columns", "primary_key", "alternate_keys", "sequence_key", "sequence_index", "column_relationships"];
    private static readonly HashSet<string> Representations = ["Float", "Float32", "Float64", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64"];
    private static readonly HashSet<string> RelationshipKeys = ["parent_table_name", "child_table_name", "parent_primary_key", "child_foreign_key"];

    /// <summary>The keys each sdtype allows besides <c>sdtype</c>; any semantic sdtype and unknown allow <c>pii</c> only.</summary>
    private static readonly Dictionary<string, HashSet<string>> ColumnKeys = new(StringComparer.Ordinal)
    {
        ["numerical"] = ["computer_representation"],
        ["datetime"] = ["datetime_format"],
        ["categorical"] = ["order", "order_by"],
        ["boolean"] = [],
        ["id"] = ["regex_format"],
    };

    public static IReadOnlyList<string> Violations(string json)
    {
        var problems = new List<string>();
        var root = JsonNode.Parse(json)!.AsObject();
        problems.AddRange(root.Select(p => p.Key).Where(k => !TopKeys.Contains(k)).Select(k => $"top-level key '{k}' (the legacy loader refuses it)"));
        if (root["METADATA_SPEC_VERSION"]?.GetValue<string>() is { } v && v is not ("MULTI_TABLE_V1" or "V1")) problems.Add($"version {v}");
        var tables = root["tables"]!.AsObject();
        var sdtypes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var primaryKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in tables)
        {
            var table = node!.AsObject();
            problems.AddRange(table.Select(p => p.Key).Where(k => !TableKeys.Contains(k)).Select(k => $"{name}: table key '{k}'"));
            var columns = table["columns"]?.AsObject();
            if (columns is null || columns.Count == 0)
            {
                problems.Add($"{name}: no columns");
                continue;
            }
            sdtypes[name] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (columnName, columnNode) in columns)
            {
                var column = columnNode!.AsObject();
                var sdtype = column["sdtype"]?.GetValue<string>();
                if (sdtype is null)
                {
                    problems.Add($"{name}.{columnName}: no sdtype");
                    continue;
                }
                sdtypes[name][columnName] = sdtype;
                problems.AddRange(ColumnViolations($"{name}.{columnName}", sdtype, column));
            }
            if (table["primary_key"] is JsonNode pk)
            {
                if (pk is not JsonValue pkValue || !pkValue.TryGetValue<string>(out var pkName)) problems.Add($"{name}: primary_key is not one column name");
                else if (!sdtypes[name].TryGetValue(pkName, out var pkType)) problems.Add($"{name}: primary_key '{pkName}' is not a column");
                else if (!SdvNames.IsKeySdType(pkType)) problems.Add($"{name}: primary_key sdtype '{pkType}' is neither id nor a Faker method");
                else primaryKeys[name] = pkName;
            }
            foreach (var alternate in table["alternate_keys"]?.AsArray() ?? [])
            {
                var key = alternate!.GetValue<string>();
                if (!sdtypes[name].TryGetValue(key, out var keyType) || !SdvNames.IsKeySdType(keyType)) problems.Add($"{name}: alternate key '{key}' missing or of sdtype {keyType}");
            }
        }
        problems.AddRange(RelationshipViolations(root["relationships"]?.AsArray() ?? [], sdtypes, primaryKeys));
        return problems;
    }

    private static IEnumerable<string> ColumnViolations(string where, string sdtype, JsonObject column)
    {
        var extraKeys = column.Select(p => p.Key).Where(k => k != "sdtype").ToList();
        if (ColumnKeys.TryGetValue(sdtype, out var allowed))
        {
            foreach (var k in extraKeys.Where(k => !allowed.Contains(k))) yield return $"{where}: key '{k}' on a {sdtype} column";
        }
        else
        {
            if (!SdvNames.IsSdvSdType(sdtype)) yield return $"{where}: sdtype '{sdtype}' is not one SDV accepts";
            foreach (var k in extraKeys.Where(k => k != "pii")) yield return $"{where}: key '{k}' on a {sdtype} column";
            if (column["pii"] is JsonNode pii && (pii is not JsonValue pv || !pv.TryGetValue<bool>(out _))) yield return $"{where}: pii is not a boolean";
        }
        if (column["computer_representation"] is JsonNode cr && !Representations.Contains(cr.GetValue<string>())) yield return $"{where}: computer_representation {cr}";
        if (column["datetime_format"] is JsonNode df && !StrftimeFormat().IsMatch(df.GetValue<string>())) yield return $"{where}: datetime_format {df} leaves a directive unconsumed";
        if (column["order"] is not null && column["order_by"] is not null) yield return $"{where}: both order and order_by";
    }

    private static IEnumerable<string> RelationshipViolations(JsonArray relationships, Dictionary<string, Dictionary<string, string>> sdtypes, Dictionary<string, string> primaryKeys)
    {
        var parentOf = new Dictionary<(string, string), string>();
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in relationships)
        {
            var r = node!.AsObject();
            foreach (var k in r.Select(p => p.Key).Where(k => !RelationshipKeys.Contains(k))) yield return $"relationship key '{k}'";
            var parent = r["parent_table_name"]!.GetValue<string>();
            var child = r["child_table_name"]!.GetValue<string>();
            var pk = r["parent_primary_key"]!.GetValue<string>();
            var fk = r["child_foreign_key"]!.GetValue<string>();
            var where = $"relationship {child}.{fk} -> {parent}.{pk}";
            if (!sdtypes.TryGetValue(parent, out var parentTypes) || !sdtypes.TryGetValue(child, out var childTypes))
            {
                yield return $"{where}: unknown table";
                continue;
            }
            if (!primaryKeys.TryGetValue(parent, out var parentKey)) yield return $"{where}: the parent has no primary key";
            else if (parentKey != pk) yield return $"{where}: parent_primary_key is not the parent's primary key {parentKey}";
            if (!childTypes.TryGetValue(fk, out var fkType)) yield return $"{where}: unknown child column";
            else if (parentTypes.TryGetValue(pk, out var pkType) && pkType != fkType) yield return $"{where}: sdtypes {fkType} and {pkType} differ";
            if (parentOf.TryGetValue((child, fk), out var other) && other != parent) yield return $"{where}: the child key already references {other}";
            parentOf[(child, fk)] = parent;
            if (!edges.TryGetValue(child, out var list)) edges[child] = list = [];
            list.Add(parent);
        }
        foreach (var cycle in Cycles(edges)) yield return $"cycle through {cycle}";
    }

    /// <summary>Tables on a cycle of child → parent edges (a self-reference is a cycle of one).</summary>
    private static IEnumerable<string> Cycles(Dictionary<string, List<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = new List<string>();
        void Visit(string table)
        {
            state[table] = 1;
            foreach (var parent in edges.GetValueOrDefault(table) ?? [])
            {
                var s = state.GetValueOrDefault(parent);
                if (s == 1) found.Add(parent);
                else if (s == 0) Visit(parent);
            }
            state[table] = 2;
        }
        foreach (var table in edges.Keys.Where(t => state.GetValueOrDefault(t) == 0).ToList()) Visit(table);
        return found;
    }

    /// <summary>A strftime format made only of literal text and directives Python's strptime consumes.</summary>
    [GeneratedRegex(@"^([^%]|%[aAbBcdfHIjmMpSUwWxXyYzZ%])*$", RegexOptions.CultureInvariant)]
    private static partial Regex StrftimeFormat();
}
