using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Joint;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Bench;

/// <summary>
/// `joint [rows] [models]`: fits each joint model (copula, cart, arf) on a generated reservoir in the
/// transformed space (20 dimensions: 12 continuous, two of them with 20% NULLs and their null
/// indicators, 6 categorical of 2 to 100 buckets, linked through a latent chain) and prints the fit's
/// wall and CPU seconds, the model's JSON size, and the rows per second of unconditioned sampling.
/// </summary>
internal static class JointBench
{
    public static int Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var kinds = args.Length > 1 ? args[1].Split(',') : ["copula", "cart", "arf"];
        var data = Generate(n, 7);
        Console.WriteLine($"reservoir           {n:N0} rows x {data.Dimensions.Count} dimensions");
        foreach (var kind in kinds)
        {
            var model = kind switch
            {
                "copula" => ModelKind.Copula,
                "cart" => ModelKind.Cart,
                "arf" => ModelKind.Arf,
                "auto" => ModelKind.Auto,
                _ => throw new ArgumentException($"Unknown model {kind}; use copula, cart, arf or auto."),
            };
            var options = new SynthesisOptions { Model = model };
            // Warm-up on a small reservoir, so the JIT is not timed.
            JointModelFitter.Fit(Generate(2000, 1), options, new Xoshiro256(1));
            var cpu0 = Cpu();
            var watch = Stopwatch.StartNew();
            var fitted = JointModelFitter.Fit(data, options, new Xoshiro256(2));
            var fit = watch.Elapsed.TotalSeconds;
            var cpu = (Cpu() - cpu0).TotalSeconds;
            fitted.Prepare(data.Dimensions);
            var json = JsonSerializer.SerializeToUtf8Bytes(fitted, ModelFile.JsonOptions);
            var state = fitted.CreateState();
            var u = new double[data.Dimensions.Count];
            var isFixed = new bool[u.Length];
            var random = new Xoshiro256(3);
            double checksum = 0;
            var sampleCpu0 = Cpu();
            watch.Restart();
            for (var i = 0; i < n; i++)
            {
                Array.Fill(u, double.NaN);
                fitted.Sample(u, isFixed, random, state);
                checksum += u[0];
            }

            var sample = watch.Elapsed.TotalSeconds;
            var sampleCpu = (Cpu() - sampleCpu0).TotalSeconds;
            // Rows per CPU-second beside wall: on a shared machine the wall figure measures the neighbours.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-8} fit {fit,6:F2} s wall {cpu,6:F2} s cpu   model {json.Length / 1024.0,8:F1} KiB   sample {n / sample,10:N0} rows/s wall {n / sampleCpu,10:N0} rows/cpu-s  (checksum {checksum:F1})"));
            if (fitted is ArfJointModel arf) Console.WriteLine($"         adversarial rounds: accuracy {string.Join(" -> ", arf.Accuracy.Select(static a => a.ToString("F3", CultureInfo.InvariantCulture)))}, leaves per tree {arf.Trees.Average(static t => t.Coverage.Length):F0}");
            if (fitted.Selection is { } selection)
            {
                foreach (var candidate in selection.Candidates) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"         {candidate.Label,-40} quality {candidate.Quality:F4} (shapes {candidate.Shapes:F4}, trends {candidate.Trends:F4})"));
            }
        }

        return 0;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>A reservoir with known structure, built in the transformed space directly.</summary>
    public static JointTrainingData Generate(int n, ulong seed)
    {
        var buckets = new[] { 2, 3, 5, 10, 30, 100 };
        var dimensions = new List<JointDimension>();
        for (var i = 0; i < 12; i++)
        {
            dimensions.Add(new JointDimension("x" + i.ToString(CultureInfo.InvariantCulture), DimensionKind.Continuous, [], false));
            if (i is 3 or 8) dimensions.Add(new JointDimension("x" + i.ToString(CultureInfo.InvariantCulture), DimensionKind.Categorical, [0.2, 1.0], false));
        }

        foreach (var b in buckets)
        {
            // Zipf-like shares, most frequent first, as the categorical column models order them.
            var weights = Enumerable.Range(1, b).Select(static k => 1.0 / k).ToArray();
            var total = weights.Sum();
            double running = 0;
            var upper = weights.Select(w => running += w / total).ToArray();
            upper[^1] = 1.0;
            dimensions.Add(new JointDimension("c" + b.ToString(CultureInfo.InvariantCulture), DimensionKind.Categorical, upper, false));
        }

        var random = new Xoshiro256(seed);
        var rows = new double[n][];
        var scores = new double[n][];
        for (var r = 0; r < n; r++)
        {
            var u = new double[dimensions.Count];
            double latent = random.NextNormal();
            var d = 0;
            for (var i = 0; i < 12; i++)
            {
                latent = (0.8 * latent) + (0.6 * random.NextNormal());
                // Every third number is a nonlinear function of the chain.
                var value = i % 3 == 2 ? ((latent * latent) - 1) / Math.Sqrt(2) + (0.3 * random.NextNormal()) : latent;
                var p = NormalScores.ToProbability(value);
                if (i is 3 or 8)
                {
                    var isNull = random.NextDouble() < (latent > 0 ? 0.35 : 0.05);
                    u[d++] = isNull ? double.NaN : p;
                    u[d++] = isNull ? 0.2 * random.NextOpenDouble() : 0.2 + (0.8 * random.NextOpenDouble());
                }
                else
                {
                    u[d++] = p;
                }
            }

            foreach (var _ in buckets)
            {
                var dimension = dimensions[d];
                var bucket = dimension.BucketOf(NormalScores.ToProbability((0.7 * latent) + (0.7 * random.NextNormal())));
                u[d++] = dimension.InsideBucket(bucket, random.NextOpenDouble());
            }

            rows[r] = u;
            scores[r] = u.Select(static v => double.IsNaN(v) ? double.NaN : NormalScores.FromProbability(v)).ToArray();
        }

        return new JointTrainingData(dimensions, rows, scores);
    }
}
