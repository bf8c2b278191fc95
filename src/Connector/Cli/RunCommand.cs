using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sdv.Connector.Failures;
using Sdv.Connector.Nightly;
using Sdv.Connector.Nightly.Config;
using Sdv.Connector.Progress;

namespace Sdv.Connector.Cli;

/// <summary>
/// `run --config nightly.yaml`: an unattended refresh (model reuse, staging, atomic swap, retries,
/// run summary). Every key of the file is also a flag, and a flag wins over the file; the whole
/// configuration is validated before anything runs, with every problem listed.
/// </summary>
internal static class RunCommand
{
    private sealed record Flag(Option Option, string[] Path, bool IsPath = false);

    public static Command Create(CliContext context)
    {
        var config = new Option<FileInfo?>("--config") { Description = "The run's configuration (YAML, or JSON when it ends in .json); see config/README.md." };
        var check = new Option<bool>("--check") { Description = "Validate the configuration, list every problem, and stop (exit code 0 when it is valid)." };
        var flags = new List<Flag>();
        Option<string?> Text(string name, string description, string[] path, bool isPath = false)
        {
            var option = new Option<string?>(name) { Description = description };
            flags.Add(new Flag(option, path, isPath));
            return option;
        }
        Option<bool?> Bool(string name, string description, string[] path)
        {
            var option = new Option<bool?>(name) { Description = description };
            flags.Add(new Flag(option, path));
            return option;
        }
        Option<string[]> Many(string name, string description, string[] path)
        {
            var option = new Option<string[]>(name) { Description = description, AllowMultipleArgumentsPerToken = true };
            flags.Add(new Flag(option, path));
            return option;
        }
        foreach (var role in new[] { "source", "target" })
        {
            Text($"--{role}", $"The {role} (source.url / target.url): a URL without a password, a .db path, or a connection string.", [role, "url"], isPath: true);
            Text($"--{role}-engine", $"Engine of an ADO.NET connection string ({role}.engine).", [role, "engine"]);
            Text($"--{role}-password-env", $"Environment variable holding the {role}'s password ({role}.password_env).", [role, "password_env"]);
            Text($"--{role}-password-file", $"File holding the {role}'s password ({role}.password_file).", [role, "password_file"], isPath: true);
        }
        Many("--schema", "Schemas to read (schemas).", ["schemas"]);
        Many("--include", "Table globs to include (include).", ["include"]);
        Many("--exclude", "Table globs to leave out (exclude).", ["exclude"]);
        Bool("--exact-counts", "Count rows exactly (exact_counts).", ["exact_counts"]);
        Text("--metadata", "Metadata JSON file (metadata).", ["metadata"], isPath: true);
        Text("--seed", "Seed (seed). Default: 42.", ["seed"]);
        Text("--scale", "Rows of every table times this factor, reference tables whole (scale). Default: 1.", ["scale"]);
        Bool("--scale-reference", "Scale reference tables too, below scale 1 (scale_reference). Default: false.", ["scale_reference"]);
        Text("--rare-k", "k for rare categories (rare_k). Default: 5.", ["rare_k"]);
        Text("--locale", "Locale of generated personal data (locale). Default: en.", ["locale"]);
        Text("--max-parallel", "Tables worked on at once, each on a connection of its own (max_parallel). Default: the number of processors.", ["max_parallel"]);
        Bool("--model-reuse", "Reuse the saved model when the schema has not drifted (model.reuse). Default: true.", ["model", "reuse"]);
        Text("--on-drift", "refit or refuse when the source's schema drifted (model.on_drift). Default: refit.", ["model", "on_drift"]);
        Bool("--offline", "Sample from the saved model when the source is unreachable (model.offline). Default: false.", ["model", "offline"]);
        Text("--model-kind", "Per-table joint model: copula, cart, arf or auto (model.kind). Default: cart.", ["model", "kind"]);
        Text("--reference-tables", "Tables copied verbatim as lookups: auto, none or table globs (model.reference_tables). Default: auto.", ["model", "reference_tables"]);
        Text("--trials", "Candidates fitted per table, the best on held-out rows kept (model.trials). Default: 1.", ["model", "trials"]);
        Text("--min-quality", "Quality gate (gates.min_quality).", ["gates", "min_quality"]);
        Text("--min-diagnostic", "Diagnostic gate (gates.min_diagnostic).", ["gates", "min_diagnostic"]);
        Text("--max-exact-match-rate", "Privacy gate (gates.max_exact_match_rate).", ["gates", "max_exact_match_rate"]);
        Text("--retry-attempts", "Retries of a transient fault (retry.attempts). Default: 3.", ["retry", "attempts"]);
        Text("--retry-base-delay-ms", "First retry delay (retry.base_delay_ms). Default: 1000.", ["retry", "base_delay_ms"]);
        Text("--retry-max-delay-ms", "Longest retry delay (retry.max_delay_ms). Default: 30000.", ["retry", "max_delay_ms"]);
        Text("--summary", "JSON run summary file (summary).", ["summary"], isPath: true);
        Text("--log", "Human log file, appended (log).", ["log"], isPath: true);

        var command = new Command("run", "Refresh a synthetic clone unattended from a configuration file: reuse or fit the model, write to staging, check, swap atomically, record the run.");
        command.Options.Add(config);
        command.Options.Add(check);
        foreach (var flag in flags) command.Options.Add(flag.Option);
        var model = new ModelArgument("Model file (model.path).");
        model.AddTo(command);
        var progress = new ProgressOptions();
        progress.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            context.BeginProgress(progress.ModeOf(result));
            NightlyConfig settings;
            try
            {
                var (kind, file) = model.Read(result);
                settings = NightlyConfigReader.Load(result.GetValue(config)?.FullName, root =>
                {
                    root = Apply(root, flags, result);
                    if (file is not null) root = Set(root, ["model", "path"], 0, new ConfigScalar(0, file.FullName));
                    if (kind is not null) root = Set(root, ["model", "kind"], 0, new ConfigScalar(0, kind));
                    return root;
                }, Environment.GetEnvironmentVariable);
            }
            catch (ConfigException e)
            {
                throw new UserInputException(e.Message, e);
            }
            if (result.GetValue(check))
            {
                var ok = $"configuration OK: {settings.Source.Redacted} -> {settings.Target.Redacted}";
                context.HumanOut.WriteLine(ok);
                context.Result(ok, new JsonObject { ["source"] = settings.Source.Redacted, ["target"] = settings.Target.Redacted });
                return ExitCodes.Success;
            }
            var job = new NightlyJob(settings, context.HumanOut, context.Error)
            {
                ProgressView = context.View,
                TableLinesToOutput = context.Mode != ProgressMode.Json,
                BeforeError = context.StopProgressAsync,
                PrintDetails = context.Verbose,
            };
            var code = await job.RunAsync(cancellationToken);
            await context.HumanOut.FlushAsync(cancellationToken);
            var summary = job.Summary;
            context.Result(ResultLine(summary), ResultFields(summary), code, summary.Outcome);
            return code;
        }));
        return command;
    }

    /// <summary>The run in one line (--quiet): on success what was written; otherwise the outcome (the error is on stderr).</summary>
    private static string ResultLine(RunSummary summary) => summary.ExitCode == ExitCodes.Success
        ? $"synthetic clone written to {summary.Target}: {summary.Tables.Count} tables, {summary.TotalRows.ToString("N0", CultureInfo.InvariantCulture)} rows (model {summary.Model})"
        : $"run {summary.Outcome}, exit code {summary.ExitCode}";

    /// <summary>The run summary's headline as fields of the final JSON object (the whole summary is in the summary: file).</summary>
    private static JsonObject ResultFields(RunSummary summary)
    {
        var tables = new JsonObject();
        foreach (var table in summary.Tables) tables[table.Name] = table.Rows;
        return new JsonObject
        {
            ["target"] = summary.Target,
            ["model"] = summary.Model,
            ["tables"] = tables,
            ["rows"] = summary.TotalRows,
            ["swapped"] = summary.Swapped,
            ["gates"] = new JsonArray([.. summary.Gates.Select(g => (JsonNode?)new JsonObject { ["gate"] = g.Name, ["status"] = g.Status, ["value"] = g.Value, ["threshold"] = g.Threshold })]),
            ["warnings"] = new JsonArray([.. summary.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
            ["error"] = summary.Error,
        };
    }

    /// <summary>Puts each given flag into the configuration tree, so flags and file are validated alike.</summary>
    private static ConfigMap Apply(ConfigMap root, List<Flag> flags, ParseResult result)
    {
        foreach (var flag in flags)
        {
            ConfigNode? value = flag.Option switch
            {
                Option<string?> text when result.GetValue(text) is { } s => new ConfigScalar(0, flag.IsPath ? AbsoluteFromHere(s) : s),
                Option<bool?> toggle when result.GetValue(toggle) is { } b => new ConfigScalar(0, b ? "true" : "false"),
                Option<string[]> many when result.GetValue(many) is { Length: > 0 } items => new ConfigList(0, items.Select(i => (ConfigNode)new ConfigScalar(0, i)).ToList()),
                _ => null,
            };
            if (value is not null) root = Set(root, flag.Path, 0, value);
        }
        return root;
    }

    private static ConfigMap Set(ConfigMap map, string[] path, int depth, ConfigNode value)
    {
        if (depth == path.Length - 1) return map.With(path[depth], value);
        var child = map[path[depth]] switch
        {
            ConfigMap existing => existing,
            ConfigScalar { Value: { } url } when path[depth] is "source" or "target" => new ConfigMap(0, [new("url", new ConfigScalar(0, url))]),
            _ => new ConfigMap(0, []),
        };
        return map.With(path[depth], Set(child, path, depth + 1, value));
    }

    /// <summary>A relative path given on the command line is taken from the working folder, not the configuration's.</summary>
    private static string AbsoluteFromHere(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains('=', StringComparison.Ordinal) || Path.IsPathRooted(value)) return value;
        return Path.GetFullPath(value);
    }
}
