using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Joint;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Tests.Joint;

/// <summary>
/// A reservoir built directly in the transformed space: a context category (3 buckets), a category
/// that follows it, two continuous values linked nonlinearly (one with NULLs and its null indicator).
/// </summary>
internal static class TransformedData
{
    public static JointTrainingData Generate(int n, ulong seed)
    {
        var third = new[] { 1 / 3.0, 2 / 3.0, 1.0 };
        var dimensions = new List<JointDimension>
        {
            new("ctx", DimensionKind.Categorical, third, true),
            new("kind", DimensionKind.Categorical, [0.5, 0.8, 1.0], false),
            new("a", DimensionKind.Continuous, [], false),
            new("b", DimensionKind.Continuous, [], false),
            new("b", DimensionKind.Categorical, [0.25, 1.0], false),
        };
        var random = new Xoshiro256(seed);
        var rows = new double[n][];
        for (var r = 0; r < n; r++)
        {
            var ctx = random.NextInt(3);
            var kind = random.NextDouble() < 0.7 ? ctx : random.NextInt(3);
            var a = random.NextOpenDouble();
            var isNull = random.NextDouble() < (kind == 0 ? 0.5 : 0.1);
            var b = NormalScores.ToProbability((6 * Math.Abs(a - 0.5)) - 1.5 + (0.2 * random.NextNormal()));
            rows[r] =
            [
                dimensions[0].InsideBucket(ctx, random.NextOpenDouble()),
                dimensions[1].InsideBucket(kind, random.NextOpenDouble()),
                a,
                isNull ? double.NaN : b,
                dimensions[4].InsideBucket(isNull ? 0 : 1, random.NextOpenDouble()),
            ];
        }

        var scores = rows.Select(static row => row.Select(static u => double.IsNaN(u) ? double.NaN : NormalScores.FromProbability(u)).ToArray()).ToArray();
        return new JointTrainingData(dimensions, rows, scores);
    }
}
