using System.Diagnostics;
using Sdv.Connector.Connections;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Csv;

/// <summary>
/// A CSV folder as a target: one file per table (header row, <see cref="CsvWriter"/>'s format),
/// written parent-first from the sampler. Each file is written under a temporary name and every file
/// is renamed to its own name only once all are complete (keys that close a cycle filled in first),
/// so a failed or cancelled run leaves no half-written table behind. A folder that already holds
/// .csv files is refused unless replace is asked; then those files are replaced, and .csv files of
/// tables the clone does not have are removed, so that the folder holds exactly the clone.
/// </summary>
internal static class CsvTargetWriter
{
    public static Task<SampleStep.Result> WriteAsync(DatabaseModel model, DatabaseEndpoint target, long seed, ScaleOptions scale, bool replace, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(progress);
        var folder = target.Path ?? throw new ArgumentException("A CSV endpoint has a folder path.", nameof(target));
        var existing = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (existing.Count > 0 && !replace)
        {
            throw new FailureException(FailureKind.Refused,
                $"The target {target.Redacted} already holds {existing.Count} .csv file(s) ({string.Join(", ", existing.Take(5).Select(Path.GetFileName))}{(existing.Count > 5 ? ", ..." : string.Empty)}); nothing was written. Give --replace to replace them, or choose an empty folder.");
        }
        Directory.CreateDirectory(folder);

        var names = FileNames(model.Schema);
        var temporary = new Dictionary<QualifiedName, string>();
        var rowsWritten = new Dictionary<QualifiedName, long>();
        using var sampler = new DatabaseSampler(model, seed, scale);
        try
        {
            var number = 0;
            var expected = sampler.ExpectedRowsOf;
            progress.Phase(Phases.Sample, model.Plan.Tables.Count);
            foreach (var (table, rows) in sampler.Tables())
            {
                number++;
                var watch = Stopwatch.StartNew();
                var counter = progress.Table(Phases.Sample, table.Name, expected(table.Name), estimated: true);
                var path = Path.Combine(folder, $".{names[table.Name]}.{Guid.NewGuid():N}.tmp");
                temporary[table.Name] = path;
                long count = 0;
                using (var writer = CsvWriter.Create(path))
                {
                    writer.WriteRecord(table.Columns.Select(c => c.Name).ToList());
                    var fields = new string?[table.Columns.Count];
                    foreach (var row in rows)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        for (var i = 0; i < fields.Length; i++) fields[i] = CsvWriter.Format(row[i]);
                        writer.WriteRecord(fields);
                        count++;
                        counter.Add();
                    }
                }
                rowsWritten[table.Name] = count;
                progress.TableDone(Phases.Sample, number, model.Plan.Tables.Count, table.Name, count, watch.Elapsed);
            }

            foreach (var update in sampler.DeferredUpdates())
            {
                cancellationToken.ThrowIfCancellationRequested();
                temporary[update.Table] = Apply(temporary[update.Table], update);
            }

            if (replace)
            {
                foreach (var old in existing) File.Delete(old);
            }
            foreach (var (table, path) in temporary)
            {
                File.Move(path, Path.Combine(folder, names[table]), overwrite: true);
            }
            temporary.Clear();
        }
        finally
        {
            foreach (var path in temporary.Values) File.Delete(path);
        }
        return Task.FromResult(new SampleStep.Result(model.Schema, rowsWritten, [.. model.Warnings, .. sampler.Warnings]));
    }

    /// <summary>A table's file name: its name, schema-qualified only where two schemas share a name; characters a file name cannot hold become '_'.</summary>
    private static Dictionary<QualifiedName, string> FileNames(DatabaseSchema schema)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var shared = schema.Tables.GroupBy(t => t.Name.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return schema.Tables.ToDictionary(t => t.Name, t =>
        {
            var name = shared.Contains(t.Name.Name) && t.Name.Schema is not null ? $"{t.Name.Schema}.{t.Name.Name}" : t.Name.Name;
            return new string([.. name.Select(c => invalid.Contains(c) ? '_' : c)]) + ".csv";
        });
    }

    /// <summary>Rewrites a written file with the keys that close a cycle, matching rows on their primary key's text.</summary>
    private static string Apply(string path, DeferredUpdate update)
    {
        var values = update.Rows.ToDictionary(r => Key(r.Key.Select(CsvWriter.Format)), r => r.Value.Select(CsvWriter.Format).ToArray(), StringComparer.Ordinal);
        var next = path + ".next";
        using (var reader = new CsvReader(new StreamReader(path), CsvFormat.Default, path))
        using (var writer = CsvWriter.Create(next))
        {
            var header = reader.ReadRecord()!;
            var keys = update.KeyColumns.Select(c => Array.IndexOf(header, c)).ToArray();
            var targets = update.ForeignKey.Columns.Select(c => Array.IndexOf(header, c)).ToArray();
            writer.WriteRecord(header);
            while (reader.ReadRecord() is { } record)
            {
                if (values.TryGetValue(Key(keys.Select(k => record[k])), out var value))
                {
                    for (var i = 0; i < targets.Length; i++) record[targets[i]] = value[i];
                }
                writer.WriteRecord(record);
            }
        }
        File.Delete(path);
        return next;
    }

    private static string Key(IEnumerable<string?> parts) => string.Join('\u001F', parts.Select(p => p ?? "\u0000"));
}
