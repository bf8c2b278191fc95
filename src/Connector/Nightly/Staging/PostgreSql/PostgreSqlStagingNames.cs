using System.Text;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging.PostgreSql;

/// <summary>
/// Points the schema names inside PostgreSQL definitions (views, indexes, defaults, checks, domains,
/// types) at the staging schemas: <c>public.orders</c> becomes <c>"public__sdv_staging".orders</c>.
/// PostgreSQL binds these definitions to objects when they are created (by oid), so an object created
/// in staging with the live name would keep the live (old) object after the swap, and the swap's
/// <c>DROP SCHEMA ... CASCADE</c> of the old clone would drop it; bound to staging, it follows the
/// rename and names the live schema again once swapped.
/// <para>
/// A two-part name <c>a.b</c> is a schema and an object only when <c>a</c> is a cloned schema and
/// <c>b</c> an object of it (table, view, sequence, type, partition) or a function call
/// (<c>a.f(...)</c>); otherwise it is a table and a column (<c>orders.id</c>) and is left alone.
/// Three parts (<c>schema.table.column</c>) always start with the schema. Names inside a
/// <c>'...'::regclass</c> (a sequence's <c>nextval</c>) or other reg* constant are rewritten too.
/// Names the scanner cannot see as names (inside other strings, comments) are left as they are.
/// </para>
/// <para>
/// Text that the server keeps as text and runs later (a PL/pgSQL or plain SQL function body) must
/// not go through here: it runs after the swap, when the live names are the right ones. Such bodies
/// are created with <c>check_function_bodies = off</c> (see <see cref="PostgreSqlStaging.SessionSql"/>).
/// Only a <c>BEGIN ATOMIC</c> body, which the server parses and binds at creation, is rewritten.
/// </para>
/// </summary>
internal sealed class PostgreSqlStagingNames
{
    private static readonly PostgreSqlDialect D = PostgreSqlDialect.Instance;

    private static readonly HashSet<string> RegTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regconfig", "regdictionary", "regcollation",
    };

    private readonly IReadOnlyDictionary<string, string> _stagingOf;
    private readonly IReadOnlyDictionary<string, HashSet<string>> _objects;

    /// <param name="stagingOf">Each live schema that is cloned and the staging schema it is written to.</param>
    /// <param name="objects">The objects of each live schema (tables, views, sequences, types, partitions), by name.</param>
    public PostgreSqlStagingNames(IReadOnlyDictionary<string, string> stagingOf, IReadOnlyDictionary<string, HashSet<string>> objects)
    {
        _stagingOf = stagingOf;
        _objects = objects;
    }

    /// <summary>The names of a mapped schema's objects, per schema (before the rename), for <see cref="PostgreSqlStagingNames(IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, HashSet{string}})"/>.</summary>
    public static Dictionary<string, HashSet<string>> ObjectsOf(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = schema.Tables.Select(t => t.Name)
            .Concat(schema.Tables.SelectMany(t => t.Partitions))
            .Concat(schema.Views.Select(v => v.Name))
            .Concat(schema.Sequences.Select(s => s.Name))
            .Concat(schema.UserTypes.Select(u => u.Name));
        var objects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.Schema is not null))
        {
            if (!objects.TryGetValue(name.Schema!, out var set)) objects[name.Schema!] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(name.Name);
        }
        return objects;
    }

    /// <summary>A definition with every reference to a cloned schema's object pointed at its staging schema.</summary>
    public string Rewrite(string sql) => Rewrite(sql, typeName: false);

    /// <summary>A type as format_type prints it (<c>sales.mood</c>, <c>sales.mood[]</c>): a two-part name is always schema and type.</summary>
    public string RewriteType(string type) => Rewrite(type, typeName: true);

    public string? RewriteOrNull(string? sql) => sql is null ? null : Rewrite(sql);

    private string Rewrite(string sql, bool typeName)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (_stagingOf.Count == 0) return sql;
        var tokens = PostgreSqlScanner.Tokens(sql);
        var output = new StringBuilder(sql.Length + 32);
        var copied = 0;
        void Replace(int start, int length, string text)
        {
            output.Append(sql, copied, start - copied).Append(text);
            copied = start + length;
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind == PostgreSqlTokenKind.String && RegConstant(sql, tokens, k) && RewriteRegConstant(token.Text(sql)) is { } constant)
            {
                Replace(token.Start, token.Length, constant);
                continue;
            }
            if (!IsName(token.Kind) || (k > 0 && tokens[k - 1].Kind == PostgreSqlTokenKind.Dot)) continue;
            // The chain of names starting here: a, a.b, a.b.c ...
            var parts = new List<PostgreSqlToken> { token };
            var j = k;
            while (j + 2 < tokens.Count && tokens[j + 1].Kind == PostgreSqlTokenKind.Dot && IsName(tokens[j + 2].Kind))
            {
                parts.Add(tokens[j + 2]);
                j += 2;
            }
            if (parts.Count >= 2 && _stagingOf.TryGetValue(NameOf(sql, parts[0]), out var staging) && IsSchemaReference(sql, tokens, parts, j, typeName))
            {
                Replace(token.Start, token.Length, D.Quote(staging));
            }
            k = j;
        }
        return copied == 0 ? sql : output.Append(sql, copied, sql.Length - copied).ToString();
    }

    private bool IsSchemaReference(string sql, List<PostgreSqlToken> tokens, List<PostgreSqlToken> parts, int last, bool typeName)
    {
        if (parts.Count >= 3 || typeName) return true;
        var schema = NameOf(sql, parts[0]);
        if (_objects.TryGetValue(schema, out var objects) && objects.Contains(NameOf(sql, parts[1]))) return true;
        // schema.function(...)
        var next = last + 1;
        while (next < tokens.Count && tokens[next].Kind is PostgreSqlTokenKind.Whitespace or PostgreSqlTokenKind.Comment) next++;
        return next < tokens.Count && tokens[next].Kind == PostgreSqlTokenKind.Other && sql[tokens[next].Start] == '(';
    }

    /// <summary>Whether the string at <paramref name="k"/> is cast to a reg* type: <c>'public.s'::regclass</c>.</summary>
    private static bool RegConstant(string sql, List<PostgreSqlToken> tokens, int k) =>
        k + 2 < tokens.Count && tokens[k + 1].Kind == PostgreSqlTokenKind.Cast
        && tokens[k + 2].Kind == PostgreSqlTokenKind.Identifier && RegTypes.Contains(tokens[k + 2].Text(sql))
        && sql[tokens[k].Start] == '\'';

    /// <summary>The rewritten constant, or null when it names nothing cloned.</summary>
    private string? RewriteRegConstant(string constant)
    {
        // The constant's text is itself a name: 'public.s', '"My Schema".s', 'public.f(integer)'.
        var inner = constant[1..^1].Replace("''", "'", StringComparison.Ordinal);
        var tokens = PostgreSqlScanner.Tokens(inner);
        if (tokens.Count < 3 || !IsName(tokens[0].Kind) || tokens[1].Kind != PostgreSqlTokenKind.Dot || !IsName(tokens[2].Kind)) return null;
        if (!_stagingOf.TryGetValue(NameOf(inner, tokens[0]), out var staging)) return null;
        var rewritten = D.Quote(staging) + inner[tokens[0].End..];
        return PostgreSqlDialect.Literal(rewritten);
    }

    private static bool IsName(PostgreSqlTokenKind kind) => kind is PostgreSqlTokenKind.Identifier or PostgreSqlTokenKind.QuotedIdentifier;

    /// <summary>The name a token stands for: a quoted one as written (quotes undone), an unquoted one folded to lower case as the server does.</summary>
    private static string NameOf(string sql, PostgreSqlToken token)
    {
        var text = token.Text(sql);
        if (token.Kind == PostgreSqlTokenKind.QuotedIdentifier)
        {
            return text.StartsWith("U&", StringComparison.OrdinalIgnoreCase) ? text : text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        return text.ToLowerInvariant();
    }
}
