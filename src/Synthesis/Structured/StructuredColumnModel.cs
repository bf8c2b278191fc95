using System.Text.Json.Nodes;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// A structured column (see <see cref="StructuredKind"/>): its values are generated from the
/// kind's profile, in the canonical form the writers take; only the NULL share is linked to the
/// other columns (a null dimension in the copula), as for personal data and free text.
/// </summary>
internal sealed class StructuredColumnModel : NullIndicatedColumnModel
{
    public StructuredKind Structure { get; set; }

    /// <summary>The source type's name without modifiers (point, int4range, geometry, ...).</summary>
    public string BaseType { get; set; } = string.Empty;

    /// <summary>Longest text of an array's elements (an array of varchar(n)).</summary>
    public int? ElementMaxLength { get; set; }

    /// <summary>Fields of a composite type.</summary>
    public int Fields { get; set; }

    public TreeNode? Tree { get; set; }

    public BytesProfile? Bytes { get; set; }

    public GeometryProfile? Geometry { get; set; }

    public NetworkProfile? Network { get; set; }

    public BitProfile? Bits { get; set; }

    public RangeProfile? Range { get; set; }

    public LexemeProfile? Lexemes { get; set; }

    // Its profiles keep fit-time sketches and build generators lazily while sampling (a string pool's faker): the copy
    // goes through the model file's JSON, as a model read back from its file does. A parent's structured column is
    // rarely a child's context column, so the serializer's one-off cost is rarely paid.
    protected override ColumnModel CopyKept() =>
        System.Text.Json.JsonSerializer.Deserialize<ColumnModel>(System.Text.Json.JsonSerializer.Serialize<ColumnModel>(this, ModelFile.JsonOptions), ModelFile.JsonOptions)!;

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (IsNullable && (DrawsNull(u) || Count == 0)) return null;
        return Next(runtime.Random);
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return Next(runtime.Random);
    }

    private object Next(Xoshiro256 random)
    {
        switch (Structure)
        {
            case StructuredKind.Array:
                var array = Tree?.Generate(random, new TreeShape(rectangular: true, ElementMaxLength, elementsNullable: true));
                return (array as JsonArray ?? []).ToJsonString();
            case StructuredKind.Json:
                return Tree is null ? "{}" : MaxLength is { } width and < int.MaxValue ? BoundedJson.Next(Tree, width, random) : Tree.Generate(random, new TreeShape(false, null, true))?.ToJsonString() ?? "null";
            case StructuredKind.Xml:
                return XmlTree.Write(Tree?.Generate(random, new TreeShape(false, null, true)));
            case StructuredKind.Composite:
                return RowText.WriteComposite(Tree?.Generate(random, new TreeShape(false, null, true)), Math.Max(Fields, 1));
            case StructuredKind.Hstore:
                return RowText.WriteHstore(Tree?.Generate(random, new TreeShape(false, null, true)));
            case StructuredKind.Bytes:
                return Bytes?.Sample(random, MaxLength) ?? [];
            case StructuredKind.Geometry:
                return Geometry?.SampleWkt(random) ?? "POINT(0 0)";
            case StructuredKind.PgGeometric:
                return (Geometry ?? new GeometryProfile { MaxX = 1, MaxY = 1 }).SamplePg(BaseType, random);
            case StructuredKind.Inet or StructuredKind.Cidr or StructuredKind.MacAddress:
                return (Network ?? new NetworkProfile()).Sample(Structure, random);
            case StructuredKind.BitString:
                var fixedLength = BaseType == "bit" ? MaxLength ?? 1 : (int?)null;
                return (Bits ?? new BitProfile()).Sample(random, fixedLength, MaxLength);
            case StructuredKind.Range:
                return Range?.Sample(random) ?? "empty";
            case StructuredKind.TsVector:
                return Lexemes?.Sample(random) ?? "";
            default:
                return "";
        }
    }
}
