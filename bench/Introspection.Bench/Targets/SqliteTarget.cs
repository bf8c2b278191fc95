using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Introspection.Bench.Plan;
using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Introspection.Bench.Targets;

internal sealed class SqliteTarget(string path) : BenchTarget
{
    public override string Name => "sqlite";

    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    public override Task CreateDatabaseAsync(CancellationToken cancellationToken) => DropDatabaseAsync(cancellationToken);

    public override DbConnection NewConnection() =>
        new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);

    public override Task DropDatabaseAsync(CancellationToken cancellationToken)
    {
        File.Delete(path);
        return Task.CompletedTask;
    }

    public override ISchemaIntrospector Introspector { get; } = new SqliteSchemaIntrospector();

    protected override IdentifierQuoting Quoting => IdentifierQuoting.DoubleQuotes;

    protected override string TypeOf(PlannedColumn column) => column.Kind switch
    {
        // INTEGER (not BIGINT) makes a single-column key the rowid alias, SQLite's identity.
        ColumnKind.Int64 when column.Identity => "INTEGER",
        ColumnKind.Int32 => "INTEGER",
        ColumnKind.Int64 => "BIGINT",
        ColumnKind.Decimal => "NUMERIC(12,2)",
        ColumnKind.Varchar => "VARCHAR(80)",
        ColumnKind.Text => "TEXT",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "DATETIME",
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Status => "VARCHAR(12)",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
    };
}
