using System.Text.Json;
using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.SchemaIntrospection.Metadata.JsonNodes;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Applies a metadata file (and its sidecar) to the live schema, one named step at a time:
/// columns' sdtypes, primary and alternate keys, SDV's relationships, then the sidecar's foreign keys (composite,
/// self-referencing, cycle keys), then each table's generation plan (reference table, primary parent), checked
/// against the foreign keys the table then has. Every problem is collected with where it is, and all are thrown at once.
/// Reads our older files too, whose extras sat under <c>sdv_connector</c> keys inside the one file.
/// </summary>
internal sealed class MetadataReader
{
    private readonly DatabaseSchema _live;
    private readonly MetadataSource _source;
    private readonly List<string> _problems = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, TableSchema> _byKey;
    private readonly Dictionary<QualifiedName, TableSchema> _updated;
    private readonly HashSet<string> _mentioned = new(StringComparer.Ordinal);
    private readonly HashSet<QualifiedName> _inFile = [];
    // Primary parents the sidecar names, checked once every foreign key (the database's and the file's) is known.
    private readonly List<(string Where, QualifiedName Table, IReadOnlyList<string> Columns, string? ParentTable)> _primaryParents = [];
    private JsonObject _root = new();
    private JsonObject? _extras;

    public MetadataReader(DatabaseSchema live, MetadataSource source)
    {
        _live = live;
        _source = source;
        _byKey = live.Tables.ToDictionary(t => MetadataJson.TableKey(live, t.Name), StringComparer.Ordinal);
        _updated = live.Tables.ToDictionary(t => t.Name);
    }

    public DatabaseSchema Apply()
    {
        _root = Parse(_source.Json, _source.FileName);
        RefuseSidecarGivenAsMetadata();
        // The sidecar's top level holds what the old format kept under the root's sdv_connector key.
        _extras = _source.SidecarJson is null ? _root[MetadataJson.Extension] as JsonObject : Parse(_source.SidecarJson, _source.SidecarFileName ?? "sidecar");
        CheckVersions();
        if (_root["tables"] is not JsonObject tables)
            throw new MetadataException($"{_source.FileName}: has no \"tables\" object.");
        foreach (var (key, node) in tables)
        {
            ApplyTable(key, node);
        }
        ApplyRelationships();
        ApplyExtraForeignKeys();
        DropInferredKeysTheFileLeftOut();
        ApplyPrimaryParents();
        if (_problems.Count > 0)
        {
            throw new MetadataException($"{_source.FileName} does not fit the database ({_problems.Count} problem{(_problems.Count == 1 ? "" : "s")}):\n  - " + string.Join("\n  - ", _problems));
        }
        return _live with { Tables = _live.Tables.Select(t => _updated[t.Name]).ToList(), Warnings = [.. _live.Warnings, .. _warnings] };
    }

    private static JsonObject Parse(string json, string fileName)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new MetadataException($"{fileName}: the file is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new MetadataException($"{fileName}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message.Split(". ")[0]}. Fix the file or write it anew with `introspect --out`.", e);
        }
    }

    private void RefuseSidecarGivenAsMetadata()
    {
        if (_root["METADATA_SPEC_VERSION"] is null && _root["format_version"] is not null && Text(_root["metadata_file"]) is { } metadata)
        {
            throw new MetadataException($"{_source.FileName} is the sidecar of {metadata} (our extras), not SDV metadata: pass --metadata {metadata}; the sidecar beside it is read with it.");
        }
    }

    private void CheckVersions()
    {
        var version = _root["METADATA_SPEC_VERSION"];
        if (version is not null && Text(version) is not ("MULTI_TABLE_V1" or "V1"))
            _problems.Add($"METADATA_SPEC_VERSION is '{version.ToJsonString()}'; this tool reads MULTI_TABLE_V1 and V1.");
        if (_extras?["format_version"] is JsonValue fv && fv.TryGetValue<int>(out var format) && format > MetadataJson.FormatVersion)
            _problems.Add($"{_source.SidecarFileName ?? MetadataJson.Extension}: format_version is {format}, newer than this tool's {MetadataJson.FormatVersion}; upgrade sdv-connector.");
    }

    /// <summary>Our extras for one table: the sidecar's entry, or the old format's key inside the table.</summary>
    private JsonObject? TableExtras(string key, JsonNode node) =>
        _source.SidecarJson is null ? node[MetadataJson.Extension] as JsonObject : _extras?["tables"]?[key] as JsonObject;

    private void ApplyTable(string key, JsonNode? node)
    {
        var where = $"tables.{key}";
        if (!_byKey.TryGetValue(key, out var table))
        {
            _problems.Add($"{where}: the database has no table '{key}' (tables: {string.Join(", ", _byKey.Keys.Take(20))}).");
            return;
        }
        if (node?["columns"] is not JsonObject columnsJson)
        {
            _problems.Add($"{where}: has no \"columns\" object.");
            return;
        }
        _inFile.Add(table.Name);
        var extras = TableExtras(key, node);
        var columns = table.Columns.ToList();
        foreach (var (columnName, columnNode) in columnsJson)
        {
            var index = columns.FindIndex(c => c.Name == columnName);
            if (index < 0)
            {
                _problems.Add($"{where}.columns.{columnName}: the table has no such column (columns: {string.Join(", ", table.Columns.Select(c => c.Name))}).");
                continue;
            }
            if (ApplyColumn($"{where}.columns.{columnName}", columns[index], columnNode, extras?["columns"]?[columnName]) is { } applied)
                columns[index] = applied;
        }
        foreach (var missing in table.Columns.Where(c => !columnsJson.ContainsKey(c.Name)))
        {
            _problems.Add($"{where}.columns: the database column '{missing.Name}' is missing from the file; add it (or run introspect again).");
        }
        var primaryKey = PrimaryKey(where, table, node, extras);
        var updated = table with { Columns = columns, PrimaryKey = primaryKey, UniqueKeys = AlternateKeys(where, table, primaryKey, node) };
        _updated[table.Name] = Plan($"{_source.SidecarFileName ?? MetadataJson.Extension} {where}.plan", updated, extras?["plan"]);
    }

    /// <summary>
    /// The sidecar's plan of a table: <c>reference_table</c> (true: copied verbatim; false: generated) and
    /// <c>primary_parent</c> ("root", or the child columns of the foreign key whose parent owns the rows).
    /// </summary>
    private TableSchema Plan(string where, TableSchema table, JsonNode? node)
    {
        if (node is null) return table;
        if (node is not JsonObject plan)
        {
            _problems.Add($"{where}: must be an object such as {{\"reference_table\": false, \"primary_parent\": [\"CustomerId\"]}} (got {node.ToJsonString()}).");
            return table;
        }

        var reference = table.ReferenceOverride;
        if (plan["reference_table"] is { } flag)
        {
            reference = Bool(flag);
            if (reference is null) _problems.Add($"{where}.reference_table: must be true (copied verbatim) or false (generated), not {flag.ToJsonString()}.");
        }

        var primary = table.PrimaryParentOverride;
        switch (plan["primary_parent"])
        {
            case null:
                break;
            case JsonValue value when Text(value) == MetadataSidecarWriter.Root:
                primary = string.Empty;
                break;
            case var key when ReadKey(key) is { Count: > 0 } columns:
                _primaryParents.Add((where, table.Name, columns, Text(plan["parent_table"])));
                break;
            case var other:
                _problems.Add($"{where}.primary_parent: must be \"{MetadataSidecarWriter.Root}\" or the child columns of one of the table's foreign keys (such as [\"CustomerId\"]), not {other.ToJsonString()}.");
                break;
        }

        return table with { ReferenceOverride = reference, PrimaryParentOverride = primary };
    }

    /// <summary>A primary parent the sidecar names must be one of the table's foreign keys, to another table (and to the parent_table it names, if any).</summary>
    private void ApplyPrimaryParents()
    {
        foreach (var (where, name, columns, parentTable) in _primaryParents)
        {
            var table = _updated[name];
            var key = MetadataJson.TableKey(_live, name);
            var fk = table.ForeignKeys.FirstOrDefault(f => f.Columns.Count == columns.Count && f.Columns.All(columns.Contains));
            var keys = table.ForeignKeys.Count == 0
                ? "it has none, so it can only be \"root\""
                : "its foreign keys are " + string.Join("; ", table.ForeignKeys.Select(f => $"[{string.Join(", ", f.Columns.Select(c => $"\"{c}\""))}] -> {MetadataJson.TableKey(_live, f.PrincipalTable)}"));
            if (fk is null)
            {
                _problems.Add($"{where}.primary_parent: ({string.Join(", ", columns)}) is not a foreign key of {key}; {keys}. Give one of them, or \"{MetadataSidecarWriter.Root}\".");
            }
            else if (fk.IsSelfReference)
            {
                _problems.Add($"{where}.primary_parent: ({string.Join(", ", columns)}) points at {key} itself; its rows form trees, they cannot belong to rows of their own table. Give a key to another table, or \"{MetadataSidecarWriter.Root}\"; {keys}.");
            }
            else if (parentTable is not null && parentTable != MetadataJson.TableKey(_live, fk.PrincipalTable))
            {
                _problems.Add($"{where}: primary_parent ({string.Join(", ", columns)}) points at {MetadataJson.TableKey(_live, fk.PrincipalTable)}, but parent_table says {parentTable}; {keys}. Give the columns of the key you mean (parent_table is only a reminder of where it points).");
            }
            else
            {
                _updated[name] = table with { PrimaryParentOverride = string.Join(",", fk.Columns) };
            }
        }
    }

    /// <summary>SDV's alternate keys the database does not declare become logical unique keys (generated unique).</summary>
    private IReadOnlyList<KeySchema> AlternateKeys(string where, TableSchema table, KeySchema? primaryKey, JsonNode node)
    {
        if (node["alternate_keys"] is not JsonArray alternates) return table.UniqueKeys;
        var keys = table.UniqueKeys.ToList();
        foreach (var alternate in alternates)
        {
            var columns = ReadKey(alternate);
            if (columns is null || columns.Count == 0 || columns.Any(c => table.FindColumn(c) is null))
            {
                _problems.Add($"{where}.alternate_keys: {alternate?.ToJsonString() ?? "null"} is not a column (or list of columns) of the table.");
                continue;
            }
            if (primaryKey?.Columns.SequenceEqual(columns) == true || keys.Any(k => k.Columns.SequenceEqual(columns))) continue;
            keys.Add(new KeySchema(null, columns));
        }
        return keys;
    }

    /// <summary>The column with the file's sdtype, or null (and a problem) where the file's column cannot be read.</summary>
    private ColumnSchema? ApplyColumn(string where, ColumnSchema column, JsonNode? node, JsonNode? extras)
    {
        var sdtype = Text(node?["sdtype"]);
        var reading = sdtype is null ? null : SdvNames.Read(sdtype, Bool(node?["pii"]));
        if (reading is null)
        {
            _problems.Add($"{where}.sdtype: '{sdtype ?? node?["sdtype"]?.ToJsonString()}' is not an sdtype SDV accepts (numerical, datetime, categorical, boolean, id, unknown, text, or a Faker method name such as email, phone_number, name, administrative_unit).");
            return null;
        }
        var nativeInFile = Text(extras?["native_type"]);
        if (nativeInFile is not null && !string.Equals(nativeInFile, column.NativeType, StringComparison.OrdinalIgnoreCase))
        {
            _problems.Add($"{where}: native type is '{nativeInFile}' in the file but '{column.NativeType}' in the database; the schema changed since the file was written: run introspect again.");
        }
        // Our own older files said pii on a categorical; SDV's categorical has no pii flag.
        if (reading.SdType == SdType.Categorical && Bool(node?["pii"]) == true) reading = new SdTypeReading(SdType.Pii, PiiKind.PersonName);
        // The sidecar names our exact kind (a fax is written as phone_number) while the file's sdtype still says it.
        if (reading.SdType == SdType.Pii && Enum.TryParse<PiiKind>(Text(extras?["pii_kind"]), out var kind) && SdvNames.Pii(kind) == sdtype)
            reading = new SdTypeReading(SdType.Pii, kind);
        // SDV anonymises an "unknown" column; one we cannot hold as text (binary, spatial, ...) is left alone instead.
        if (reading is { SdType: SdType.Pii, Pii: PiiKind.Code } && (column.IsExotic || column.LogicalType is LogicalType.Binary or LogicalType.Json))
            reading = new SdTypeReading(SdType.Unsupported, null);
        if (reading.StandInNote is { } note) _warnings.Add($"{_source.FileName} {where}: {note}");
        var changed = reading.SdType != column.SdType || (reading.SdType == SdType.Pii && reading.Pii != column.PiiKind);
        return column with
        {
            Inference = !changed ? column.Inference
                : column.Inference is { } inferred ? inferred with { Rule = $"metadata file: '{sdtype}' (inferred: {inferred.Rule})" }
                : new SdTypeEvidence($"metadata file: '{sdtype}'"),
            SdType = reading.SdType,
            PiiKind = reading.SdType == SdType.Pii ? reading.Pii ?? PiiKind.PersonName : null,
            DatetimeFormat = reading.SdType == SdType.Datetime ? Text(node?["datetime_format"]) ?? SdTypeInference.DatetimeFormatOf(column.LogicalType) : null,
        };
    }

    /// <summary>SDV's field is what a user edits; the sidecar's carries what SDV cannot say (composite keys).</summary>
    private KeySchema? PrimaryKey(string where, TableSchema table, JsonNode node, JsonObject? extras)
    {
        var inFile = ReadKey(node["primary_key"]) ?? ReadKey(extras?["primary_key"]);
        // A one-column key we inferred yields to a file that names none; a composite one stays (SDV's file cannot hold it).
        if (inFile is null) return table.PrimaryKey is { Inference: not null, Columns.Count: 1 } ? null : table.PrimaryKey;
        if (inFile.Any(c => table.FindColumn(c) is null))
        {
            _problems.Add($"{where}.primary_key: names a column the table does not have ({string.Join(", ", inFile)}).");
            return table.PrimaryKey;
        }
        if (table.PrimaryKey is { Inference: not null } inferred && !inferred.Columns.SequenceEqual(inFile)) return new KeySchema(null, inFile);
        if (table.PrimaryKey is null) return new KeySchema(null, inFile);
        if (!table.PrimaryKey.Columns.SequenceEqual(inFile))
            _problems.Add($"{where}.primary_key: ({string.Join(", ", inFile)}) in the file but ({string.Join(", ", table.PrimaryKey.Columns)}) in the database.");
        return table.PrimaryKey;
    }

    /// <summary>SDV's relationships the database does not declare become logical foreign keys.</summary>
    private void ApplyRelationships()
    {
        if (_root["relationships"] is not JsonArray relationships) return;
        var i = 0;
        foreach (var r in relationships)
        {
            var where = $"relationships[{i++}]";
            var parentKey = Text(r?["parent_table_name"]);
            var childKey = Text(r?["child_table_name"]);
            var parentColumn = Text(r?["parent_primary_key"]);
            var childColumn = Text(r?["child_foreign_key"]);
            if (parentKey is null || childKey is null || parentColumn is null || childColumn is null)
            {
                _problems.Add($"{where}: needs parent_table_name, child_table_name, parent_primary_key and child_foreign_key.");
                continue;
            }
            AddForeignKey(where, childKey, [childColumn], parentKey, [parentColumn]);
        }
    }

    /// <summary>The sidecar's foreign keys (composite, self-referencing, cycle keys) the database does not declare.</summary>
    private void ApplyExtraForeignKeys()
    {
        if (_extras?["foreign_keys"] is not JsonArray foreignKeys) return;
        var i = 0;
        foreach (var fk in foreignKeys)
        {
            var where = $"{_source.SidecarFileName ?? MetadataJson.Extension} foreign_keys[{i++}]";
            var childKey = Text(fk?["child_table"]);
            var parentKey = Text(fk?["parent_table"]);
            var childColumns = ReadKey(fk?["child_columns"]);
            var parentColumns = ReadKey(fk?["parent_columns"]);
            if (childKey is null || parentKey is null || childColumns is null || parentColumns is null || childColumns.Count != parentColumns.Count || childColumns.Count == 0)
            {
                _problems.Add($"{where}: needs child_table, child_columns, parent_table and parent_columns (as many parent columns as child columns).");
                continue;
            }
            AddForeignKey(where, childKey, childColumns, parentKey, parentColumns);
        }
    }

    private void AddForeignKey(string where, string childKey, IReadOnlyList<string> childColumns, string parentKey, IReadOnlyList<string> parentColumns)
    {
        if (!_byKey.TryGetValue(parentKey, out var parent) || !_byKey.TryGetValue(childKey, out var child))
        {
            _problems.Add($"{where}: table '{(_byKey.ContainsKey(parentKey) ? childKey : parentKey)}' is not in the database.");
            return;
        }
        var missing = parentColumns.Where(c => parent.FindColumn(c) is null).Select(c => $"{parentKey}.{c}")
            .Concat(childColumns.Where(c => child.FindColumn(c) is null).Select(c => $"{childKey}.{c}")).ToList();
        if (missing.Count > 0)
        {
            _problems.Add($"{where}: column '{string.Join("', '", missing)}' does not exist.");
            return;
        }
        _mentioned.Add(Mention(child.Name, childColumns, parent.Name));
        var current = _updated[child.Name];
        if (current.ForeignKeys.Any(f => f.Columns.SequenceEqual(childColumns) && f.PrincipalTable.Equals(parent.Name))) return;
        _updated[child.Name] = current with
        {
            ForeignKeys = [.. current.ForeignKeys, new ForeignKeySchema
            {
                Name = null, Table = child.Name, Columns = childColumns, PrincipalTable = parent.Name, PrincipalColumns = parentColumns,
            }],
        };
    }

    private static string Mention(QualifiedName child, IEnumerable<string> columns, QualifiedName parent) => $"{child}|{string.Join(",", columns)}|{parent}";

    /// <summary>
    /// The file's word wins over inference: a one-column relationship we inferred (the kind SDV's
    /// file can hold) goes where the file lists the child table but not the relationship.
    /// </summary>
    private void DropInferredKeysTheFileLeftOut()
    {
        foreach (var name in _inFile)
        {
            var table = _updated[name];
            var kept = table.ForeignKeys
                .Where(f => f.Inference is null || f.IsSelfReference || f.Columns.Count > 1 || _mentioned.Contains(Mention(f.Table, f.Columns, f.PrincipalTable)))
                .ToList();
            if (kept.Count != table.ForeignKeys.Count) _updated[name] = table with { ForeignKeys = kept };
        }
    }
}
