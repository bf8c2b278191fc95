using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// Fits the joint model the options ask for on a table's transformed reservoir. With several
/// candidates (<c>--model auto</c>, <c>--trials N</c>) a seeded fifth of the rows is held out, each
/// candidate is fitted on the rest and scored on it (<see cref="HeldOutScore"/>), and the best is fitted
/// again on every row and keeps the record of the choice (<see cref="JointModel.Selection"/>).
/// </summary>
internal static class JointModelFitter
{
    /// <summary>Share of the reservoir held out to compare candidates.</summary>
    public const double HeldOutShare = 0.2;

    /// <summary>Fewest reservoir rows for a comparison; below it the first candidate is kept unscored.</summary>
    public const int MinRowsToCompare = 50;

    public static JointModel Fit(JointTrainingData data, SynthesisOptions options, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = JointCandidate.For(options.Model, options.Trials);
        if (candidates.Count == 1) return candidates[0].Fit(data, options, random);

        var n = data.Rows.Count;
        if (n < MinRowsToCompare)
        {
            var only = candidates[0].Fit(data, options, random.Fork());
            only.Selection = new JointSelection(candidates[0].Label, 0, []);
            return only;
        }

        var (train, heldOut) = Split(data, random);
        var heldOutSpace = TreeSpace.From(heldOut);
        var scoreSeed = random.NextULong();
        var scores = new List<CandidateScore>(candidates.Count);
        var best = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            var model = candidates[c].Fit(train, options, random.Fork());
            model.Prepare(data.Dimensions);
            // Every candidate is scored with the same random stream, so they differ by their model alone.
            scores.Add(HeldOutScore.Score(candidates[c].Label, model, heldOutSpace, data.ValueOf, new Xoshiro256(scoreSeed)));
            if (scores[c].Quality > scores[best].Quality) best = c;
        }

        var chosen = candidates[best].Fit(data, options, random.Fork());
        chosen.Selection = new JointSelection(candidates[best].Label, heldOut.Rows.Count, scores);
        return chosen;
    }

    /// <summary>A seeded split of the rows into fitting and held-out parts.</summary>
    private static (JointTrainingData Train, JointTrainingData HeldOut) Split(JointTrainingData data, Xoshiro256 random)
    {
        var n = data.Rows.Count;
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var held = Math.Max(1, (int)Math.Round(n * HeldOutShare));
        return (Subset(data, order[held..]), Subset(data, order[..held]));
    }

    private static JointTrainingData Subset(JointTrainingData data, int[] rows) =>
        new(data.Dimensions, rows.Select(r => data.Rows[r]).ToArray(), rows.Select(r => data.NormalScores[r]).ToArray(), data.ValueOf);
}
