using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// The structure of JSON-like values at one path: how often the value there is an object, an array
/// or a scalar; for objects, each key's frequency and the structure under it; for arrays, the length
/// distribution and the structure of the items; for scalars, a <see cref="LeafProfile"/>. JSON is
/// learned as it is; XML, composite rows, hstore maps and PostgreSQL arrays are first read into this
/// shape. Keys seen fewer than k times are dropped (a key can be data); a node's keys and the whole
/// tree are bounded, so memory does not grow with the rows.
/// </summary>
internal sealed class TreeNode
{
    public const int MaxDepth = 8;
    private const int MaxKeys = 64;
    private const int MaxLengths = 256;
    private Dictionary<string, (long Count, TreeNode Child)>? _children;
    private Dictionary<int, long>? _lengths;

    public long Objects { get; set; }

    public long Arrays { get; set; }

    public long Scalars { get; set; }

    /// <summary>Keys kept (seen at least k times), in the order first seen.</summary>
    public List<string> Keys { get; set; } = [];

    public List<long> KeyCounts { get; set; } = [];

    public List<TreeNode> Children { get; set; } = [];

    public TreeNode? Items { get; set; }

    public List<int> LengthValues { get; set; } = [];

    public List<long> LengthCounts { get; set; } = [];

    public LeafProfile? Leaf { get; set; }

    [JsonIgnore]
    public long Total => Objects + Arrays + Scalars;

    /// <summary>Learns one value; <paramref name="budget"/> counts the nodes the whole tree may still create.</summary>
    public void Observe(JsonNode? node, int depth, TreeBudget budget, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(budget);
        switch (node)
        {
            case null:
                Scalars++;
                (Leaf ??= new LeafProfile()).AddNull();
                return;
            case JsonObject or JsonArray when depth >= MaxDepth:
                Scalars++;
                (Leaf ??= new LeafProfile()).AddString(node.ToJsonString(), random);
                return;
            case JsonObject obj:
                Objects++;
                _children ??= new Dictionary<string, (long, TreeNode)>(StringComparer.Ordinal);
                foreach (var (key, value) in obj)
                {
                    if (!_children.TryGetValue(key, out var entry))
                    {
                        if (_children.Count >= MaxKeys || !budget.Take()) continue;
                        entry = (0, new TreeNode());
                    }
                    entry.Child.Observe(value, depth + 1, budget, random);
                    _children[key] = (entry.Count + 1, entry.Child);
                }
                return;
            case JsonArray array:
                Arrays++;
                _lengths ??= [];
                if (_lengths.ContainsKey(array.Count) || _lengths.Count < MaxLengths) _lengths[array.Count] = _lengths.GetValueOrDefault(array.Count) + 1;
                if (Items is null && budget.Take()) Items = new TreeNode();
                foreach (var item in array) Items?.Observe(item, depth + 1, budget, random);
                return;
            case JsonValue value:
                Scalars++;
                var leaf = Leaf ??= new LeafProfile();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True: leaf.AddBoolean(true); break;
                    case JsonValueKind.False: leaf.AddBoolean(false); break;
                    case JsonValueKind.Number:
                        var text = value.ToJsonString();
                        leaf.AddNumber(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text, random);
                        break;
                    case JsonValueKind.String: leaf.AddString(value.GetValue<string>(), random); break;
                    default: leaf.AddNull(); break;
                }
                return;
        }
    }

    /// <param name="k">Keys and texts seen fewer than k times are not kept.</param>
    public void Finish(int k)
    {
        if (_children is not null)
        {
            foreach (var (key, (count, child)) in _children)
            {
                if (count < k) continue;
                child.Finish(k);
                Keys.Add(key);
                KeyCounts.Add(count);
                Children.Add(child);
            }
        }
        if (_lengths is not null)
        {
            foreach (var (length, count) in _lengths.OrderBy(p => p.Key))
            {
                LengthValues.Add(length);
                LengthCounts.Add(count);
            }
        }
        Items?.Finish(k);
        Leaf?.Finish(k);
        (_children, _lengths) = (null, null);
    }

    /// <summary>A value with this node's structure (null for a JSON null).</summary>
    public JsonNode? Generate(Xoshiro256 random, TreeShape shape, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(shape);
        var kind = shape.KindAt(depth, () => Draw.Index([Objects, Arrays, Scalars], random));
        switch (kind)
        {
            case 0:
                var obj = new JsonObject();
                for (var i = 0; i < Keys.Count; i++)
                {
                    if (Draw.Chance(KeyCounts[i], Objects, random)) obj[Keys[i]] = Children[i].Generate(random, shape.ForChild(), depth + 1);
                }
                return obj;
            case 1:
                var length = shape.LengthAt(depth, () => LengthValues.Count == 0 ? 0 : LengthValues[Math.Max(0, Draw.Index(LengthCounts, random))]);
                var array = new JsonArray();
                for (var i = 0; i < length && Items is not null; i++) array.Add(Items.Generate(random, shape, depth + 1));
                return array;
            default:
                return Leaf?.Sample(random, shape.MaxLength, shape.ElementsNullable) switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    long l => JsonValue.Create(l),
                    double d => JsonValue.Create(d),
                    string s => JsonValue.Create(s),
                    _ => null,
                };
        }
    }
}
