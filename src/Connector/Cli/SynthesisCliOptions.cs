using System.CommandLine;
using Sdv.Connector.Failures;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Cli;

/// <summary>Options of fitting and sampling shared by fit, sample, clone and demo.</summary>
internal sealed class SynthesisCliOptions
{
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of every random choice; the same seed gives the same clone. Default: 42.", DefaultValueFactory = _ => 42 };

    public Option<double> Scale { get; } = new("--scale") { Description = "Rows of every table times this factor (root tables exactly rounded; children follow their parents, with the learned counts). Reference tables stay whole unless --scale-reference. Default: 1.", DefaultValueFactory = _ => 1.0 };

    public Option<bool> ScaleReference { get; } = new("--scale-reference")
    {
        Description = "Scale reference tables too (a subset of scale × rows, the most used rows first; codes of left-out rows drawn again among the kept). Above scale 1 they stay whole: their keys are the source's. Default: copied whole at any scale.",
    };

    public Option<int> RareCategories { get; } = new("--rare-k") { Description = "A category seen fewer than k times is never reproduced verbatim. Default: 5.", DefaultValueFactory = _ => 5 };

    public Option<string> Locale { get; } = new("--locale") { Description = "Locale of generated personal data (e-mails, names, phones), e.g. en, de, fr. Default: en.", DefaultValueFactory = _ => "en" };

    public Option<string> ModelKind { get; } = new("--model-kind") { Description = "Per-table joint model: copula (Gaussian copula), cart (CART sequential synthesis), arf (adversarial random forest), or auto (each fitted on 80% of the sampled rows, the best on the other 20% kept). Default: cart.", DefaultValueFactory = _ => ModelKindNames.NameOf(SynthesisOptions.DefaultModel) };

    /// <summary>The command's <c>--model</c>, whose value may name the per-table model too; null where it has none.</summary>
    public ModelArgument? ModelArgument { get; set; }

    public Option<int> Trials { get; } = new("--trials") { Description = "Candidates fitted per table (hyper-parameters, seeds); the best on held-out rows is kept. Default: 1.", DefaultValueFactory = _ => 1 };

    public Option<string> ReferenceTables { get; } = new("--reference-tables")
    {
        Description = "Tables copied verbatim as lookups: auto (small tables other tables point at, few rows beside their referrers', no personal data or dates), none (every table generated), or comma-separated table globs (exactly those). Default: auto.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<bool> Replace { get; } = new("--replace") { Description = "Drop and rewrite the target's tables if it holds any (otherwise such a target is refused)." };

    public Option<string> Routines { get; } = CreateRoutinesOption();

    private static Option<string> CreateRoutinesOption()
    {
        var option = new Option<string>("--routines")
        {
            Description = "copy: create the source's functions, procedures and triggers on a clone of the same engine (triggers after the load, so they do not fire on it); skip: leave them out. Default: copy.",
            DefaultValueFactory = _ => "copy",
        };
        option.AcceptOnlyFromAmong("copy", "skip");
        return option;
    }

    /// <summary>True unless --routines skip.</summary>
    public bool CopyRoutines(ParseResult result) => result.GetValue(Routines) != "skip";

    public void AddFitOptions(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(RareCategories);
        command.Options.Add(Locale);
        command.Options.Add(ModelKind);
        command.Options.Add(ReferenceTables);
        command.Options.Add(Trials);
    }

    public void AddSampleOptions(Command command, bool withSeed)
    {
        if (withSeed) command.Options.Add(Seed);
        command.Options.Add(Scale);
        command.Options.Add(ScaleReference);
        command.Options.Add(Replace);
        command.Options.Add(Routines);
    }

    public SynthesisOptions ToSynthesisOptions(ParseResult result)
    {
        // Named by its flag here: Validate's own message names the property, which the user never typed.
        var rareK = result.GetValue(RareCategories);
        if (rareK < 1) throw new UserInputException($"--rare-k must be at least 1 (got {rareK}).");
        // Checked now: the generator only loads the locale when a personal-data column needs it, so a
        // typo would otherwise pass silently on a database without one and fail on the next.
        var locale = result.GetValue(Locale) ?? "en";
        if (string.IsNullOrWhiteSpace(locale) || !Bogus.Database.LocaleResourceExists(locale))
            throw new UserInputException($"--locale {locale} is not a known locale; use one such as en, de, fr or pt_BR.");
        var kindName = result.GetValue(ModelKind);
        if (ModelArgument?.Read(result).Kind is { } named)
        {
            if (result.GetResult(ModelKind) is { Implicit: false } && !string.Equals(named, kindName, StringComparison.OrdinalIgnoreCase))
                throw new UserInputException($"--model {named} and --model-kind {kindName} disagree: give the per-table model once.");
            kindName = named;
        }
        if (!ModelKindNames.TryParse(kindName, out var kind))
            throw new UserInputException($"--model-kind {kindName} is not a model; use one of {string.Join(", ", ModelKindNames.All)}.");
        var trials = result.GetValue(Trials);
        if (trials < 1) throw new UserInputException($"--trials must be at least 1 (got {trials}).");
        var options = new SynthesisOptions
        {
            Seed = result.GetValue(Seed),
            RareCategoryThreshold = result.GetValue(RareCategories),
            Locale = result.GetValue(Locale) ?? "en",
            Model = kind,
            Trials = trials,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message, e);
        }
        return options;
    }

    /// <summary>
    /// The schema with <c>--reference-tables</c> applied as the user's word on each table (<see cref="TableSchema.ReferenceOverride"/>,
    /// which the fit honours): <c>none</c> generates every table, globs copy exactly the tables they name; <c>auto</c> leaves the
    /// choice (and what a metadata file said) as it is.
    /// </summary>
    public DatabaseSchema WithReferenceTables(ParseResult result, DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            return ReferenceOptions.Parse(result.GetValue(ReferenceTables)).ApplyTo(schema);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("--reference-tables " + e.Message, e);
        }
    }

    /// <summary><c>--scale</c> and <c>--scale-reference</c>; a scale that is not a positive number is bad input.</summary>
    public ScaleOptions ScaleOf(ParseResult result)
    {
        var scale = result.GetValue(Scale);
        if (!(scale > 0) || double.IsInfinity(scale)) throw new UserInputException($"--scale must be a positive number (got {scale}).");
        return new ScaleOptions { Factor = scale, References = result.GetValue(ScaleReference) };
    }
}
