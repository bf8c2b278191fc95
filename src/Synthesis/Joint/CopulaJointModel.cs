using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>The Gaussian copula as a joint model: fixed u turned into normal scores, the free ones drawn conditionally.</summary>
internal sealed class CopulaJointModel : JointModel
{
    public GaussianCopula Copula { get; set; } = new();

    public override int Size => Copula.Dimensions;

    public static CopulaJointModel Fit(JointTrainingData data, double minEigenvalue) => new()
    {
        Copula = data.Dimensions.Count == 0
            ? new GaussianCopula { MinEigenvalue = minEigenvalue }
            : GaussianCopula.Fit([.. data.NormalScores], data.Dimensions.Count, minEigenvalue),
    };

    public override object? CreateState() => new State(Copula.Dimensions);

    public override void Sample(Span<double> u, ReadOnlySpan<bool> isFixed, Xoshiro256 random, object? state)
    {
        var d = Copula.Dimensions;
        if (d == 0) return;
        var s = (State)state!;
        var changed = s.Sampler is null;
        for (var i = 0; i < d; i++)
        {
            if (isFixed[i] != s.LastMask[i])
            {
                changed = true;
                s.LastMask[i] = isFixed[i];
            }
            s.Z[i] = isFixed[i] ? NormalScores.FromProbability(u[i]) : double.NaN;
        }

        if (changed)
        {
            var fixedDims = new List<int>();
            for (var i = 0; i < d; i++)
            {
                if (isFixed[i]) fixedDims.Add(i);
            }
            s.Sampler = Copula.Conditional([.. fixedDims]);
        }

        s.Sampler!.Sample(s.Z, random);
        for (var i = 0; i < d; i++)
        {
            if (!isFixed[i]) u[i] = NormalScores.ToProbability(s.Z[i]);
        }
    }

    private sealed class State(int dimensions)
    {
        public double[] Z { get; } = new double[dimensions];

        public bool[] LastMask { get; } = new bool[dimensions];

        public ConditionalNormal? Sampler { get; set; }
    }
}
