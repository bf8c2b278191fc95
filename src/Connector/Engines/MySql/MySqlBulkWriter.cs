using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// Loads a table with MySqlBulkCopy (LOAD DATA LOCAL INFILE; the connection string needs
/// AllowLoadLocalInfile=true, which <see cref="MySqlAdapter.CreateConnection"/> sets), fed row by row
/// by a <see cref="RowDataReader"/>, inside a transaction committed only after the last row.
/// LOAD DATA LOCAL turns errors into warnings (a duplicate key skips the row, a bad value is
/// truncated), so any warning, or fewer rows inserted than sent, fails the load and rolls it back.
/// Generated columns are left out; BIT, binary and spatial columns go through a user variable and
/// an expression, because LOAD DATA reads every field as text. A table with a YEAR column, which
/// MySqlBulkCopy refuses, is loaded with multi-row INSERTs in the same transaction, bits and geometries through the
/// same expressions.
/// </summary>
internal sealed class MySqlBulkWriter : IBulkWriter
{
    private const int InsertBatchRows = 500;
    private readonly MySqlDialect _dialect;

    public MySqlBulkWriter(MySqlDialect dialect) => _dialect = dialect;

    public async Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var mysql = (MySqlConnection)connection;
        var source = SchemaMapper.SourceEngineOf(table);
        var columns = table.Columns.Select((c, i) => (Column: c, Ordinal: i)).Where(p => p.Column.GeneratedSql is null).ToList();
        var fields = columns.Select(p => new RowDataField(p.Column.Name, p.Ordinal, FieldType(p.Column))).ToList();

        // A key of 0 (Magento's admin store, a "none" row) is a value to keep, not a request for the next AUTO_INCREMENT.
        await using (var mode = mysql.CreateCommand())
        {
            mode.CommandText = "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')";
            await mode.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await mysql.BeginTransactionAsync(cancellationToken);
        long written;
        await using (var reader = new RowDataReader(rows, fields, ToMySqlValue, cancellationToken))
        {
            var targetTypes = columns.Select(p => MySqlTypeMapper.MapType(p.Column, source, indexed: false).ToLowerInvariant()).ToList();
            written = targetTypes.Any(t => t.StartsWith("year", StringComparison.Ordinal))
                ? await InsertAsync(mysql, transaction, table, columns.Select(p => p.Column).ToList(), targetTypes, reader, cancellationToken)
                : await BulkCopyAsync(mysql, transaction, table, columns.Select(p => p.Column).ToList(), targetTypes, reader, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private async Task<long> BulkCopyAsync(MySqlConnection connection, MySqlTransaction transaction, TableSchema table,
        IReadOnlyList<ColumnSchema> columns, IReadOnlyList<string> targetTypes, RowDataReader reader, CancellationToken cancellationToken)
    {
        var bulk = new MySqlBulkCopy(connection, transaction)
        {
            DestinationTableName = _dialect.Quote(table.Name),
            BulkCopyTimeout = 0,
        };
        for (var i = 0; i < columns.Count; i++)
        {
            // A quoted user variable: MySqlConnector does not take it for a command parameter.
            var variable = "@`sdv_v" + i.ToString(CultureInfo.InvariantCulture) + "`";
            var target = _dialect.Quote(columns[i].Name);
            var type = targetTypes[i];
            // MySqlBulkCopy quotes a plain destination column itself; an expression names it quoted.
            bulk.ColumnMappings.Add(type switch
            {
                _ when type.StartsWith("bit", StringComparison.Ordinal) && columns[i].LogicalType == LogicalType.Bit =>
                    new MySqlBulkCopyColumnMapping(i, variable, $"{target} = CAST(CONV({variable}, 2, 10) AS UNSIGNED)"),
                _ when type.StartsWith("bit", StringComparison.Ordinal) =>
                    new MySqlBulkCopyColumnMapping(i, variable, $"{target} = CAST({variable} AS UNSIGNED)"),
                _ when IsBinary(type) => new MySqlBulkCopyColumnMapping(i, variable, $"{target} = UNHEX({variable})"),
                _ when columns[i].LogicalType == LogicalType.Spatial && !IsText(type) =>
                    new MySqlBulkCopyColumnMapping(i, variable, $"{target} = {GeometryFromEwkt(variable)}"),
                _ => new MySqlBulkCopyColumnMapping(i, columns[i].Name),
            });
        }
        var result = await bulk.WriteToServerAsync(reader, cancellationToken);
        var warnings = result.Warnings.Where(w => !IsGeneratedColumnNote(table, w)).ToList();
        if (warnings.Count > 0)
        {
            var first = warnings[0].Message;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{first} ({warnings.Count} warning(s) in all; the load was rolled back)"));
        }
        if (result.RowsInserted != reader.RowsRead)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{reader.RowsRead} rows were sent to {table.Name} but {result.RowsInserted} were inserted; the load was rolled back."));
        }
        return result.RowsInserted;
    }

    /// <summary>
    /// A note that the server rounded the value it computed for a generated column (a stored DECIMAL quotient carries
    /// more digits than the column keeps): an INSERT accepts it in strict mode, and it is about no value we sent, so it
    /// does not fail the load. Warnings, and notes on the columns we load, still do.
    /// </summary>
    private static bool IsGeneratedColumnNote(TableSchema table, MySqlError warning) =>
        string.Equals(warning.Level, "Note", StringComparison.OrdinalIgnoreCase)
        && table.Columns.Any(c => c.GeneratedSql is not null && warning.Message.Contains($"column '{c.Name}'", StringComparison.Ordinal));

    private async Task<long> InsertAsync(MySqlConnection connection, MySqlTransaction transaction, TableSchema table,
        IReadOnlyList<ColumnSchema> columns, IReadOnlyList<string> targetTypes, RowDataReader reader, CancellationToken cancellationToken)
    {
        var head = $"INSERT INTO {_dialect.Quote(table.Name)} ({string.Join(", ", columns.Select(c => _dialect.Quote(c.Name)))}) VALUES ";
        long total = 0;
        var batch = new List<object[]>(InsertBatchRows);
        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            await using var command = new MySqlCommand { Connection = connection, Transaction = transaction, CommandTimeout = 0 };
            var text = new System.Text.StringBuilder(head);
            for (var r = 0; r < batch.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    text.Append(c == 0 ? "" : ", ").Append(InsertValue(columns[c], targetTypes[c], name));
                    command.Parameters.AddWithValue(name, batch[r][c]);
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            total += await command.ExecuteNonQueryAsync(cancellationToken);
            batch.Clear();
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[columns.Count];
            reader.GetValues(values);
            batch.Add(values);
            if (batch.Count == InsertBatchRows) await FlushAsync();
        }
        await FlushAsync();
        return total;
    }

    /// <summary>
    /// A parameter of a multi-row INSERT as its column takes it: bits and geometries are text in canonical form ("00101",
    /// EWKT), which the column does not read as it is (a BIT(5) took "00101" for five bytes: "Data too long"), so they go
    /// through the expressions LOAD DATA uses. Binary values are bound as bytes and need no UNHEX.
    /// </summary>
    private static string InsertValue(ColumnSchema column, string type, string parameter) => type switch
    {
        _ when type.StartsWith("bit", StringComparison.Ordinal) && column.LogicalType == LogicalType.Bit => $"CAST(CONV({parameter}, 2, 10) AS UNSIGNED)",
        _ when type.StartsWith("bit", StringComparison.Ordinal) => $"CAST({parameter} AS UNSIGNED)",
        _ when column.LogicalType == LogicalType.Spatial && !IsText(type) => GeometryFromEwkt(parameter),
        _ => parameter,
    };

    /// <summary>A geometry from its canonical EWKT ("SRID=4326;POINT(1 2)", or plain WKT): the SRID prefix becomes ST_GeomFromText's second argument.</summary>
    private static string GeometryFromEwkt(string v) =>
        $"ST_GeomFromText(IF({v} LIKE 'SRID=%', SUBSTRING({v}, LOCATE(';', {v}) + 1), {v}), IF({v} LIKE 'SRID=%', CAST(SUBSTRING({v}, 6, LOCATE(';', {v}) - 6) AS UNSIGNED), 0))";

    private static bool IsBinary(string type) =>
        type.StartsWith("binary", StringComparison.Ordinal) || type.StartsWith("varbinary", StringComparison.Ordinal)
        || type.EndsWith("blob", StringComparison.Ordinal);

    private static bool IsText(string type) =>
        type.Contains("char", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal);

    /// <summary>Canonical values to what LOAD DATA reads: Guid as its 36-character text, DateTimeOffset as its UTC instant.</summary>
    private static object ToMySqlValue(object value) => value switch
    {
        Guid g => g.ToString("D", CultureInfo.InvariantCulture),
        // Unspecified: MySqlBulkCopy writes a UTC DateTime with a 'Z' that a DATETIME column refuses as truncated.
        DateTimeOffset dto => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
        _ => RowDataReader.ToDriverValue(value),
    };

    private static Type FieldType(ColumnSchema column)
    {
        var type = CanonicalValues.ClrType(column.LogicalType);
        if (type == typeof(DateOnly) || type == typeof(DateTimeOffset)) return typeof(DateTime);
        if (type == typeof(TimeOnly)) return typeof(TimeSpan);
        if (type == typeof(Guid)) return typeof(string);
        return type;
    }
}
