using System.Collections.Frozen;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Inference;

/// <summary>
/// The name rules of key inference: which columns are named like their table's key, and which
/// name a key of another table (<c>person_id</c> → person.person_id, <c>CustomerId</c> →
/// Customer.CustomerId, <c>customer</c> → customer.id, plural and singular, case, separators,
/// prefixes and suffixes, roles such as <c>reports_to</c> or <c>support_rep_id</c>).
/// </summary>
public static class KeyNames
{
    /// <summary>Suffixes that make a column a key of the table it names.</summary>
    private static readonly string[] KeySuffixes = ["id", "key", "code", "no", "nr", "num", "number", "fk", "ref", "uuid", "guid"];

    /// <summary>
    /// Names every table may give its own row key (SQLite's <c>ROWID</c>, <c>oid</c>, <c>pk</c>): two tables keyed on one
    /// of them share a convention, not a row (chat.db keys every table on ROWID, and each was taken for the next one's).
    /// </summary>
    private static readonly FrozenSet<string> GenericKeys = new[] { "id", "key", "uuid", "guid", "rowid", "oid", "pk", "recid", "objectid" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Last words that make a column a measure of something, never a pointer at it: <c>visit_count</c> begins like the
    /// table visits, and its counts (1 to 50) were taken for visit ids until the clone drew them as keys (56 to 2,909).
    /// </summary>
    private static readonly FrozenSet<string> MeasureWords = new[]
    {
        "count", "counts", "cnt", "total", "totals", "sum", "qty", "quantity", "amount", "size", "length", "len", "avg", "average", "min",
        "max", "score", "rank", "weight", "percent", "pct", "ratio", "rate", "level", "depth", "width", "height", "duration", "age",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a column that point at a row of its own table (<c>root</c>: a reply's thread, Mattermost's posts.rootid).</summary>
    private static readonly FrozenSet<string> SelfRoles = new[]
    {
        "parent", "manager", "reports", "supervisor", "boss", "superior", "referred", "referrer", "mentor", "predecessor", "successor",
        "replaced", "replaces", "previous", "prev", "next", "master", "spouse", "partner", "root",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a column that point at a member of staff.</summary>
    private static readonly FrozenSet<string> StaffRoles = new[]
    {
        "rep", "representative", "agent", "manager", "supervisor", "salesperson", "salesman", "saleswoman", "head", "owner", "assignee",
        "approver", "reviewer", "handler", "clerk", "cashier", "seller", "reports", "creator", "author", "editor", "modifier",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StaffTables = new[] { "employee", "staff", "user", "agent", "worker", "personnel", "salesperson", "rep" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower case, letters and digits only: <c>Customer_Id</c> and <c>customerid</c> are one name.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new string(name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }

    /// <summary>English singular of a lowercase word (categories → category, addresses → address, orders → order).</summary>
    public static string Singular(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))) return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    /// <summary>
    /// The spellings of a table's name a column may use: whole and singular (order_details → orderdetails, orderdetail);
    /// where the name begins with the schema's common <paramref name="prefix"/> (<see cref="CommonPrefix"/>), also the
    /// same without it (wp_posts → post), since applications name their columns after the bare entity (wp_postmeta.post_id).
    /// </summary>
    public static IReadOnlyList<string> Forms(QualifiedName table, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var words = NameWords.Of(table.Name).Where(w => w.Length > 0).ToList();
        var forms = WordForms(words, Normalise(table.Name));
        if (prefix is not null && words.Count > 1 && words[0] == prefix) forms.AddRange(WordForms(words[1..], string.Concat(words[1..])));
        return forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> WordForms(List<string> words, string whole)
    {
        var forms = new List<string> { whole, Singular(whole) };
        if (words.Count > 1)
        {
            forms.Add(string.Concat(words.Take(words.Count - 1)) + Singular(words[^1]));
            forms.Add(string.Concat(words.Select(Singular)));
        }
        return forms;
    }

    /// <summary>
    /// The first word most tables' names begin with and go on after (<c>wp</c> of wp_posts, wp_users, wp_postmeta;
    /// <c>mdl</c>, <c>tbl</c>, <c>app</c>): an application's table prefix, which its columns leave out (wp_postmeta.post_id
    /// points at wp_posts). Shared by at least two tables and more than half of them, or null. The prefix is only an
    /// extra spelling of a name: the data still have to confirm every relationship it suggests.
    /// </summary>
    public static string? CommonPrefix(IReadOnlyCollection<QualifiedName> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var best = tables
            .Select(t => NameWords.Of(t.Name))
            .Where(w => w.Count > 1 && w[0].Length > 0 && !char.IsAsciiDigit(w[0][0]))
            .GroupBy(w => w[0], StringComparer.Ordinal)
            .Select(g => (Prefix: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Prefix, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Prefix is not null && best.Count >= 2 && 2 * best.Count > tables.Count ? best.Prefix : null;
    }

    /// <summary>How strongly a column's name says it is its table's key: 0 <c>id</c>, 1 the table's name and a key suffix, 2 any key-like name; null otherwise.</summary>
    public static int? PrimaryKeyRank(TableSchema table, ColumnSchema column, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        if (!IsKeyType(column)) return null;
        var name = Normalise(column.Name);
        if (name is "id" or "key" or "uuid" or "guid") return 0;
        var forms = Forms(table.Name, prefix);
        if (forms.Any(f => KeySuffixes.Any(s => name == f + s))) return 1;
        var columnWords = NameWords.Of(column.Name);
        var last = columnWords.Count > 0 ? columnWords[^1] : null;
        return last is not null && KeySuffixes.Contains(last) ? 2 : null;
    }

    /// <summary>Columns that may be part of a composite key: key-like names and line or sequence numbers.</summary>
    public static bool IsKeyPart(TableSchema table, ColumnSchema column, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        if (PrimaryKeyRank(table, column, prefix) is not null) return true;
        var words = NameWords.Of(column.Name);
        var last = words.Count > 0 ? words[^1] : null;
        return IsKeyType(column) && last is "line" or "seq" or "sequence" or "position" or "pos" or "item" or "version" or "day" or "date";
    }

    /// <summary>Types a key is made of: integers, exact numbers without decimals, strings, UUIDs (and dates, in a composite key).</summary>
    public static bool IsKeyType(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 or LogicalType.String
            or LogicalType.FixedString or LogicalType.Text or LogicalType.Uuid or LogicalType.Date
            || (column.LogicalType == LogicalType.Decimal && column.Scale is null or 0);
    }

    /// <summary>True where values of the two columns can be compared as keys: integers with integers, strings with strings, UUIDs with UUIDs.</summary>
    public static bool Compatible(ColumnSchema child, ColumnSchema parent)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(parent);
        return Family(child) is { } a && a == Family(parent);
    }

    /// <summary>
    /// The value a child column of this type may hold for "no parent" where NULL is meant: <c>0</c> for integers, the empty
    /// string for strings (MySQL applications write them: PrestaShop's root category has id_parent 0, Mattermost's direct
    /// channels teamid ''); null for other types. Key inference reads it so only where the parent's key lacks it.
    /// </summary>
    public static string? NoParentMarker(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Family(column) switch
        {
            "integer" => "0",
            "string" => string.Empty,
            _ => null,
        };
    }

    private static string? Family(ColumnSchema c) => c.LogicalType switch
    {
        LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 => "integer",
        LogicalType.Decimal when c.Scale is null or 0 => "integer",
        LogicalType.String or LogicalType.FixedString or LogicalType.Text => "string",
        LogicalType.Uuid => "uuid",
        _ => null,
    };

    /// <summary>
    /// The rule by which a child column's name points at a parent's one-column key, with its rank
    /// (lower is stronger; 0-2 are strong, 3 and above need the data to agree entirely), or null.
    /// </summary>
    /// <param name="prefix">The schema's common table prefix (<see cref="CommonPrefix"/>), matched with or without it; null where none.</param>
    public static (int Rank, string Rule)? Match(TableSchema child, ColumnSchema column, TableSchema parent, string parentKey, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(parent);
        var c = Normalise(column.Name);
        var k = Normalise(parentKey);
        var self = child.Name.Equals(parent.Name);
        var words = NameWords.Of(column.Name);
        if (self)
        {
            // A role glued to a key suffix is one word to the splitter (Mattermost's rootid, parentid): it is read whole too.
            return words.Any(SelfRoles.Contains) || SelfRoles.Any(r => KeySuffixes.Any(s => c == r + s || c == s + r))
                ? (3, $"names a role within its own table ({column.Name} -> {parent.Name}.{parentKey})")
                : null;
        }
        if (words.Count > 0 && MeasureWords.Contains(words[^1])) return null;
        var forms = Forms(parent.Name, prefix);
        if (c == k && !KeySuffixes.Contains(k) && !GenericKeys.Contains(k) && k != "name") return (0, $"same name as the parent's key {parent.Name}.{parentKey}");
        if (forms.Any(f => KeySuffixes.Any(s => c == f + s))) return (1, $"the parent's name and a key suffix ({column.Name} -> {parent.Name}.{parentKey})");
        if (forms.Contains(c)) return (2, $"the parent's name ({column.Name} -> {parent.Name}.{parentKey})");
        if (NameWords.Of(parent.Name.Name).Select(Singular).Any(StaffTables.Contains) && words.Any(StaffRoles.Contains))
            return (4, $"names a staff role ({column.Name} -> {parent.Name}.{parentKey})");
        if ((k.Length >= 5 && !GenericKeys.Contains(k) && (c.EndsWith(k, StringComparison.Ordinal) || c.StartsWith(k, StringComparison.Ordinal)))
            || forms.Any(f => f.Length >= 4 && KeySuffixes.Any(s => c.EndsWith(f + s, StringComparison.Ordinal))))
        {
            return (5, $"the parent's key name with a prefix or suffix ({column.Name} -> {parent.Name}.{parentKey})");
        }

        if (words.Count > 0 && words[0].Length >= 4 && forms.Any(f => f.StartsWith(words[0], StringComparison.Ordinal) && f != words[0]))
            return (6, $"begins like the parent's name ({column.Name} -> {parent.Name}.{parentKey})");
        return null;
    }
}
