using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Privacy;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>
/// The one object that says what an evaluation scores (<see cref="EvaluationMetadata"/>) and where each scored table
/// lives in the real database. Built from the real database's introspection (every table, its columns with their
/// inferred sdtypes, its keys and foreign keys), or from an SDV metadata file, whose word is final: its tables, its
/// columns in its order, its sdtypes, primary and alternate keys and relationships exactly (see <see cref="SdvMetadataFile"/>).
/// </summary>
internal sealed record ScoredMetadata(EvaluationMetadata Metadata, IReadOnlyDictionary<string, SourceTable> RealTables, IReadOnlyList<string> Warnings)
{
    /// <summary>Everything the introspection found: tables, columns and sdtypes, keys, foreign keys between selected tables.</summary>
    public static ScoredMetadata FromSchema(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var tables = schema.Tables.Select(t => Scored(schema, t, t.Columns.Select(c => new EvaluationColumn(c.Name, c.SdType, c.PiiKind)).ToList(),
            t.PrimaryKey?.Columns ?? [], [.. t.UniqueKeys.Select(k => k.Columns)], null)).ToList();
        var relationships = schema.ForeignKeys
            .Where(f => schema.FindTable(f.PrincipalTable) is not null)
            .Select(f => new EvaluationRelationship(MetadataJson.TableKey(schema, f.PrincipalTable), f.PrincipalColumns, MetadataJson.TableKey(schema, f.Table), f.Columns))
            .ToList();
        return new ScoredMetadata(new EvaluationMetadata(tables, relationships), Sources(schema, tables), []);
    }

    /// <summary>An SDV metadata file read against the real database it describes.</summary>
    /// <exception cref="SdvMetadataException">The file is not SDV metadata, or names tables or columns the database lacks; every problem listed.</exception>
    public static ScoredMetadata FromFile(DatabaseSchema schema, string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var file = SdvMetadataFile.Read(schema, json, fileName);
        var tables = file.Tables.Select(t => Scored(schema, t.Table, t.Columns, t.PrimaryKey, t.AlternateKeys, t.SequenceIndex)).ToList();
        var warnings = schema.Tables.Where(t => !file.Tables.Any(f => ReferenceEquals(f.Table, t)))
            .Select(t => $"Table {MetadataJson.TableKey(schema, t.Name)} is not in {fileName}: it is not scored.")
            .Concat(file.Warnings)
            .ToList();
        return new ScoredMetadata(new EvaluationMetadata(tables, file.Relationships), Sources(schema, tables), warnings);
    }

    private static ScoredTable Scored(
        DatabaseSchema schema, TableSchema table, IReadOnlyList<EvaluationColumn> columns, IReadOnlyList<string> primaryKey,
        IReadOnlyList<IReadOnlyList<string>> alternateKeys, string? sequenceIndex) =>
        new(MetadataJson.TableKey(schema, table.Name), columns, primaryKey, alternateKeys, sequenceIndex, HoldoutRule.KeyColumns(table), table.Name.ToString());

    private static Dictionary<string, SourceTable> Sources(DatabaseSchema schema, IReadOnlyList<ScoredTable> tables)
    {
        var byKey = schema.Tables.ToDictionary(t => MetadataJson.TableKey(schema, t.Name), StringComparer.Ordinal);
        return tables.ToDictionary(
            t => t.Name,
            t =>
            {
                var physical = byKey[t.Name];

                // The scored columns, and the holdout key (which may not be scored) so the rows can be recognised.
                var names = t.Columns.Select(c => c.Name).Concat(t.RowKey ?? []).Distinct(StringComparer.Ordinal);
                return new SourceTable(physical, names.ToDictionary(n => n, n => physical.Column(n), StringComparer.Ordinal));
            },
            StringComparer.Ordinal);
    }
}
