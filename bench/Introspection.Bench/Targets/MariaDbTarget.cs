using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.Introspection.Bench.Plan;
using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Introspection.Bench.Targets;

internal sealed class MariaDbTarget(string serverConnectionString, string database) : BenchTarget
{
    public override string Name => "mariadb";

    public override DatabaseEngine Engine => DatabaseEngine.MySql;

    // InnoDB commits each CREATE TABLE on its own; smaller batches keep a round trip short.
    protected override int TablesPerBatch => 50;

    protected override bool IndexesForeignKeys => false;

    public override async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await DropDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await AdminAsync("CREATE DATABASE " + Quoting.Quote(database) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken).ConfigureAwait(false);
    }

    public override DbConnection NewConnection() =>
        new MySqlConnection(new MySqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false }.ConnectionString);

    public override Task DropDatabaseAsync(CancellationToken cancellationToken) =>
        AdminAsync("DROP DATABASE IF EXISTS " + Quoting.Quote(database), cancellationToken);

    public override ISchemaIntrospector Introspector { get; } = new MySqlSchemaIntrospector();

    protected override IdentifierQuoting Quoting => IdentifierQuoting.Backticks;

    protected override string TypeOf(PlannedColumn column) => column.Kind switch
    {
        ColumnKind.Int64 when column.Identity => "bigint AUTO_INCREMENT",
        ColumnKind.Int32 => "int",
        ColumnKind.Int64 => "bigint",
        ColumnKind.Decimal => "decimal(12,2)",
        ColumnKind.Varchar => "varchar(80)",
        ColumnKind.Text => "text",
        ColumnKind.Date => "date",
        ColumnKind.Timestamp => "datetime(6)",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Status => "varchar(12)",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
    };

    private async Task AdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
