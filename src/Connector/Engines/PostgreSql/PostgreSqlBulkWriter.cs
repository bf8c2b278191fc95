using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// Loads a table with one COPY statement, which is atomic: nothing is visible until it completes, and a
/// failure leaves the table as it was. Binary COPY (BeginBinaryImport ... Complete) is the path; the
/// Npgsql type of each column comes from the target's own catalog (a domain writes as its base type,
/// an enum as its label with <see cref="NpgsqlDbType.Unknown"/>, json/jsonb/xml as text), so the writer
/// does not depend on how the schema was described. A table with a column whose binary form is not
/// text-like (arrays, ranges, inet, geometry, bit, extension types) goes through text COPY instead,
/// where PostgreSQL parses every value's text form. Generated columns are skipped.
/// </summary>
internal sealed class PostgreSqlBulkWriter : IBulkWriter
{
    private const string ColumnsSql = """
        SELECT a.attname::text, a.attgenerated <> '', t.typtype::text, bt.typname::text, bt.typtype::text, bn.nspname::text, bt.typcategory = 'A',
          (SELECT array_agg(ea.attname::text ORDER BY ea.attnum)
           FROM pg_type et JOIN pg_attribute ea ON ea.attrelid = et.typrelid AND ea.attnum > 0 AND NOT ea.attisdropped
           WHERE et.oid = bt.typelem AND et.typtype = 'c' AND bt.typcategory = 'A')
        FROM pg_attribute a
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
        JOIN pg_namespace bn ON bn.oid = bt.typnamespace
        WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    public async Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var npgsql = connection as NpgsqlConnection
            ?? throw new ArgumentException($"The PostgreSQL bulk writer needs an NpgsqlConnection, not {connection?.GetType().Name}.", nameof(connection));
        var columns = await PlanAsync(npgsql, table, cancellationToken);
        var d = PostgreSqlDialect.Instance;
        var copy = $"COPY {d.Quote(table.Name)} ({string.Join(", ", columns.Select(c => d.Quote(c.Name)))}) FROM STDIN";
        return columns.All(c => c.BinaryType is not null)
            ? await WriteBinaryAsync(npgsql, copy + " (FORMAT BINARY)", columns, rows, cancellationToken)
            : await WriteTextAsync(npgsql, copy, columns, rows, cancellationToken);
    }

    private static async Task<IReadOnlyList<PostgreSqlCopyColumn>> PlanAsync(NpgsqlConnection connection, TableSchema table, CancellationToken cancellationToken)
    {
        var catalog = new Dictionary<string, (bool Generated, NpgsqlDbType? Type, bool IsArray, string[]? ElementAttributes)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(ColumnsSql, connection))
        {
            command.Parameters.AddWithValue("table", PostgreSqlDialect.Instance.Quote(table.Name));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var type = reader.GetString(2) == "e" || reader.GetString(4) == "e" ? NpgsqlDbType.Unknown
                    : reader.GetString(5) == "pg_catalog" ? BinaryType(reader.GetString(3)) : null;
                catalog[reader.GetString(0)] = (reader.GetBoolean(1), type, reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<string[]>(7));
            }
        }
        var plan = new List<PostgreSqlCopyColumn>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (!catalog.TryGetValue(column.Name, out var target))
                throw new InvalidOperationException($"Table {table.Name} has no column {column.Name} in the target database; create the schema with the same metadata before loading.");
            if (target.Generated || column.GeneratedSql is not null) continue;
            plan.Add(new PostgreSqlCopyColumn(column.Name, i, target.Type) { IsArray = target.IsArray, ElementAttributes = target.ElementAttributes });
        }
        return plan;
    }

    /// <summary>Built-in types whose binary form Npgsql writes from a canonical value; null for the rest.</summary>
    private static NpgsqlDbType? BinaryType(string typeName) => typeName switch
    {
        "bool" => NpgsqlDbType.Boolean,
        "int2" => NpgsqlDbType.Smallint,
        "int4" => NpgsqlDbType.Integer,
        "int8" => NpgsqlDbType.Bigint,
        "numeric" => NpgsqlDbType.Numeric,
        "money" => NpgsqlDbType.Money,
        "float4" => NpgsqlDbType.Real,
        "float8" => NpgsqlDbType.Double,
        "date" => NpgsqlDbType.Date,
        "time" => NpgsqlDbType.Time,
        "timetz" => NpgsqlDbType.TimeTz,
        "timestamp" => NpgsqlDbType.Timestamp,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "interval" => NpgsqlDbType.Interval,
        "uuid" => NpgsqlDbType.Uuid,
        "bytea" => NpgsqlDbType.Bytea,
        "text" or "varchar" or "bpchar" or "name" => NpgsqlDbType.Text,
        "json" => NpgsqlDbType.Json,
        "jsonb" => NpgsqlDbType.Jsonb,
        "xml" => NpgsqlDbType.Xml,
        _ => null,
    };

    private static async Task<long> WriteBinaryAsync(NpgsqlConnection connection, string copy, IReadOnlyList<PostgreSqlCopyColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // Disposing the importer without Complete aborts the COPY: a failed load writes nothing.
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        // Chosen once per column, not per cell: the column's position, its type, and the common
        // case (the canonical CLR type for that type) written without conversion.
        var indexes = columns.Select(c => c.RowIndex).ToArray();
        var types = columns.Select(c => c.BinaryType!.Value).ToArray();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < indexes.Length; i++)
            {
                var value = row[indexes[i]];
                var type = types[i];
                // Most writes complete without waiting (the buffer has room); only a flush awaits.
                var write = value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    long l when type == NpgsqlDbType.Bigint => importer.WriteAsync(l, type, cancellationToken),
                    string text when type == NpgsqlDbType.Text => importer.WriteAsync(WithoutNul(text), type, cancellationToken),
                    decimal m when type == NpgsqlDbType.Numeric => importer.WriteAsync(m, type, cancellationToken),
                    double d when type == NpgsqlDbType.Double => importer.WriteAsync(d, type, cancellationToken),
                    bool b when type == NpgsqlDbType.Boolean => importer.WriteAsync(b, type, cancellationToken),
                    _ => WriteValueAsync(importer, value, type, cancellationToken),
                };
                if (!write.IsCompletedSuccessfully) await write;
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null or DBNull) return importer.WriteNullAsync(ct);
        if (value is string s) value = WithoutNul(s);
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            NpgsqlDbType.Boolean => importer.WriteAsync(value is bool b ? b : Convert.ToInt64(value, inv) != 0, type, ct),
            NpgsqlDbType.Smallint => importer.WriteAsync(Convert.ToInt16(value, inv), type, ct),
            NpgsqlDbType.Integer => importer.WriteAsync(Convert.ToInt32(value, inv), type, ct),
            NpgsqlDbType.Bigint => importer.WriteAsync(Convert.ToInt64(value, inv), type, ct),
            NpgsqlDbType.Numeric or NpgsqlDbType.Money => importer.WriteAsync(Convert.ToDecimal(value, inv), type, ct),
            NpgsqlDbType.Real => importer.WriteAsync(Convert.ToSingle(value, inv), type, ct),
            NpgsqlDbType.Double => importer.WriteAsync(Convert.ToDouble(value, inv), type, ct),
            // Dates and timestamps go in PostgreSQL's raw form, so that no finite value is written as ±infinity (PostgreSqlRawTemporal).
            NpgsqlDbType.Date => importer.WriteAsync(PostgreSqlRawTemporal.Days(value switch
            {
                DateOnly date => date,
                DateTime dt => DateOnly.FromDateTime(dt),
                DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
                _ => DateOnly.Parse(Convert.ToString(value, inv)!, inv),
            }), type, ct),
            NpgsqlDbType.Time => importer.WriteAsync(value switch
            {
                TimeOnly t => t.ToTimeSpan(),
                TimeSpan ts => ts,
                _ => TimeOnly.Parse(Convert.ToString(value, inv)!, inv).ToTimeSpan(),
            }, type, ct),
            NpgsqlDbType.TimeTz => importer.WriteAsync(value switch
            {
                TimeOnly t => new DateTimeOffset(DateTime.MinValue.Add(t.ToTimeSpan()), TimeSpan.Zero),
                DateTimeOffset dto => dto,
                _ => new DateTimeOffset(DateTime.MinValue.Add(TimeOnly.Parse(Convert.ToString(value, inv)!, inv).ToTimeSpan()), TimeSpan.Zero),
            }, type, ct),
            NpgsqlDbType.Timestamp => importer.WriteAsync(PostgreSqlRawTemporal.Microseconds(value switch
            {
                DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
                DateTimeOffset dto => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                _ => DateTime.Parse(Convert.ToString(value, inv)!, inv),
            }), type, ct),
            NpgsqlDbType.TimestampTz => importer.WriteAsync(PostgreSqlRawTemporal.Microseconds(value switch
            {
                DateTimeOffset dto => dto.ToUniversalTime(),
                // A timestamp without zone going into timestamptz is taken as UTC, as the canonical values are.
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                _ => DateTimeOffset.Parse(Convert.ToString(value, inv)!, inv, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            }), type, ct),
            NpgsqlDbType.Interval => importer.WriteAsync(value is TimeSpan span ? span : TimeSpan.FromSeconds(Convert.ToDouble(value, inv)), type, ct),
            NpgsqlDbType.Uuid => importer.WriteAsync(value is Guid g ? g : Guid.Parse(Convert.ToString(value, inv)!, inv), type, ct),
            NpgsqlDbType.Bytea => importer.WriteAsync(value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(value, inv)!), type, ct),
            _ => importer.WriteAsync(TextOf(value), type, ct),
        };
    }

    private static async Task<long> WriteTextAsync(NpgsqlConnection connection, string copy, IReadOnlyList<PostgreSqlCopyColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var writer = (NpgsqlCopyTextWriter)await connection.BeginTextImportAsync(copy, cancellationToken);
        long count = 0;
        try
        {
            var line = new StringBuilder();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                line.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0) line.Append('\t');
                    var value = row[columns[i].RowIndex];
                    // Arrays travel as JSON arrays (the canonical form); COPY wants PostgreSQL's {...} literal,
                    // with an array of a composite type's objects as records of its attributes.
                    AppendCopyText(line, columns[i].IsArray && value is string json ? PostgreSqlArrayLiteral.FromJson(json, columns[i].ElementAttributes) : value);
                }
                line.Append('\n');
                await writer.WriteAsync(line, cancellationToken);
                count++;
            }
        }
        catch
        {
            // Cancel rather than dispose: disposing a text import commits what was sent.
            await writer.CancelAsync();
            await writer.DisposeAsync();
            throw;
        }
        await writer.DisposeAsync();
        return count;
    }

    /// <summary>A value in COPY's text format: PostgreSQL's input syntax, with backslash, tab and line breaks escaped, \N for null.</summary>
    private static void AppendCopyText(StringBuilder line, object? value)
    {
        if (value is null or DBNull)
        {
            line.Append("\\N");
            return;
        }
        var text = value is byte[] bytes ? "\\x" + Convert.ToHexString(bytes) : TextOf(value);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\': line.Append("\\\\"); break;
                case '\t': line.Append("\\t"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': line.Append("\\r"); break;
                default: line.Append(ch); break;
            }
        }
    }

    /// <summary>
    /// Text without its zero characters: PostgreSQL stores none in any text type ("invalid byte sequence for encoding UTF8:
    /// 0x00"), while SQLite and MariaDB do, so a value read from them would fail the whole load.
    /// </summary>
    internal static string WithoutNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    /// <summary>The text PostgreSQL's input functions read back as the same value.</summary>
    private static string TextOf(object value)
    {
        var inv = CultureInfo.InvariantCulture;
        return value switch
        {
            string s => WithoutNul(s),
            bool b => b ? "true" : "false",
            double.NaN => "NaN",
            double dbl when double.IsPositiveInfinity(dbl) => "Infinity",
            double dbl when double.IsNegativeInfinity(dbl) => "-Infinity",
            double dbl => dbl.ToString("R", inv),
            float f => f.ToString("R", inv),
            DateOnly date => date.ToString("yyyy-MM-dd", inv),
            TimeOnly time => time.ToString("HH:mm:ss.ffffff", inv),
            DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", inv),
            DateTimeOffset dto => dto.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", inv) + "+00",
            TimeSpan span => (span.Ticks / 10).ToString(inv) + " microseconds",
            Guid g => g.ToString("D", inv),
            IFormattable formattable => formattable.ToString(null, inv),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
