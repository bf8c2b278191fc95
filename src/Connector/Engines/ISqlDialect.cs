using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>How an engine spells identifiers. Every identifier in generated SQL goes through here.</summary>
internal interface ISqlDialect
{
    /// <summary>Quotes one identifier, doubling the engine's quote character inside it.</summary>
    string Quote(string identifier);

    /// <summary>Quotes a schema-qualified name (the schema part is left out where it is null).</summary>
    string Quote(QualifiedName name);

    /// <summary>Quotes each identifier and joins them with commas (a column list).</summary>
    string QuoteList(IEnumerable<string> identifiers);

    /// <summary>
    /// An expression that compares, groups and sorts a text value byte by byte (code points, case and trailing spaces
    /// significant), whatever the column's collation: what the evaluation counts categories and matches keys with.
    /// </summary>
    string ExactText(string expression);

    /// <summary>
    /// A seeded sample of a table in this engine's SQL: the same seed and data give the same rows, whatever order the
    /// engine scans in, and the table is never sorted; its row limit is the engine's (LIMIT, TOP).
    /// </summary>
    string SampledSelect(TableSample query);

    /// <summary>
    /// The average of a number as a floating point value: an integer average is truncated on some engines, and where
    /// the engine has a floating point average it is far cheaper than one over exact decimals.
    /// </summary>
    string FloatingAverage(string expression);

    /// <summary>
    /// The inner join keyword that reads the table written first (a child) in full and looks each of its rows up in the
    /// second (its parent) by a declared key; where the engine may choose the other order, it is told not to.
    /// </summary>
    string LookupJoin { get; }

    /// <summary>A boolean constant in an expression carried over from another engine (a check, an index predicate).</summary>
    string BooleanLiteral(bool value);

    /// <summary>A string constant in an expression carried over from another engine (a check, an index predicate).</summary>
    string ExpressionLiteral(string value);

    /// <summary>Whether an index may have a predicate (a partial index).</summary>
    bool HasPartialIndexes { get; }

    /// <summary>
    /// How the engine tells two table names of one schema apart: byte by byte, or ignoring case (SQLite; SQL Server under
    /// its default collation), where <c>Order</c> and <c>order</c> are one table.
    /// </summary>
    StringComparer TableNames { get; }

    /// <summary>How the engine tells two column names of one table apart (only PostgreSQL minds case).</summary>
    StringComparer ColumnNames { get; }

    /// <summary>The most characters a table or column name may have; <see cref="int.MaxValue"/> where there is no limit the tool minds.</summary>
    int MaxNameLength { get; }

    /// <summary>Whether a name may hold characters outside the Basic Multilingual Plane (an emoji); MariaDB and MySQL names cannot.</summary>
    bool NamesHoldOutsideBmp { get; }
}
