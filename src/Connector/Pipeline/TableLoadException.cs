using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Writing one table's rows (or its schema step) failed: names the table, the step and, where the
/// database said which, the column, so the command line can say where and what to do. The inner
/// exception is the driver's.
/// </summary>
internal sealed class TableLoadException : Exception
{
    public TableLoadException(TableSchema table, string step, Exception inner)
        : base($"{step} {table?.Name} failed: {inner?.Message}", inner)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table.Name;
        Schema = table;
        Step = step;
    }

    public TableLoadException() { }

    public TableLoadException(string message) : base(message) { }

    public TableLoadException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The table being written (the target's name).</summary>
    public QualifiedName? Table { get; }

    /// <summary>The table as it was written (its columns' source types name the value kinds).</summary>
    public TableSchema? Schema { get; }

    /// <summary>What was being done: "loading", "creating", ...</summary>
    public string Step { get; } = "writing";
}
