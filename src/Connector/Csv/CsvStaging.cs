using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.Failures;
using Sdv.Connector.SchemaIntrospection.Model;
using Spectre.Console;

namespace Sdv.Connector.Csv;

/// <summary>
/// A CSV folder as a source: its files are loaded into a temporary SQLite database, which the normal
/// SQLite path then reads (introspection, profiling, and the joins and counts the fit pushes down as
/// SQL). This is the simplest sound design: the fit's aggregations need a query engine, and rather
/// than re-implement joins and group-bys over files (holding keys in memory), SQLite does them on disk
/// with the same SQL every other source runs, so a CSV source is fitted exactly like a database.
/// The CSV files are only ever read; the temporary database lives in the temp folder and is deleted
/// when this is disposed. One file is one table (its name without .csv), the header row gives the
/// columns, the types come from <see cref="CsvTypeInference"/> over a bounded sample. The staged tables
/// declare no keys: primary keys and relationships come from the user's <c>--metadata</c> file, which
/// the introspection step applies to the staged schema as for any source without declared keys.
/// </summary>
internal sealed class CsvStaging : IAsyncDisposable
{
    /// <summary>Rows per file read to infer column types. Default: 100,000.</summary>
    public const int DefaultSampleRows = 100_000;

    private readonly string _databasePath;
    private readonly List<string> _warnings = [];

    private CsvStaging(string databasePath, DatabaseEndpoint endpoint)
    {
        _databasePath = databasePath;
        Endpoint = endpoint;
    }

    /// <summary>The staged SQLite database, shown and identified as the CSV folder it came from.</summary>
    public DatabaseEndpoint Endpoint { get; }

    /// <summary>Values that did not fit their column's inferred type (they were loaded as NULL).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Stages <paramref name="source"/> when it is a CSV folder; null (nothing to dispose) otherwise.</summary>
    public static async Task<CsvStaging?> IfCsvAsync(DatabaseEndpoint source, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(console);
        if (source.Kind != EndpointKind.CsvFolder) return null;
        var staging = await CreateAsync(source, DefaultSampleRows, cancellationToken);
        console.WriteLine($"staged {source.Redacted} in a temporary SQLite database");
        foreach (var warning in staging.Warnings) console.WriteLine($"warning: {warning}");
        return staging;
    }

    public static async Task<CsvStaging> CreateAsync(DatabaseEndpoint folder, int sampleRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRows, 1);
        var directory = folder.Path ?? throw new ArgumentException("A CSV endpoint has a folder path.", nameof(folder));
        if (!Directory.Exists(directory)) throw new UserInputException($"--source: the CSV folder {directory} does not exist.");
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new UserInputException($"--source: the folder {directory} holds no .csv files (one file per table, with a header row).");

        var path = Path.Combine(Path.GetTempPath(), $"sdv-csv-{Guid.NewGuid():N}.db");
        // No pooling: the file is deleted at the end, and a pooled handle would outlive the run.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        var staging = new CsvStaging(path, folder with
        {
            Kind = EndpointKind.Database,
            Engine = DatabaseEngine.Sqlite,
            ConnectionString = connectionString,
            Path = path,
        });
        try
        {
            var tables = new List<TableSchema>();
            foreach (var file in files)
            {
                tables.Add(Infer(file, sampleRows));
            }
            var duplicate = tables.GroupBy(t => t.Name.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new UserInputException($"--source: the folder holds {duplicate.Count()} files for table '{duplicate.Key}' (names differ only in case); keep one.");

            var adapter = new SqliteEngineAdapter();
            await using var connection = adapter.CreateConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await adapter.SchemaWriter.CreateTablesAsync(connection, new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = tables }, cancellationToken);
            for (var i = 0; i < files.Count; i++)
            {
                await adapter.BulkWriter.WriteAsync(connection, tables[i], staging.RowsAsync(files[i], tables[i], sampleRows, cancellationToken), cancellationToken);
            }
            return staging;
        }
        catch (CsvFormatException e)
        {
            await staging.DisposeAsync();
            throw new UserInputException($"--source: {e.Message}", e);
        }
        catch
        {
            await staging.DisposeAsync();
            throw;
        }
    }

    /// <summary>The table of one file: columns named by its header, typed from the first <paramref name="sampleRows"/> records.</summary>
    internal static TableSchema Infer(string file, int sampleRows)
    {
        using var reader = CsvReader.Open(file);
        var header = reader.ReadRecord() ?? throw new CsvFormatException($"{file}: the file is empty; it needs a header row naming the columns.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i])) throw new CsvFormatException($"{file}: line 1: column {i + 1} of the header has no name.");
            if (!names.Add(header[i]!)) throw new CsvFormatException($"{file}: line 1: the header names column '{header[i]}' twice.");
        }
        var inference = header.Select(_ => new CsvTypeInference()).ToArray();
        var rows = 0;
        var complete = true;
        while (true)
        {
            if (rows == sampleRows)
            {
                complete = reader.ReadRecord() is null;
                break;
            }
            var record = reader.ReadRecord();
            if (record is null) break;
            CheckWidth(file, reader, header.Length, record);
            for (var i = 0; i < record.Length; i++) inference[i].Observe(record[i]);
            rows++;
        }
        var columns = new List<ColumnSchema>();
        for (var i = 0; i < header.Length; i++)
        {
            var type = inference[i].Result();
            // The longest text is only known when the sample was the whole file.
            if (type.LogicalType == LogicalType.String && !complete) type = new CsvColumnType(LogicalType.Text);
            var column = new ColumnSchema
            {
                Name = header[i]!, Ordinal = i + 1, NativeType = "", LogicalType = type.LogicalType, IsNullable = true,
                Precision = type.Precision, Scale = type.Scale, MaxLength = type.MaxLength,
            };
            // The declared type the SQLite introspector reads back as the same logical type (SqliteTypeMapper's contract).
            columns.Add(column with { NativeType = SqliteTypeMapper.Instance.MapType(column, DatabaseEngine.PostgreSql) });
        }
        var name = Path.GetFileNameWithoutExtension(file);
        return new TableSchema { Name = new QualifiedName(null, name), Columns = columns };
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(string file, TableSchema table, int sampleRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = CsvReader.Open(file);
        reader.ReadRecord();
        var failures = new long[table.Columns.Count];
        var examples = new string?[table.Columns.Count];
        while (reader.ReadRecord() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckWidth(file, reader, table.Columns.Count, record);
            var row = new object?[record.Length];
            for (var i = 0; i < record.Length; i++)
            {
                if (record[i] is not { } text) continue;
                if (CsvTypeInference.TryParse(text, table.Columns[i].LogicalType, out var value))
                {
                    row[i] = value;
                }
                else
                {
                    failures[i]++;
                    examples[i] ??= text;
                }
            }
            yield return row;
        }
        for (var i = 0; i < failures.Length; i++)
        {
            if (failures[i] > 0)
            {
                _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}: column {table.Columns[i].Name} was typed {table.Columns[i].LogicalType} from its first {sampleRows} rows, but {failures[i]} later value(s) do not fit and were read as NULL (first: '{examples[i]}')."));
            }
        }
        await Task.CompletedTask;
    }

    private static void CheckWidth(string file, CsvReader reader, int width, string?[] record)
    {
        if (record.Length != width)
            throw new CsvFormatException($"{file}: line {reader.RecordLine}: {record.Length} field(s) where the header has {width}; quote a value that holds the delimiter '{reader.Format.Delimiter}'.");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // A file left in the temp folder must not turn a finished run into a failure.
            }
        }
        return ValueTask.CompletedTask;
    }
}
