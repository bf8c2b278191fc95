using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// One streaming pass over a structured column (arrays, json, xml, binary, geometry, network
/// addresses, bit strings, ranges, tsvector, composite and hstore values): each value is read into
/// its kind's profile, whose memory is bounded whatever the row count. <see cref="Finish"/> keeps
/// only what may be written back (the k rule) and gives the column's model.
/// </summary>
internal sealed class StructuredAccumulator : ValueAccumulator
{
    private const int TreeNodes = 2048;
    private readonly ColumnSchema _column;
    private readonly StructuredKind _kind;
    private readonly Xoshiro256 _random;
    private readonly TreeBudget _budget = new(TreeNodes);
    private readonly string _baseType;
    private TreeNode? _tree;
    private BytesProfile? _bytes;
    private GeometryProfile? _geometry;
    private NetworkProfile? _network;
    private BitProfile? _bits;
    private RangeProfile? _range;
    private LexemeProfile? _lexemes;
    private int _fields;

    public StructuredAccumulator(ColumnSchema column, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(column);
        _column = column;
        _kind = StructuredKinds.Of(column) ?? throw new ArgumentException($"Column {column.Name} ({column.NativeType}) is not of a structured type.", nameof(column));
        _random = random;
        _baseType = StructuredKinds.BaseName(column.NativeType);
    }

    /// <summary>Values that could not be read as their kind (malformed text): counted, not learned.</summary>
    public long Unreadable { get; private set; }

    protected override void Add(object value)
    {
        if (!Learn(value)) Unreadable++;
    }

    private bool Learn(object value)
    {
        if (_kind == StructuredKind.Bytes)
        {
            (_bytes ??= new BytesProfile()).Add(value as byte[] ?? Encoding.UTF8.GetBytes(value.ToString() ?? ""), _random);
            return true;
        }
        var text = value as string ?? value.ToString() ?? "";
        switch (_kind)
        {
            case StructuredKind.Array or StructuredKind.Json:
                JsonNode? json;
                try
                {
                    json = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return false;
                }
                (_tree ??= new TreeNode()).Observe(json, 0, _budget, _random);
                return true;
            case StructuredKind.Xml or StructuredKind.Composite or StructuredKind.Hstore:
                var node = _kind switch
                {
                    StructuredKind.Xml => XmlTree.Read(text),
                    StructuredKind.Composite => RowText.ReadComposite(text),
                    _ => RowText.ReadHstore(text),
                };
                if (node is null) return false;
                if (_kind == StructuredKind.Composite) _fields = Math.Max(_fields, node.Count);
                (_tree ??= new TreeNode()).Observe(node, 0, _budget, _random);
                return true;
            case StructuredKind.Geometry:
                (_geometry ??= new GeometryProfile()).Add(text, null, _random);
                return true;
            case StructuredKind.PgGeometric:
                (_geometry ??= new GeometryProfile()).Add(text, _baseType, _random);
                return true;
            case StructuredKind.Inet or StructuredKind.Cidr or StructuredKind.MacAddress:
                (_network ??= new NetworkProfile()).Add(text, _kind);
                return true;
            case StructuredKind.BitString:
                (_bits ??= new BitProfile()).Add(text);
                return true;
            case StructuredKind.Range:
                (_range ??= new RangeProfile { Element = RangeProfile.ElementOf(_column.NativeType) }).Add(text, _random);
                return true;
            case StructuredKind.TsVector:
                (_lexemes ??= new LexemeProfile()).Add(text, _random);
                return true;
            default:
                return false;
        }
    }

    /// <param name="k">Strings, keys and prefixes seen fewer than k times are never written back.</param>
    public StructuredColumnModel Finish(int k, ref int dim)
    {
        // An enum's labels are schema, not data: every label seen may come back.
        _tree?.Finish(_column.EnumValues is not null ? 1 : k);
        _bytes?.Finish(k);
        _geometry?.Finish();
        _network?.Finish(k);
        _bits?.Finish();
        _range?.Finish();
        _lexemes?.Finish(k);
        var model = new StructuredColumnModel
        {
            Structure = _kind,
            BaseType = _baseType,
            ElementMaxLength = ElementLength(_column.ElementType),
            Fields = _fields,
            Tree = _tree,
            Bytes = _bytes,
            Geometry = _geometry,
            Network = _network,
            Bits = _bits,
            Range = _range,
            Lexemes = _lexemes,
            Count = Count - Unreadable,
            Nulls = Nulls,
        };
        if (Nulls > 0 && Count > 0) model.NullDim = dim++;
        return model;
    }

    /// <summary>The n of an array's element type <c>character varying(n)</c> or <c>character(n)</c>.</summary>
    private static int? ElementLength(string? elementType)
    {
        if (elementType is null || !elementType.StartsWith("char", StringComparison.OrdinalIgnoreCase)) return null;
        var open = elementType.IndexOf('(', StringComparison.Ordinal);
        var close = elementType.IndexOf(')', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(elementType.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
