using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Spectre.Console;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// <see cref="TableLoader"/> with several tables in flight: one table's failure stops the others
/// promptly (they see the cancellation, none completes), and the failure itself,
/// not the cancellations it caused, is what the caller gets.
/// </summary>
public sealed class TableLoaderFailureTests(SqliteFixture fixture, SharedCloneSource<SqliteFixture> shared)
    : CloneSourceBinding<SqliteFixture>(fixture, shared)
{
    [SkippableFact]
    public async Task The_first_failure_stops_the_tables_in_flight_and_is_the_error_reported()
    {
        var source = await SourceAsync();
        var file = Path.Combine(Path.GetTempPath(), $"sdv-loader-{Guid.NewGuid():N}.sdvm");
        try
        {
            var fit = await CliRun.RunAsync("fit", "--source", DatabaseUrl.For(source), "--model", file, "--seed", "5");
            Assert.True(fit.ExitCode == 0, fit.ToString());
            var model = DatabaseModelFile.Load(file);
            using var sampler = new DatabaseSampler(model, 5, ScaleOptions.Whole);
            var order = model.Plan.Tables.Select(t => t.Table).ToList();
            var targets = model.Schema.Tables.ToDictionary(t => t.Name);
            // A root that other tables need: it starts at once and fails on its third row.
            var failing = order.First(t => sampler.Prerequisites(t).Count == 0 && order.Any(c => sampler.Prerequisites(c).Contains(t))).Name;
            var writer = new FailingWriter(failing);
            await using var connection = new SqliteConnection("Data Source=:memory:");
            // A slot for every table, so the ones that block cannot keep the failing one from starting.
            var options = new TableLoader.LoadOptions(order.Count, _ => Task.FromResult<DbConnection>(new SqliteConnection("Data Source=:memory:")));
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<TableLoadException>(() =>
                TableLoader.LoadAsync(new TableLoadRequest(sampler, order, targets, writer, connection), options, new RunProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), quiet: true), CancellationToken.None));
            // The planted failure, wrapped once in the exception that names the table it stopped.
            Assert.Equal(failing, e.Table?.Name);
            Assert.Equal($"loading {failing} failed: planted failure in {failing}", e.Message);
            var planted = Assert.IsType<InvalidOperationException>(e.InnerException);
            Assert.Equal($"planted failure in {failing}", planted.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
            // Every other table that had started (roots, and children whose parents were already fully
            // sampled ahead of the writer) stopped on the cancellation; none ran to its end.
            Assert.Contains(writer.Started, t => t != failing);
            Assert.Equal(writer.Started.Where(t => t != failing).Order(), writer.Cancelled.Order());
            Assert.Empty(writer.Completed);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Throws on one table at its third row; every other table reads one row and then waits until it is cancelled.</summary>
    private sealed class FailingWriter(string failing) : IBulkWriter
    {
        public List<string> Started { get; } = [];
        public List<string> Cancelled { get; } = [];
        public List<string> Completed { get; } = [];

        public async Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            lock (Started) Started.Add(table.Name.Name);
            long count = 0;
            try
            {
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    if (++count == 3 && table.Name.Name == failing) throw new InvalidOperationException($"planted failure in {failing}");
                    if (table.Name.Name != failing) await Task.Delay(Timeout.Infinite, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                lock (Started) Cancelled.Add(table.Name.Name);
                throw;
            }
            lock (Started) Completed.Add(table.Name.Name);
            return count;
        }
    }
}
