using System.Diagnostics;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

// Fits and samples a 10-column mixed table of N rows (first argument, default 1 000 000).
// Rows are produced on the fly from a seeded generator (so memory measures the model, not the
// data); the floor is the time to merely enumerate the same rows.
if (args.Length > 0 && args[0] == "joint")
{
    Environment.ExitCode = Sdv.Connector.Bench.JointBench.Run(args[1..]);
    return;
}

var n = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;

var schema = new TableSchema
{
    Name = new QualifiedName("bench", "mixed"),
    Columns =
    [
        Col("id", LogicalType.Int64, false),
        Col("amount", LogicalType.Decimal, false) with { Precision = 12, Scale = 2 },
        Col("score", LogicalType.Float64, false),
        Col("quantity", LogicalType.Int32, false),
        Col("created", LogicalType.DateTime, false),
        Col("birthday", LogicalType.Date, true),
        Col("status", LogicalType.String, false) with { MaxLength = 10 },
        Col("region", LogicalType.String, false) with { MaxLength = 10 },
        Col("active", LogicalType.Boolean, false),
        Col("discount", LogicalType.Float64, true),
    ],
    PrimaryKey = new KeySchema("pk", ["id"]),
};

var statuses = new[] { "new", "paid", "shipped", "closed", "void" };
var regions = Enumerable.Range(0, 30).Select(static i => "r" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
var boxedStatuses = statuses.Cast<object>().ToArray();
var boxedRegions = regions.Cast<object>().ToArray();
var boxedBools = new object[] { false, true };

async IAsyncEnumerable<object?[]> Rows()
{
    var state = 0x1234_5678_9ABC_DEF0UL;
    var row = new object?[10];
    var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    for (long i = 0; i < n; i++)
    {
        var a = Next(ref state);
        var b = Next(ref state);
        var g = Gauss(a, b);
        row[0] = i + 1;
        row[1] = Math.Round((decimal)Math.Exp(3 + (0.7 * g)), 2);
        row[2] = 50 + (10 * g) + (5 * Gauss(b, a));
        row[3] = (long)(a >> 60);
        row[4] = start.AddSeconds((long)(b >> 40));
        row[5] = (a & 7) == 0 ? null : new DateOnly(1950, 1, 1).AddDays((int)(b % 20000));
        row[6] = boxedStatuses[(int)((a >> 20) % 5)];
        row[7] = boxedRegions[(int)((b >> 20) % 30)];
        row[8] = boxedBools[(int)(a & 1)];
        row[9] = (b & 3) == 0 ? null : (double)(a % 1000) / 1000;
        yield return row;
    }

    await Task.CompletedTask;
}

// Warm up the JIT on a small run so it does not count against the first measurement.
var warm = n;
n = Math.Min(n, 50_000);
await TableSynthesizer.FitAsync(schema, Rows(), SynthesisOptions.Default, CancellationToken.None);
n = warm;

var process = Process.GetCurrentProcess();
TimeSpan Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime;
}

var sw = Stopwatch.StartNew();
var cpu0 = Cpu();
long count = 0;
await foreach (var row in Rows())
{
    count += row.Length;
}

var enumerate = sw.Elapsed.TotalSeconds;
var cpu1 = Cpu();
sw.Restart();
var model = await TableSynthesizer.FitAsync(schema, Rows(), SynthesisOptions.Default, CancellationToken.None);
var fit = sw.Elapsed.TotalSeconds;
var cpu2 = Cpu();

sw.Restart();
long sampled = 0;
foreach (var row in model.Sample(n, new SamplingContext(1)))
{
    sampled += row.Length;
}

var sample = sw.Elapsed.TotalSeconds;
var cpu3 = Cpu();
using var file = new MemoryStream();
ModelFile.Save(model, file);

Console.WriteLine($"rows                {n:N0} x 10 columns (checksum {count + sampled})");
// CPU seconds are printed beside wall time because the machine may be shared.
Console.WriteLine($"enumerate only      {enumerate:F2} s wall, {(cpu1 - cpu0).TotalSeconds:F2} s cpu  {n / enumerate:N0} rows/s");
Console.WriteLine($"fit                 {fit:F2} s wall, {(cpu2 - cpu1).TotalSeconds:F2} s cpu  {n / fit:N0} rows/s  (fit / enumerate = {fit / enumerate:F1}x wall)");
Console.WriteLine($"sample              {sample:F2} s wall, {(cpu3 - cpu2).TotalSeconds:F2} s cpu  {n / sample:N0} rows/s");
Console.WriteLine($"model file          {file.Length / 1024.0:F1} KiB");
Console.WriteLine($"peak working set    {Environment.ProcessorCount} cpus, {PeakMiB():F0} MiB (VmHWM)");

static double PeakMiB()
{
    try
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
    }
    catch (IOException)
    {
    }

    return Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
}

static ColumnSchema Col(string name, LogicalType type, bool nullable) =>
    new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

static ulong Next(ref ulong state) => Xoshiro256.SplitMix64(ref state);

static double Gauss(ulong a, ulong b)
{
    var u = ((a >> 11) + 0.5) / (1UL << 53);
    var v = (b >> 11) / (double)(1UL << 53);
    return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
}
