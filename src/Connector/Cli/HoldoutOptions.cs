using System.CommandLine;
using System.Globalization;
using Sdv.Connector.Failures;
using Sdv.Connector.Synthesis.Evaluation.Privacy;

namespace Sdv.Connector.Cli;

/// <summary>
/// <c>--holdout F [--holdout-seed N]</c> on fit, clone and evaluate: the share of each table's real rows left out of
/// the fit, chosen by a seeded hash of each row's key, so that evaluate, given the same two values, finds the same
/// rows again and measures distance to closest record and machine-learning efficacy against rows the model never saw.
/// Nothing about them is written to the model file. Default: no holdout; seed 1.
/// </summary>
internal sealed class HoldoutOptions
{
    /// <summary>Taken as text so that a bad value gets our message and exit code 2, not the parser's.</summary>
    public Option<string?> Fraction { get; } = new("--holdout")
    {
        Description = "Leave this share of each table's real rows out of the fit (e.g. 0.2), chosen by a seeded hash of each row's key, so evaluate can tell copying from fidelity (distance to closest record, machine learning). The clone then has that share fewer rows (add --scale to compensate). Give evaluate the same --holdout and --holdout-seed. Default: none.",
    };

    public Option<long> Seed { get; } = new("--holdout-seed")
    {
        Description = "Seed of the holdout's choice of rows; fit/clone and evaluate must use the same. Default: 1.",
        DefaultValueFactory = _ => 1,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Fraction);
        command.Options.Add(Seed);
    }

    /// <summary>The rule, or null without --holdout.</summary>
    public HoldoutRule? RuleOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.GetValue(Fraction);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !(fraction > 0 && fraction < 1))
            throw new UserInputException($"--holdout must be a share strictly between 0 and 1, such as 0.2 (got '{text}').");
        return HoldoutRule.Create(fraction, result.GetValue(Seed));
    }
}
