using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Graph;

/// <summary>
/// The tables as a graph of foreign keys (child → parent), with a parent-first order that is the
/// same for the same schema, always. Self-references are kept apart (a table is its own parent:
/// its rows are generated root-first within the table). Cycles between tables are found as
/// strongly connected components; in each, foreign keys are deferred (filled in a second step)
/// until the rest is acyclic, preferring nullable keys.
/// </summary>
public sealed class ForeignKeyGraph
{
    private ForeignKeyGraph(
        IReadOnlyList<QualifiedName> parentFirstOrder,
        IReadOnlyList<IReadOnlyList<QualifiedName>> cycles,
        IReadOnlyList<DeferredForeignKey> deferredKeys,
        IReadOnlyList<ForeignKeySchema> selfReferences,
        IReadOnlyList<string> warnings)
    {
        ParentFirstOrder = parentFirstOrder;
        Cycles = cycles;
        DeferredKeys = deferredKeys;
        SelfReferences = selfReferences;
        Warnings = warnings;
    }

    /// <summary>Every table, each after all the parents it has through non-deferred, non-self foreign keys.</summary>
    public IReadOnlyList<QualifiedName> ParentFirstOrder { get; }

    /// <summary>Groups of two or more tables that reference each other in a ring (sorted by name).</summary>
    public IReadOnlyList<IReadOnlyList<QualifiedName>> Cycles { get; }

    /// <summary>Foreign keys chosen to break the cycles: filled after both sides are loaded.</summary>
    public IReadOnlyList<DeferredForeignKey> DeferredKeys { get; }

    /// <summary>Foreign keys from a table to itself (trees such as employee → manager).</summary>
    public IReadOnlyList<ForeignKeySchema> SelfReferences { get; }

    /// <summary>Foreign keys to tables outside the schema, and cycles that have no nullable key.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool IsDeferred(ForeignKeySchema foreignKey) => DeferredKeys.Any(d => ReferenceEquals(d.ForeignKey, foreignKey) || d.ForeignKey.Equals(foreignKey));

    public static ForeignKeyGraph Build(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var tables = schema.Tables.ToDictionary(t => t.Name);
        var names = tables.Keys.OrderBy(n => n, QualifiedName.Order).ToList();
        var warnings = new List<string>();
        var selfReferences = new List<ForeignKeySchema>();
        var edges = new List<ForeignKeySchema>();
        foreach (var name in names)
        {
            foreach (var fk in tables[name].ForeignKeys.OrderBy(KeyOrder, StringComparer.Ordinal))
            {
                if (!tables.ContainsKey(fk.PrincipalTable))
                {
                    warnings.Add($"Table {fk.Table} has a foreign key to {fk.PrincipalTable}, which is not among the tables read; its values are left NULL where allowed. Include {fk.PrincipalTable} to keep the relationship.");
                }
                else if (fk.IsSelfReference)
                {
                    selfReferences.Add(fk);
                }
                else
                {
                    edges.Add(fk);
                }
            }
        }

        var deferred = new List<DeferredForeignKey>();
        var cycles = new List<IReadOnlyList<QualifiedName>>();
        foreach (var component in StronglyConnected(names, edges).Where(c => c.Count > 1))
        {
            cycles.Add(component.OrderBy(n => n, QualifiedName.Order).ToList());
        }

        // Break cycles one key at a time, recomputing the components, until none is left.
        while (true)
        {
            var active = edges.Where(e => !deferred.Any(d => ReferenceEquals(d.ForeignKey, e))).ToList();
            var ring = StronglyConnected(names, active).FirstOrDefault(c => c.Count > 1);
            if (ring is null) break;
            var members = ring.ToHashSet();
            var inRing = active.Where(e => members.Contains(e.Table) && members.Contains(e.PrincipalTable)).ToList();
            var choice = inRing
                .OrderBy(e => IsNullable(tables[e.Table], e) ? 0 : 1)
                .ThenBy(e => e.Table, QualifiedName.Order)
                .ThenBy(KeyOrder, StringComparer.Ordinal)
                .First();
            var nullable = IsNullable(tables[choice.Table], choice);
            var ringText = string.Join(", ", ring.OrderBy(n => n, QualifiedName.Order));
            var reason = nullable
                ? $"breaks the cycle {ringText}: rows are written with it NULL, then it is filled in a second step"
                : $"breaks the cycle {ringText}, which has no nullable key: both tables are written with keys generated up front and this foreign key is created and checked after the load";
            if (!nullable)
            {
                warnings.Add($"The cycle {ringText} has no nullable foreign key: {choice} is written with keys generated up front and created and checked after the load.");
            }
            deferred.Add(new DeferredForeignKey(choice, nullable, reason));
        }

        var remaining = edges.Where(e => !deferred.Any(d => ReferenceEquals(d.ForeignKey, e))).ToList();
        return new ForeignKeyGraph(TopologicalOrder(names, remaining), cycles, deferred, selfReferences, warnings);
    }

    private static string KeyOrder(ForeignKeySchema fk) => (fk.Name ?? string.Empty) + "\u0001" + string.Join("\u0002", fk.Columns);

    private static bool IsNullable(TableSchema table, ForeignKeySchema fk) =>
        fk.Columns.All(c => table.FindColumn(c)?.IsNullable ?? false);

    /// <summary>Kahn's algorithm, always taking the smallest ready name: deterministic.</summary>
    private static List<QualifiedName> TopologicalOrder(List<QualifiedName> names, List<ForeignKeySchema> edges)
    {
        var parentsLeft = names.ToDictionary(n => n, _ => new HashSet<QualifiedName>());
        var children = names.ToDictionary(n => n, _ => new List<QualifiedName>());
        foreach (var e in edges)
        {
            if (parentsLeft[e.Table].Add(e.PrincipalTable)) children[e.PrincipalTable].Add(e.Table);
        }
        var ready = new SortedSet<QualifiedName>(names.Where(n => parentsLeft[n].Count == 0), QualifiedName.Order);
        var order = new List<QualifiedName>(names.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var child in children[next])
            {
                var left = parentsLeft[child];
                left.Remove(next);
                if (left.Count == 0) ready.Add(child);
            }
        }
        return order;
    }

    /// <summary>Tarjan's strongly connected components, iterative so deep schemas cannot overflow the stack.</summary>
    private static List<List<QualifiedName>> StronglyConnected(List<QualifiedName> names, List<ForeignKeySchema> edges)
    {
        var adjacency = names.ToDictionary(n => n, _ => new List<QualifiedName>());
        foreach (var e in edges) adjacency[e.Table].Add(e.PrincipalTable);
        foreach (var list in adjacency.Values) list.Sort(QualifiedName.Order);

        var index = new Dictionary<QualifiedName, int>();
        var low = new Dictionary<QualifiedName, int>();
        var onStack = new HashSet<QualifiedName>();
        var stack = new Stack<QualifiedName>();
        var result = new List<List<QualifiedName>>();
        var counter = 0;
        foreach (var root in names)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(QualifiedName Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var neighbours = adjacency[node];
                if (next < neighbours.Count)
                {
                    work.Push((node, next + 1));
                    var w = neighbours[next];
                    if (!index.TryGetValue(w, out var wIndex))
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack.Add(w);
                        work.Push((w, 0));
                    }
                    else if (onStack.Contains(w))
                    {
                        low[node] = Math.Min(low[node], wIndex);
                    }
                    continue;
                }
                if (low[node] == index[node])
                {
                    var component = new List<QualifiedName>();
                    QualifiedName member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!member.Equals(node));
                    result.Add(component);
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }
        return result;
    }
}
