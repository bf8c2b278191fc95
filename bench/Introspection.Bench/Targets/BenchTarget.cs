using System.Data.Common;
using System.Globalization;
using System.Text;
using Sdv.Connector.Introspection.Bench.Plan;
using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Introspection.Bench.Targets;

/// <summary>
/// One engine's side of the benchmark: a database of its own (created, filled with the planned
/// DDL, dropped at the end) and the engine's spelling of types and identifiers.
/// </summary>
internal abstract class BenchTarget
{
    public abstract string Name { get; }

    public abstract DatabaseEngine Engine { get; }

    /// <summary>Creates the empty database this target owns.</summary>
    public abstract Task CreateDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>A new, unopened connection to the target's database; unpooled, as a command-line run would see it.</summary>
    public abstract DbConnection NewConnection();

    public abstract Task DropDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>The engine's introspector, the one the connector runs.</summary>
    public abstract ISchemaIntrospector Introspector { get; }

    /// <summary>The engine's identifier quoting, the one the connector uses.</summary>
    protected abstract IdentifierQuoting Quoting { get; }

    protected abstract string TypeOf(PlannedColumn column);

    /// <summary>MariaDB indexes foreign key columns by itself; the others get explicit indexes, as a real schema would have.</summary>
    protected virtual bool IndexesForeignKeys => true;

    /// <summary>Tables per round trip; statements are sent as one multi-statement batch.</summary>
    protected virtual int TablesPerBatch => 500;

    public async Task CreateTablesAsync(IReadOnlyList<PlannedTable> plan, CancellationToken cancellationToken)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in plan.Chunk(TablesPerBatch))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = string.Join(";\n", chunk.SelectMany(Render));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<string> Render(PlannedTable table)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Quoting.Quote(table.Name)).Append(" (");
        var parts = new List<string>();
        foreach (var column in table.Columns)
        {
            parts.Add(Quoting.Quote(column.Name) + " " + TypeOf(column) + (column.Nullable ? "" : " NOT NULL"));
        }
        parts.Add("PRIMARY KEY (" + QuoteAll(table.PrimaryKey) + ")");
        foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Status))
        {
            parts.Add("CHECK (" + Quoting.Quote(column.Name) + " IN ('new', 'active', 'closed'))");
        }
        foreach (var key in table.ForeignKeys)
        {
            parts.Add("FOREIGN KEY (" + QuoteAll(key.Columns) + ") REFERENCES " + Quoting.Quote(key.ParentTable) + " (" + QuoteAll(key.ParentColumns) + ")");
        }
        sql.AppendJoin(", ", parts).Append(')');
        yield return sql.ToString();

        if (!IndexesForeignKeys) yield break;
        for (var k = 0; k < table.ForeignKeys.Count; k++)
        {
            var index = "ix_" + table.Name + "_" + k.ToString(CultureInfo.InvariantCulture);
            yield return "CREATE INDEX " + Quoting.Quote(index) + " ON " + Quoting.Quote(table.Name) + " (" + QuoteAll(table.ForeignKeys[k].Columns) + ")";
        }
    }

    private string QuoteAll(IEnumerable<string> identifiers) => Quoting.QuoteList(identifiers);
}
