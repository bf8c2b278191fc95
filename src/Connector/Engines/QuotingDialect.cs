using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// A dialect's identifiers, quoted by the <see cref="IdentifierQuoting"/> the introspectors use too, so that the
/// SQL that reads a schema and the SQL that writes one quote alike. Engines differ only in the quote characters
/// (and in their string literals, which stay theirs).
/// </summary>
internal abstract class QuotingDialect(IdentifierQuoting quoting) : ISqlDialect
{
    public string Quote(string identifier) => quoting.Quote(identifier);

    public string Quote(QualifiedName name) => quoting.Quote(name);

    public string QuoteList(IEnumerable<string> identifiers) => quoting.QuoteList(identifiers);

    /// <summary>The expression as it is: right where the engine compares text byte by byte by default.</summary>
    public virtual string ExactText(string expression) => expression;

    public abstract string SampledSelect(TableSample query);

    /// <summary>AVG over the value times 1.0: a decimal or a float on every engine, never a truncated integer.</summary>
    public virtual string FloatingAverage(string expression) => $"AVG({expression} * 1.0)";

    /// <summary>JOIN: the planner reads the larger side in full and looks up the other on its own.</summary>
    public virtual string LookupJoin => "JOIN";

    /// <summary>TRUE or FALSE.</summary>
    public virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>Single quotes, an inner quote doubled.</summary>
    public virtual string ExpressionLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public virtual bool HasPartialIndexes => true;

    /// <summary>Byte by byte.</summary>
    public virtual StringComparer TableNames => StringComparer.Ordinal;

    /// <summary>Ignoring case: every engine but PostgreSQL.</summary>
    public virtual StringComparer ColumnNames => StringComparer.OrdinalIgnoreCase;

    /// <summary>No limit the tool minds.</summary>
    public virtual int MaxNameLength => int.MaxValue;

    public virtual bool NamesHoldOutsideBmp => true;
}
