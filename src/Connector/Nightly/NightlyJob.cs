using System.Diagnostics;
using System.Globalization;
using Polly;
using Sdv.Connector.Cli;
using Sdv.Connector.Connections;
using Sdv.Connector.Failures;
using Sdv.Connector.Nightly.Config;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Nightly;

/// <summary>
/// One unattended refresh: obtain a model (reuse the saved one unless the source's schema drifted,
/// or fit), write the clone into staging with retries of transient faults, check it, swap it in,
/// and record the run (JSON summary, human log). Whatever fails, the previous clone stays as it
/// was; the exit code says what happened (see <see cref="ExitCodes"/>).
/// </summary>
internal sealed class NightlyJob
{
    private readonly NightlyConfig _config;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly NightlyHooks _hooks;
    private readonly Func<string, string?> _environment;
    private readonly RunSummary _summary = new();
    private readonly TimeProvider _time;

    public NightlyJob(NightlyConfig config, TextWriter output, TextWriter error, NightlyHooks? hooks = null, Func<string, string?>? environment = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _output = output;
        _error = error;
        _hooks = hooks ?? new NightlyHooks();
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _time = time ?? TimeProvider.System;
    }

    public RunSummary Summary => _summary;

    /// <summary>Where the run's structured progress goes besides its lines (the live view, the JSON lines), or null.</summary>
    public IProgressView? ProgressView { get; init; }

    /// <summary>Print each table's line on the output as well as in the log (false under --json-progress, whose events say the same).</summary>
    public bool TableLinesToOutput { get; init; } = true;

    /// <summary>Print a failure's .NET details (type and stack trace) after its message (--verbose).</summary>
    public bool PrintDetails { get; init; }

    /// <summary>Called before the error is printed on the error writer (stops a live view, so the error is not drawn over), or null.</summary>
    public Func<Task>? BeforeError { get; init; }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var scrubber = new Scrubber(SecretValues());
        StreamWriter? log = null;
        if (_config.Log is { } logPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        }
        await using var logScope = log;
        using var tee = new TeeWriter(scrubber, _output, log);
        using var logOnly = new TeeWriter(scrubber, log);
        var console = Cli.Output.For(TableLinesToOutput ? tee : logOnly, interactive: false);
        var progress = new RunProgress(console, ProgressView);
        var watch = Stopwatch.StartNew();
        _summary.Started = _time.GetUtcNow();
        _summary.Config = _config.File;
        _summary.Source = _config.Source.Redacted;
        _summary.Target = _config.Target.Redacted;
        _summary.ModelPath = _config.Model.Path;
        Line(tee, $"=== run started {Stamp(_summary.Started)}{(_config.File is null ? "" : " with " + _config.File)}: {_config.Source.Redacted} -> {_config.Target.Redacted}");
        int exitCode;
        string outcome;
        string? error = null;
        Exception? details = null;
        try
        {
            await LockedRunAsync(tee, progress, cancellationToken);
            (exitCode, outcome) = (ExitCodes.Success, "success");
        }
        catch (OperationCanceledException)
        {
            (exitCode, outcome) = (ExitCodes.Cancelled, "cancelled");
            error = "cancelled: the previous clone is untouched; the staging is removed by the next run.";
        }
        catch (Exception e)
        {
            // The commands' one classifier: the same kind and exit code as in clone, said in a run's words.
            var failure = FailureMessages.Classify(e);
            (exitCode, outcome, error) = (failure.ExitCode, RunSummary.OutcomeOf(failure.Kind), InRunWords(failure, e));
            details = e;
        }

        _summary.Finished = _time.GetUtcNow();
        _summary.DurationSeconds = Math.Round(watch.Elapsed.TotalSeconds, 3);
        _summary.ExitCode = exitCode;
        _summary.Outcome = outcome;
        _summary.Error = error is null ? null : scrubber.Scrub(error);
        if (error is not null)
        {
            if (BeforeError is { } before) await before();
            await _error.WriteLineAsync(scrubber.Scrub("error: " + error));
            if (PrintDetails && details is not null) await _error.WriteLineAsync(scrubber.Scrub(details.ToString()));
            if (log is not null) await log.WriteLineAsync(scrubber.Scrub("error: " + error));
        }
        Line(tee, $"=== run finished {Stamp(_summary.Finished.Value)} in {_summary.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {outcome}, exit code {exitCode}");
        if (_config.Summary is { } summaryPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(summaryPath)!);
            var temporary = summaryPath + ".tmp";
            await File.WriteAllTextAsync(temporary, _summary.ToJson(scrubber), CancellationToken.None);
            File.Move(temporary, summaryPath, overwrite: true);
        }
        return exitCode;
    }

    /// <summary>What a failure means for the run: whether it was retried, and that the previous clone is still the live one.</summary>
    private string InRunWords(ClassifiedFailure failure, Exception e) => failure.Kind switch
    {
        FailureKind.ConnectionFailed when TransientFaults.IsTransient(e) =>
            $"{failure.Message} It still failed after {_config.Retry.Attempts} retries; the previous clone is untouched.",
        FailureKind.DiskFull => $"{failure.Message} The previous clone is kept. The new clone is written beside the old one before the swap, "
            + "so the target needs room for both; the next run removes the staging.",
        FailureKind.ConnectionFailed or FailureKind.AccessDenied or FailureKind.Unexpected => $"{failure.Message} The previous clone is untouched.",
        // Bad input, refusals, gates, checks and a busy lock say what became of the previous clone themselves.
        _ => failure.Message,
    };

    /// <summary>
    /// Takes the target's run lock (see <see cref="IStagingArea.TryLockAsync"/>) and runs under it. A run that
    /// finds the lock held stops before it reads, fits, cleans or writes anything: the staging it would clean is
    /// the other run's work in progress.
    /// </summary>
    private async Task LockedRunAsync(TextWriter tee, RunProgress progress, CancellationToken cancellationToken)
    {
        IStagingArea staging;
        try
        {
            staging = StagingAreas.For(_config.Target);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message, e);
        }
        var pipeline = RetryPipeline.Build(_config.Retry, message =>
        {
            _summary.Warnings.Add(message);
            Line(tee, message);
        }, _time);
        var runLock = await pipeline.ExecuteAsync(async ct => await staging.TryLockAsync(ct), cancellationToken)
            ?? throw new TargetBusyException($"Another run is refreshing {_config.Target.Redacted}: it holds the {staging.LockDescription}. Nothing was done "
                + "(the previous clone and that run's staging are untouched). Let that run finish, or stop it, and run again; "
                + "the lock is released when its run ends, even when its process is killed.");
        await using (runLock)
        {
            Line(tee, $"holding the {staging.LockDescription}");
            await RunCoreAsync(tee, progress, staging, pipeline, cancellationToken);
        }
    }

    private async Task RunCoreAsync(TextWriter tee, RunProgress progress, IStagingArea staging, ResiliencePipeline pipeline, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(tee, pipeline, progress, cancellationToken);
        _summary.Fingerprint = model.Fingerprint;

        var problems = ColumnOverrides.Problems(model.Schema, _config.Columns);
        if (problems.Count > 0) throw new UserInputException($"{problems.Count} problem(s) with columns: overrides; nothing was written:\n" + string.Join("\n", problems.Select(p => "  - " + p)));
        var overrides = ColumnOverrides.ForRows(model.Schema, _config.Columns);

        _summary.Staging = staging.Description;
        var staged = await pipeline.ExecuteAsync(async ct =>
        {
            var attempt = ++_summary.WriteAttempts;
            await _hooks.StepAsync("clean", ct);
            var cleaned = await staging.CleanAsync(ct);
            foreach (var item in cleaned)
            {
                if (!_summary.CleanedLeftovers.Contains(item)) _summary.CleanedLeftovers.Add(item);
                if (attempt == 1) Line(tee, $"removed the leftover {item} of an earlier run");
            }
            Line(tee, $"writing the new clone into {staging.Description}{(attempt > 1 ? $" (try {attempt})" : "")}");
            return await StagingWriter.WriteAsync(
                new StagingWriteRequest(model, staging, _config.Seed, new ScaleOptions { Factor = _config.Scale, References = _config.ScaleReference }, overrides, _hooks, attempt, _config.MaxParallel),
                progress, ct);
        }, cancellationToken);
        await JudgeGatesAsync(tee, staging, staged, progress, cancellationToken);

        await _hooks.StepAsync("swap", cancellationToken);
        progress.Phase(Phases.Swap);
        // Past this point nothing is cancelled: the swap is one step, and half of a swap is what this job exists to avoid.
        var warnings = staged.Warnings.ToList();
        warnings.AddRange(await staging.SwapAsync(staged.Staged, CancellationToken.None));
        _summary.Swapped = true;
        if (_hooks.AtStep is { } swapped) await swapped("swapped", cancellationToken);
        Line(tee, $"swapped the new clone into {_config.Target.Redacted}");
        var afterSwap = (staging.ViewsAfterSwap && staged.Mapped.Views.Count > 0) || (staging.RoutinesAfterSwap && staged.Mapped.Routines.Count > 0)
            || staged.Mapped.Triggers.Count > 0;
        if (afterSwap)
        {
            // Under the live names, in the order a clone creates them: routines, views, then triggers (after the load,
            // so none fired on the synthetic rows).
            var adapter = OpenDatabase.Adapter(_config.Target);
            await using var connection = await staging.OpenTargetAsync(CancellationToken.None);
            if (staging.RoutinesAfterSwap) warnings.AddRange(await adapter.SchemaWriter.CreateRoutinesAsync(connection, staged.Mapped, CancellationToken.None));
            if (staging.ViewsAfterSwap) warnings.AddRange(await adapter.SchemaWriter.CreateViewsAsync(connection, staged.Mapped, CancellationToken.None));
            warnings.AddRange(await adapter.SchemaWriter.CreateTriggersAsync(connection, staged.Mapped, CancellationToken.None));
        }

        foreach (var (name, rows) in staged.Rows.OrderBy(p => p.Key, QualifiedName.Order)) _summary.Tables.Add(new RunSummary.TableRows(name.ToString(), rows));
        _summary.TotalRows = staged.Rows.Values.Sum();
        foreach (var warning in warnings.Distinct(StringComparer.Ordinal)) _summary.Warnings.Add(warning);
        Line(tee, $"synthetic clone written to {_config.Target.Redacted}: {staged.Rows.Count} tables, {_summary.TotalRows.ToString("N0", CultureInfo.InvariantCulture)} rows (model {_summary.Model})");
    }

    /// <summary>The configuration's gate names as the evaluate command's --fail-under spells them.</summary>
    private static string EvaluateGateName(string key) => key switch
    {
        "min_quality" => "quality",
        "min_diagnostic" => "diagnostic",
        "max_exact_match_rate" => "exact-match",
        _ => key,
    };

    /// <summary>
    /// Scores the staged clone against the source (the evaluate command's figures, read from the staging)
    /// before the swap, and fails the run with <see cref="FailureKind.GateFailed"/> when a configured gate is
    /// not met: the previous clone stays, the staging is left for inspection and removed by the next run.
    /// </summary>
    private async Task JudgeGatesAsync(TextWriter tee, IStagingArea staging, StagedClone staged, RunProgress progress, CancellationToken cancellationToken)
    {
        if (_config.Gates.Count == 0) return;
        if (_summary.Model == "reused-offline")
        {
            foreach (var (name, threshold) in _config.Gates) _summary.Gates.Add(new RunSummary.GateResult(name, threshold, "not evaluated (source offline)", null));
            _summary.Warnings.Add("The source was offline, so the gates could not compare the clone with it.");
            return;
        }
        var gates = QualityGates.Parse(_config.Gates.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{EvaluateGateName(g.Key)}={g.Value.ToString(CultureInfo.InvariantCulture)}"));
        var introspection = new IntrospectionOptions { Schemas = _config.Schemas, Include = _config.Include, Exclude = _config.Exclude };
        var metadata = _config.Metadata is { } m ? new FileInfo(m) : null;
        var scope = new SyntheticScope(staging.StagingSchemas(staged.Staged), staging.LiveSchema);
        var outcome = await EvaluateStep.RunAsync(new EvaluateSettings(_config.Source, staging.Endpoint)
        {
            Scope = scope, Selection = introspection, MetadataFile = metadata, Options = new Synthesis.Evaluation.EvaluationOptions { Seed = unchecked((int)_config.Seed) },
            Progress = progress,
        }, cancellationToken);
        var failed = new List<string>();
        foreach (var result in QualityGates.Check(outcome.Result, gates))
        {
            // Named as in the configuration (and as the offline case names them), not as --fail-under spells them.
            var key = _config.Gates.Keys.First(k => EvaluateGateName(k) == result.Gate.Name);
            _summary.Gates.Add(new RunSummary.GateResult(key, result.Gate.Limit, result.Passed ? "passed" : "failed", result.Value));
            Line(tee, "gate " + result.Describe());
            if (!result.Passed) failed.Add(result.Describe());
        }
        if (failed.Count > 0)
        {
            throw new FailureException(FailureKind.GateFailed, $"{failed.Count} gate(s) failed on the new clone before the swap: {string.Join("; ", failed)}. The previous clone was kept; "
                + $"the staging ({staging.Description}) is left for inspection and removed by the next run.");
        }
    }

    /// <summary>The saved model when it still fits the source (or the source is away and offline sampling is allowed), else a fitted one.</summary>
    private async Task<DatabaseModel> ModelAsync(TextWriter tee, ResiliencePipeline pipeline, RunProgress progress, CancellationToken cancellationToken)
    {
        var introspection = new IntrospectionOptions { Schemas = _config.Schemas, Include = _config.Include, Exclude = _config.Exclude, ExactRowCounts = _config.ExactCounts };
        var path = _config.Model.Path;
        if (path is null || !_config.Model.Reuse || !File.Exists(path))
        {
            if (path is not null && _config.Model.Reuse) Line(tee, $"no model at {path} yet: fitting one");
            _summary.Model = "fitted";
            return await FitAsync(tee, introspection, pipeline, progress, cancellationToken);
        }

        DatabaseModel saved;
        try
        {
            saved = DatabaseModelFile.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"model.path: {e.Message}", e);
        }

        DatabaseSchema? live = null;
        try
        {
            progress.Phase(Phases.Introspect);
            live = await pipeline.ExecuteAsync(async ct => { _summary.SourceAttempts++; return await LiveSchemaAsync(introspection, ct); }, cancellationToken);
        }
        catch (FailureException e) when (e.Kind == FailureKind.ConnectionFailed && _config.Model.Offline)
        {
            var warning = $"the source is unreachable ({e.Message}); sampling offline from the saved model {path}, without a drift check (model.offline: true)";
            _summary.Warnings.Add(warning);
            Line(tee, warning);
        }
        if (live is null)
        {
            _summary.Model = "reused-offline";
            return saved;
        }

        saved = ModelNames.Located(saved, live.DatabaseName);
        var drift = SchemaDrift.Between(saved.Schema, live).Concat(SchemaDrift.Overrides(saved.Schema, _config.Columns)).ToList();
        _summary.Drift.AddRange(drift);
        if (drift.Count == 0)
        {
            Line(tee, $"reusing the model {path}: the source's schema has not changed (fingerprint {saved.Fingerprint[..12]})");
            _summary.Model = "reused";
            return saved;
        }
        var changes = string.Join("; ", drift);
        if (_config.Model.OnDrift == DriftAction.Refuse)
        {
            throw new UserInputException($"The source's schema drifted from the model {path}: {changes}. model.on_drift is refuse, so nothing was written; "
                + "once the change is expected, run with --on-drift refit (or set model.on_drift: refit) to fit a new model.");
        }
        Line(tee, $"the source's schema drifted from the model ({changes}): fitting a new model");
        _summary.Model = "refitted";
        return await FitAsync(tee, introspection, pipeline, progress, cancellationToken);
    }

    /// <summary>The source's catalog only (no rows read), with the metadata file applied, to compare with the model's schema.</summary>
    private async Task<DatabaseSchema> LiveSchemaAsync(IntrospectionOptions introspection, CancellationToken cancellationToken)
    {
        await _hooks.StepAsync("introspect", cancellationToken);
        var adapter = OpenDatabase.Adapter(_config.Source);
        await using var connection = await OpenDatabase.SourceAsync(_config.Source, cancellationToken);
        var schema = ColumnlessTables.LeftOut(await adapter.Introspector.IntrospectAsync(connection, introspection, cancellationToken));
        // The keys the fit inferred are inferred again, so that an unchanged keyless source shows no drift.
        schema = await IntrospectStep.InferKeysAsync(connection, null, adapter, schema, introspection, cancellationToken);
        var metadata = await IntrospectStep.ReadMetadataAsync(_config.Metadata is { } m ? new FileInfo(m) : null, cancellationToken);
        return IntrospectStep.ApplyMetadata(schema, metadata);
    }

    private async Task<DatabaseModel> FitAsync(TextWriter tee, IntrospectionOptions introspection, ResiliencePipeline pipeline, RunProgress progress, CancellationToken cancellationToken)
    {
        var options = new SynthesisOptions { Seed = _config.Seed, RareCategoryThreshold = _config.RareK, Locale = _config.Locale, Model = _config.Model.Kind, Trials = _config.Model.Trials };
        var metadata = _config.Metadata is null ? null : new FileInfo(_config.Metadata);
        var fitted = await pipeline.ExecuteAsync(async ct =>
        {
            _summary.SourceAttempts++;
            await _hooks.StepAsync("introspect", ct);
            var schema = await IntrospectStep.RunAsync(_config.Source, introspection, metadata, ct, progress);
            SubsetCheck.Ensure(schema, introspection);
            var problems = ColumnOverrides.Problems(schema, _config.Columns);
            if (problems.Count > 0) throw new UserInputException($"{problems.Count} problem(s) with columns: overrides; nothing was written:\n" + string.Join("\n", problems.Select(p => "  - " + p)));
            schema = ColumnOverrides.ApplyTypes(schema, _config.Columns);
            try
            {
                schema = ReferenceOptions.Parse(_config.Model.ReferenceTables).ApplyTo(schema);
            }
            catch (ArgumentException e)
            {
                throw new UserInputException("model.reference_tables: " + e.Message, e);
            }
            Line(tee, $"read {schema.Tables.Count} tables and {schema.ForeignKeys.Count()} foreign keys from {_config.Source.Redacted}");
            return await FitStep.RunAsync(_config.Source, schema, options, progress, _config.MaxParallel, _hooks.AtStep is null ? null : _hooks.StepAsync, ct);
        }, cancellationToken);
        foreach (var choice in Cli.ModelChoices.Lines(fitted)) Line(tee, choice);
        if (_config.Model.Path is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            DatabaseModelFile.Save(fitted, path);
            Line(tee, $"saved the model to {path}");
        }
        return fitted;
    }

    private List<string> SecretValues()
    {
        var values = new List<string>();
        foreach (var (role, source) in _config.Secrets)
        {
            try
            {
                values.Add(source.Resolve(role, _environment));
            }
            catch (EndpointException)
            {
                // Validated at start; a file removed since then has nothing left to leak.
            }
        }
        return values;
    }

    private static void Line(TextWriter writer, string text) => writer.WriteLine(text);

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
