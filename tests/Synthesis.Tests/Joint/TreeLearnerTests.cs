using Sdv.Connector.Synthesis.Joint;
using Sdv.Connector.Synthesis.Joint.Trees;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Joint;

public sealed class TreeLearnerTests
{
    private static readonly JointDimension Number = new("x", DimensionKind.Continuous, [], false);
    private static readonly JointDimension Four = new("c", DimensionKind.Categorical, [0.25, 0.5, 0.75, 1.0], false);

    private static (BinnedFeatures X, double[][] Rows) Binned(IReadOnlyList<JointDimension> dimensions, double[][] rows) =>
        (BinnedFeatures.Build(dimensions, rows, rows, 5), rows);

    [Fact]
    public void Finds_a_step_in_a_number_within_a_bin()
    {
        var random = new Xoshiro256(1);
        var rows = Enumerable.Range(0, 5000).Select(_ => new[] { random.NextOpenDouble() }).ToArray();
        var y = rows.Select(r => (r[0] < 0.3 ? 0.2 : 0.8) + (0.01 * random.NextNormal())).ToArray();
        var (x, _) = Binned([Number], rows);
        var grown = new TreeLearner(x, TreeTarget.Regression(y), new TreeOptions(MinLeaf: 50, MaxLeaves: 2)).Grow(Enumerable.Range(0, 5000).ToArray(), [0], random);
        Assert.Equal(2, grown.Tree.LeafCount);
        // 64 quantile bins of 5000 uniform values: a bin is about 1/64 wide.
        Assert.InRange(Quantized.ToDouble(grown.Tree.Split[0]), 0.3 - (1 / 64.0), 0.3 + (1 / 64.0));
        var left = grown.RowsOf(grown.Tree.Left[grown.Tree.Left[0]]).ToArray();
        Assert.InRange(left.Average(r => y[r]), 0.19, 0.25);
    }

    [Fact]
    public void Splits_categories_by_what_they_predict_not_by_their_order()
    {
        var random = new Xoshiro256(2);
        var rows = Enumerable.Range(0, 4000).Select(_ => new[] { Four.InsideBucket(random.NextInt(4), random.NextOpenDouble()) }).ToArray();
        // Buckets 0 and 2 are class 1, 1 and 3 class 0: no threshold on the bucket order separates them.
        var labels = rows.Select(r => Four.BucketOf(r[0]) % 2 == 0 ? 1 : 0).ToArray();
        var (x, _) = Binned([Four], rows);
        var grown = new TreeLearner(x, TreeTarget.Classification(labels, 2), new TreeOptions(MinLeaf: 10, MaxLeaves: 2)).Grow(Enumerable.Range(0, 4000).ToArray(), [0], random);
        var mask = (ulong)grown.Tree.Split[0];
        Assert.True(mask is 0b0101 or 0b1010, $"mask {mask:b}");
        for (var leaf = 0; leaf < 2; leaf++)
        {
            var members = grown.RowsOf(leaf).ToArray();
            Assert.Single(members.Select(r => labels[r]).Distinct());
        }
    }

    [Fact]
    public void Sends_missing_values_to_the_side_they_resemble()
    {
        var random = new Xoshiro256(3);
        var rows = new double[3000][];
        var y = new double[3000];
        for (var i = 0; i < rows.Length; i++)
        {
            var u = random.NextOpenDouble();
            var missing = i % 4 == 0;
            rows[i] = [missing ? double.NaN : u];
            // Missing rows behave like large values.
            y[i] = missing || u > 0.5 ? 1 : 0;
        }

        var (x, _) = Binned([Number], rows);
        var grown = new TreeLearner(x, TreeTarget.Regression(y), new TreeOptions(MinLeaf: 20, MaxLeaves: 2)).Grow(Enumerable.Range(0, 3000).ToArray(), [0], random);
        grown.Tree.Bind([Number]);
        Assert.Equal(grown.Tree.LeafOf([0.9]), grown.Tree.LeafOf([double.NaN]));
        Assert.NotEqual(grown.Tree.LeafOf([0.1]), grown.Tree.LeafOf([double.NaN]));
    }

    [Fact]
    public void Keeps_to_its_leaf_limits_and_is_deterministic_for_a_seed()
    {
        var data = TransformedData.Generate(4000, 5);
        var space = TreeSpace.From(data);
        var x = BinnedFeatures.Build(data.Dimensions, space.Rows, space.Rows, 5);
        var y = space.Rows.Select(static r => r[2]).ToArray();
        var options = new TreeOptions(MinLeaf: 30, MaxLeaves: 40, MaxFeatures: 2);
        GrownTree Grow(ulong seed) => new TreeLearner(x, TreeTarget.Regression(y), options).Grow(Enumerable.Range(0, 4000).ToArray(), [0, 1, 3, 4], new Xoshiro256(seed));
        var grown = Grow(7);
        Assert.InRange(grown.Tree.LeafCount, 20, 40);
        for (var leaf = 0; leaf < grown.Tree.LeafCount; leaf++) Assert.True(grown.RowsOf(leaf).Length >= 30);
        var again = Grow(7);
        Assert.Equal(grown.Tree.Feature, again.Tree.Feature);
        Assert.Equal(grown.Tree.Split, again.Tree.Split);
        Assert.Equal(grown.Rows, again.Rows);
    }

    [Fact]
    public void Does_not_split_on_chance_when_splits_must_be_significant()
    {
        var random = new Xoshiro256(4);
        var dimensions = Enumerable.Range(0, 8).Select(static i => new JointDimension("x" + i, DimensionKind.Continuous, [], false)).ToList();
        var rows = Enumerable.Range(0, 3000).Select(_ => dimensions.Select(_ => random.NextOpenDouble()).ToArray()).ToArray();
        // A coin independent of every feature: each split the tree makes is noise.
        var labels = rows.Select(_ => random.NextInt(2)).ToArray();
        var x = BinnedFeatures.Build(dimensions, rows, rows, 5);
        int Leaves(double significance) => new TreeLearner(x, TreeTarget.Classification(labels, 2), new TreeOptions(MinLeaf: 10, MaxLeaves: 256, MinImpurityDecrease: 1e-4, MinSignificance: significance))
            .Grow(Enumerable.Range(0, 3000).ToArray(), Enumerable.Range(0, 8).ToArray(), random).Tree.LeafCount;
        Assert.True(Leaves(0) > 50, $"{Leaves(0)} leaves without the test");
        Assert.InRange(Leaves(10), 1, 3);

        // A real step is still found.
        var step = rows.Select(static r => r[3] < 0.4 ? 1 : 0).ToArray();
        var grown = new TreeLearner(x, TreeTarget.Classification(step, 2), new TreeOptions(MinLeaf: 10, MaxLeaves: 256, MinSignificance: 10)).Grow(Enumerable.Range(0, 3000).ToArray(), Enumerable.Range(0, 8).ToArray(), random);
        Assert.Equal(3, grown.Tree.Feature[0]);
    }
}
