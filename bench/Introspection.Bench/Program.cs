using System.Diagnostics;
using System.Globalization;
using Sdv.Connector.Introspection.Bench.Plan;
using Sdv.Connector.Introspection.Bench.Targets;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Metadata;

// Introspection at scale: generates N tables (default 500) in PostgreSQL, MariaDB and SQLite,
// each in a database of its own (dropped at the end), and times open + IntrospectAsync +
// SdTypeInference.Apply + ForeignKeyGraph.Build, `--runs` times per engine (default 3).
// The first run of each engine includes JIT warm-up, as a command-line run would.
// Usage: dotnet run -c Release --project bench/Introspection.Bench -- [--tables 500] [--runs 3] [--engines postgresql,mariadb,sqlite]
const double aimSeconds = 5.0;
var tables = 500;
var runs = 3;
var engines = new[] { "postgresql", "mariadb", "sqlite" };
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--tables": tables = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--engines": engines = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--tables N] [--runs N] [--engines postgresql,mariadb,sqlite]");
            return 2;
    }
}

var postgres = Environment.GetEnvironmentVariable("SDV_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=54329;Username=sdv;Password=sdv;Database=postgres";
var mariadb = Environment.GetEnvironmentVariable("SDV_TEST_MARIADB") ?? "Server=127.0.0.1;Port=33069;User ID=sdv;Password=sdv";
var database = "sdv_bench_introspect_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
var plan = SchemaPlan.Generate(tables, seed: 20240501);
var plannedColumns = plan.Sum(t => t.Columns.Count);
var plannedKeys = plan.Sum(t => t.ForeignKeys.Count);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"schema: {tables} tables, {plannedColumns} columns, {plannedKeys} foreign keys ({plan.Count(t => t.ForeignKeys.Any(k => k.ParentTable == t.Name))} self-references), {plan.Count(t => t.PrimaryKey.Count > 1)} composite primary keys; {runs} runs per engine"));
Console.WriteLine("engine      create_s  runs (total s)              median_s  introspect_s  infer+graph_s  aim<5s");

var failed = false;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var token = cancellation.Token;
foreach (var engine in engines)
{
    BenchTarget target = engine switch
    {
        "postgresql" => new PostgreSqlTarget(postgres, database),
        "mariadb" => new MariaDbTarget(mariadb, database),
        "sqlite" => new SqliteTarget(Path.Combine(Path.GetTempPath(), database + ".db")),
        _ => throw new ArgumentException($"Unknown engine {engine}; use postgresql, mariadb or sqlite."),
    };
    var create = Stopwatch.StartNew();
    try
    {
        await target.CreateDatabaseAsync(token).ConfigureAwait(false);
        await target.CreateTablesAsync(plan, token).ConfigureAwait(false);
    }
    catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or System.Net.Sockets.SocketException)
    {
        Console.WriteLine($"{target.Name,-11} skipped: {e.Message}");
        continue;
    }
    create.Stop();

    try
    {
        var totals = new List<double>();
        var reads = new List<double>();
        var infers = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var connection = target.NewConnection();
            await connection.OpenAsync(token).ConfigureAwait(false);
            var schema = await target.Introspector.IntrospectAsync(connection, IntrospectionOptions.Default, token).ConfigureAwait(false);
            var read = clock.Elapsed.TotalSeconds;
            schema = SdTypeInference.Apply(schema);
            var graph = ForeignKeyGraph.Build(schema);
            var total = clock.Elapsed.TotalSeconds;
            totals.Add(total);
            reads.Add(read);
            infers.Add(total - read);

            // The figures mean nothing unless introspection read back what was created.
            var columns = schema.Tables.Sum(t => t.Columns.Count);
            var keys = schema.ForeignKeys.Count();
            if (schema.Tables.Count != tables || columns != plannedColumns || keys != plannedKeys || graph.ParentFirstOrder.Count != tables)
            {
                Console.WriteLine($"{target.Name}: read back {schema.Tables.Count} tables, {columns} columns, {keys} foreign keys, graph order of {graph.ParentFirstOrder.Count}; expected {tables}, {plannedColumns}, {plannedKeys}, {tables}");
                failed = true;
            }
        }
        var median = Median(totals);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target.Name,-11} {create.Elapsed.TotalSeconds,8:F2}  {string.Join(" ", totals.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))),-26}  {median,8:F3}  {Median(reads),12:F3}  {Median(infers),13:F3}  {(median < aimSeconds ? "met" : "MISSED")}"));
    }
    finally
    {
        await target.DropDatabaseAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
return failed ? 1 : 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
