using System.Data.Common;
using Microsoft.Data.SqlClient;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>
/// Loads a table with SqlBulkCopy, streamed from a <see cref="RowDataReader"/> (EnableStreaming,
/// one batch), inside a transaction committed after the last row. KeepIdentity writes the
/// generated keys as given; TableLock takes the bulk-update lock (minimal logging where the
/// recovery model allows); CheckConstraints makes the server check CHECK constraints during the
/// load, so they stay trusted. Generated (computed) columns are left out.
/// </summary>
internal sealed class SqlServerBulkWriter : IBulkWriter
{
    private readonly SqlServerDialect _dialect;

    public SqlServerBulkWriter(SqlServerDialect dialect) => _dialect = dialect;

    public async Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var sql = (SqlConnection)connection;
        var columns = table.Columns.Select((c, i) => (Column: c, Ordinal: i)).Where(p => p.Column.GeneratedSql is null).ToList();
        var fields = columns.Select(p => new RowDataField(p.Column.Name, p.Ordinal, FieldType(p.Column))).ToList();

        await using var transaction = (SqlTransaction)await sql.BeginTransactionAsync(cancellationToken);
        long written;
        await using (var reader = new RowDataReader(rows, fields, ToSqlServerValue, cancellationToken))
        {
            using var bulk = new SqlBulkCopy(sql, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.CheckConstraints, transaction)
            {
                DestinationTableName = _dialect.Quote(table.Name),
                BulkCopyTimeout = 0,
                BatchSize = 0,
                EnableStreaming = true,
            };
            for (var i = 0; i < columns.Count; i++)
            {
                bulk.ColumnMappings.Add(i, columns[i].Column.Name);
            }
            await bulk.WriteToServerAsync(reader, cancellationToken);
            written = reader.RowsRead;
        }
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Canonical values to what SqlBulkCopy converts: DateOnly and TimeOnly as DateTime and TimeSpan.</summary>
    private static object ToSqlServerValue(object value) => RowDataReader.ToDriverValue(value);

    private static Type FieldType(ColumnSchema column)
    {
        var type = CanonicalValues.ClrType(column.LogicalType);
        if (type == typeof(DateOnly)) return typeof(DateTime);
        if (type == typeof(TimeOnly)) return typeof(TimeSpan);
        return type;
    }
}
