using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// SDMetrics' (unified) DiagnosticReport: Data Validity, Data Structure and, when the metadata
/// has more than one table, Relationship Validity; overall is the mean of the properties.
/// </summary>
internal static class DiagnosticReport
{
    public const string DataValidity = "Data Validity";
    public const string DataStructure = "Data Structure";
    public const string RelationshipValidity = "Relationship Validity";

    public static DiagnosticResult Compute(IReadOnlyList<TablePair> tables, IReadOnlyList<RelationshipPair> relationships)
    {
        var validity = tables.SelectMany(ValidityOf).ToList();
        var structure = tables.Select(StructureOf).ToList();
        var properties = new Dictionary<string, double?>
        {
            [DataValidity] = Scores.Nullable(Scores.Mean(validity.Select(v => v.Score))),
            [DataStructure] = Scores.Nullable(Scores.Mean(structure.Select(s => s.Score))),
        };

        var relationshipRows = new List<RelationshipValidityDetail>();
        if (tables.Count > 1)
        {
            foreach (var r in relationships)
            {
                var realHasNulls = r.RealForeignKeys.Any(k => k is null);
                var integrity = ReferentialIntegrity.Compute(realHasNulls, r.SyntheticParentKeys, r.SyntheticForeignKeys);
                var bounds = CardinalityBoundaryAdherence.Compute(
                    r.RealParentKeys, r.RealForeignKeys, r.SyntheticParentKeys, r.SyntheticForeignKeys);
                relationshipRows.Add(new RelationshipValidityDetail(
                    r.Parent.Name, r.Child.Name, r.Relationship.ChildColumns, "ReferentialIntegrity", Scores.Nullable(integrity)));
                relationshipRows.Add(new RelationshipValidityDetail(
                    r.Parent.Name, r.Child.Name, r.Relationship.ChildColumns, "CardinalityBoundaryAdherence", Scores.Nullable(bounds)));
            }

            properties[RelationshipValidity] = Scores.Nullable(Scores.Mean(relationshipRows.Select(r => r.Score)));
        }

        var overall = Scores.Nullable(Scores.Mean(properties.Values));
        return new DiagnosticResult(overall, properties, validity, structure, relationshipRows);
    }

    private static IEnumerable<ValidityDetail> ValidityOf(TablePair table)
    {
        var real = table.Real;
        var keyColumns = new HashSet<string>(StringComparer.Ordinal);
        if (real.PrimaryKey.Count == 1)
        {
            keyColumns.Add(real.PrimaryKey[0]);
        }

        foreach (var key in real.AlternateKeys.Where(k => k.Count == 1))
        {
            keyColumns.Add(key[0]);
        }

        for (var c = 0; c < real.Columns.Count; c++)
        {
            var column = real.Columns[c];
            var synthetic = table.SyntheticValues(c);
            string metric;
            if (column.SdType is SdType.Numerical or SdType.Datetime)
            {
                if (string.Equals(column.Name, real.SequenceIndex, StringComparison.Ordinal))
                {
                    continue;
                }

                metric = "BoundaryAdherence";
            }
            else if (column.SdType is SdType.Categorical or SdType.Boolean)
            {
                metric = "CategoryAdherence";
            }
            else if (keyColumns.Contains(column.Name))
            {
                metric = "KeyUniqueness";
            }
            else
            {
                continue;
            }

            if (synthetic is null)
            {
                yield return new ValidityDetail(table.Name, [column.Name], metric, null, $"Column '{column.Name}' is missing from the synthetic data.");
                continue;
            }

            var score = metric switch
            {
                "BoundaryAdherence" => Boundary(table.RealValues(c), synthetic),
                "CategoryAdherence" => CategoryAdherence.Compute(
                    table.RealValues(c).Select(CellValues.Key).ToArray(), synthetic.Select(CellValues.Key).ToArray()),
                _ => KeyUniqueness.Compute(synthetic.Select(v => new[] { v }).ToArray()),
            };
            yield return new ValidityDetail(table.Name, [column.Name], metric, Scores.Nullable(score), null);
        }

        // A composite key is judged as one tuple per row (alternate composite keys likewise).
        var composites = new List<IReadOnlyList<string>>();
        if (real.PrimaryKey.Count > 1)
        {
            composites.Add(real.PrimaryKey);
        }

        composites.AddRange(real.AlternateKeys.Where(k => k.Count > 1));
        foreach (var key in composites)
        {
            var positions = table.SyntheticPositions(key);
            if (positions is null)
            {
                yield return new ValidityDetail(table.Name, key, "KeyUniqueness", null, "A key column is missing from the synthetic data.");
                continue;
            }

            var tuples = table.Synthetic.Rows.Select(row => positions.Select(p => row[p]).ToArray()).ToArray();
            yield return new ValidityDetail(table.Name, key, "KeyUniqueness", Scores.Nullable(KeyUniqueness.Compute(tuples)), null);
        }
    }

    private static double Boundary(object?[] real, object?[] synthetic)
    {
        if (CellValues.TryToNumbers(real, out var realNumbers, out _) && CellValues.TryToNumbers(synthetic, out var synthNumbers, out _))
        {
            return BoundaryAdherence.Compute(realNumbers, synthNumbers);
        }

        // As SDMetrics does for a datetime column it could not parse: compare the text.
        return BoundaryAdherence.ComputeOrdinal(
            real.Select(v => CellValues.IsNull(v) ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            synthetic.Select(v => CellValues.IsNull(v) ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    private static StructureDetail StructureOf(TablePair table)
    {
        var real = table.Real.Columns
            .Select((c, i) => (c.Name, Dtype: PandasDtype.Infer(table.RealValues(i), c.SdType)))
            .ToList();

        // Synthetic columns are read as they are; the metadata only tells a datetime column, which SDMetrics parses.
        var synthetic = table.Synthetic.Columns
            .Select((c, i) =>
            {
                var meta = table.Real.IndexOf(c.Name);
                var sdType = meta >= 0 ? table.Real.Columns[meta].SdType : c.SdType;
                return (c.Name, Dtype: PandasDtype.Infer(table.Synthetic.ColumnValues(i), sdType));
            })
            .ToList();
        var score = TableStructure.Compute(real, synthetic);
        return new StructureDetail(
            table.Name,
            Scores.Nullable(score),
            real.ToDictionary(x => x.Name, x => x.Dtype, StringComparer.Ordinal),
            synthetic.ToDictionary(x => x.Name, x => x.Dtype, StringComparer.Ordinal));
    }
}
