using System.Globalization;
using Sdv.Connector.Cli;
using Sdv.Connector.Nightly.Config;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Tests.Connections;
using Xunit;

namespace Sdv.Connector.Tests.Nightly;

public sealed class NightlyConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string? NoEnvironment(string name) => name == "SDV_TEST_PW" ? "from-env-secret" : null;

    private NightlyConfig Load(string text, string name = "nightly.yaml")
    {
        var path = Path.Combine(_folder.Root, name);
        File.WriteAllText(path, text);
        return NightlyConfigReader.Load(path, null, NoEnvironment);
    }

    private ConfigException Problems(string text, string name = "nightly.yaml") => Assert.Throws<ConfigException>(() => Load(text, name));

    [Fact]
    public void Lists_every_problem_of_a_file_at_once()
    {
        var e = Problems("""
            source:
              url: "postgrs://reader@db:5432/app"
            sead: 7
            scale: -1
            retry:
              attempts: many
            """);
        Assert.Equal(5, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("target", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("sead (line 3)", StringComparison.Ordinal) && p.Contains("did you mean 'seed'?", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("scale (line 4)", StringComparison.Ordinal) && p.Contains("above 0", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("retry.attempts (line 6)", StringComparison.Ordinal) && p.Contains("'many' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("source.url", StringComparison.Ordinal) && p.Contains("did you mean postgres", StringComparison.Ordinal));
        Assert.Contains("5 problem(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_inline_password_in_the_url_or_as_a_key_without_echoing_it()
    {
        var e = Problems("""
            source:
              url: "postgresql://reader:Hunter2secret@db:5432/app"
            target:
              url: out.db
              password: Other2secret
            """);
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Contains("inline password is refused", p, StringComparison.Ordinal));
        Assert.DoesNotContain("Hunter2secret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Other2secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_password_inside_a_connection_string()
    {
        var e = Problems("""
            source: { url: "Host=db;Username=reader;Password=abc12345;Database=app", engine: postgresql }
            target: { url: out.db }
            """);
        Assert.Single(e.Problems);
        Assert.Contains("inline password is refused", e.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_every_key_with_paths_taken_from_the_files_folder()
    {
        var config = Load("""
            source: { url: "postgresql://reader@db:5432/app", password_env: SDV_TEST_PW }
            target: { url: clone.db }
            schemas: [public]
            include: [orders, "cust*"]
            exclude: audit_log
            columns:
              public.customers.email: { pii: email }
              orders.note: { null_out: true }
              customers.country: { keep_constant: NL }
            seed: 7
            scale: 0.5
            scale_reference: yes
            rare_k: 10
            locale: de
            model: { path: models/app.sdvm, reuse: false, on_drift: refuse, offline: true }
            gates: { min_quality: 0.8, max_exact_match_rate: 0.01 }
            retry: { attempts: 5, base_delay_ms: 200, max_delay_ms: 5000 }
            summary: out/summary.json
            log: out/run.log
            """);
        Assert.Equal(DatabaseEngine.PostgreSql, config.Source.Engine);
        Assert.DoesNotContain("from-env-secret", config.Source.Redacted, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_folder.Root, "clone.db"), config.Target.Path);
        Assert.Equal(["orders", "cust*"], config.Include);
        Assert.Equal(["audit_log"], config.Exclude);
        Assert.Equal(7, config.Seed);
        Assert.Equal(0.5, config.Scale);
        Assert.True(config.ScaleReference);
        Assert.Equal(10, config.RareK);
        Assert.Equal("de", config.Locale);
        Assert.Equal(Path.Combine(_folder.Root, "models", "app.sdvm"), config.Model.Path);
        Assert.False(config.Model.Reuse);
        Assert.True(config.Model.Offline);
        Assert.Equal(DriftAction.Refuse, config.Model.OnDrift);
        Assert.Equal(0.8, config.Gates["min_quality"]);
        Assert.Equal(5, config.Retry.Attempts);
        Assert.Equal(Path.Combine(_folder.Root, "out", "run.log"), config.Log);
        Assert.Equal(3, config.Columns.Count);
        Assert.Equal(SdType.Pii, config.Columns[0].SdType);
        Assert.Equal(PiiKind.Email, config.Columns[0].Pii);
        Assert.Equal("public.customers", config.Columns[0].Table);
        Assert.True(config.Columns[1].NullOut);
        Assert.Equal("NL", config.Columns[2].KeepConstant);
    }

    [Fact]
    public void Scale_reference_is_off_unless_asked_and_must_be_true_or_false()
    {
        Assert.False(Load("source: { url: source.db }\ntarget: { url: t.db }\n").ScaleReference);
        var e = Problems("source: { url: source.db }\ntarget: { url: t.db }\nscale_reference: sometimes\n");
        Assert.Equal("scale_reference (line 3): must be true or false, not 'sometimes'.", Assert.Single(e.Problems));
    }

    [Fact]
    public void Reads_json_by_extension_with_the_same_checks()
    {
        var config = Load("""{ "source": { "url": "source.db" }, "target": { "url": "t.db" }, "seed": 9, "model": { "path": "m.sdvm" } }""", "nightly.json");
        Assert.Equal(9, config.Seed);
        Assert.True(config.Model.Reuse);
        var e = Problems("""{ "source": { "url": "source.db" }, "target": { "url": "t.db" }, "scael": 2 }""", "bad.json");
        Assert.Contains("did you mean 'scale'?", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_max_parallel_defaulting_to_the_processors_and_refuses_zero()
    {
        Assert.Equal(3, Load("source:\n  url: source.db\ntarget:\n  url: t.db\nmax_parallel: 3\n").MaxParallel);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount), Load("source:\n  url: source.db\ntarget:\n  url: t.db\n").MaxParallel);
        var e = Problems("source:\n  url: source.db\ntarget:\n  url: t.db\nmax_parallel: 0\n");
        Assert.StartsWith("max_parallel (line 5)", Assert.Single(e.Problems), StringComparison.Ordinal);
        e = Problems("source:\n  url: source.db\ntarget:\n  url: t.db\nmax_parallel: two\n");
        Assert.Contains("'two' is not a whole number", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_target_that_is_the_source_and_contradicting_column_overrides()
    {
        var e = Problems("""
            source: { url: source.db }
            target: { url: source.db }
            columns:
              orders.note: { null_out: true, keep_constant: x }
              orders: { null_out: true }
              orders.amount: { sdtype: money }
            """);
        Assert.Equal(4, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("is the source", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("contradict", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("table.column", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'money' is not an sdtype", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_the_joint_model_kind_and_trials_and_refuses_unknown_ones()
    {
        var config = Load("source: { url: source.db }\ntarget: { url: t.db }\nmodel: { kind: CART, trials: 3 }\n");
        Assert.Equal(Synthesis.ModelKind.Cart, config.Model.Kind);
        Assert.Equal(3, config.Model.Trials);
        Assert.Equal(Synthesis.SynthesisOptions.DefaultModel, Load("source: { url: source.db }\ntarget: { url: t.db }\n", "default.yaml").Model.Kind);
        Assert.Equal("auto", Load("source: { url: source.db }\ntarget: { url: t.db }\n", "auto.yaml").Model.ReferenceTables);
        Assert.Equal("Genre,Media*", Load("source: { url: source.db }\ntarget: { url: t.db }\nmodel: { reference_tables: 'Genre,Media*' }\n", "globs.yaml").Model.ReferenceTables);

        var e = Problems("source: { url: source.db }\ntarget: { url: t.db }\nmodel: { kind: ctgan, trials: 0 }\n", "bad.yaml");
        Assert.Contains(e.Problems, p => p.StartsWith("model.kind", StringComparison.Ordinal) && p.Contains("'ctgan' is not a model; use one of copula, cart, arf, auto", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("model.trials", StringComparison.Ordinal) && p.Contains("out of range", StringComparison.Ordinal));

        var path = Path.Combine(_folder.Root, "flags.yaml");
        await File.WriteAllTextAsync(path, "source: { url: source.db }\ntarget: { url: t.db }\n");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(["run", "--config", path, "--check", "--model-kind", "forest"], output, error, interactive: false);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("model.kind: 'forest' is not a model", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_override_the_file_and_are_validated_with_it()
    {
        var path = Path.Combine(_folder.Root, "nightly.yaml");
        await File.WriteAllTextAsync(path, "source: { url: source.db }\ntarget: { url: t.db }\nseed: 1\n");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(["run", "--config", path, "--check", "--seed", "abc", "--scale", "0", "--on-drift", "never"], output, error, interactive: false);
        Assert.Equal(ExitCodes.BadInput, code);
        var text = error.ToString();
        Assert.Contains("3 problem(s)", text, StringComparison.Ordinal);
        Assert.Contains("seed: 'abc' is not a whole number", text, StringComparison.Ordinal);
        Assert.Contains("scale: 0 is out of range", text, StringComparison.Ordinal);
        Assert.Contains("model.on_drift: 'never' is not refit or refuse", text, StringComparison.Ordinal);

        using var ok = new StringWriter(CultureInfo.InvariantCulture);
        code = await CliApp.RunAsync(["run", "--config", path, "--check", "--target", Path.Combine(_folder.Root, "other.db")], ok, error, interactive: false);
        Assert.Equal(0, code);
        Assert.Contains("other.db", ok.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_configuration_is_valid_apart_from_its_missing_demo_database()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "config", "nightly.example.yaml");
        Assert.True(File.Exists(example), example);
        // The demo database is made by `demo --dir sdv-demo`; here both ends point into a temp folder.
        var config = NightlyConfigReader.Load(example, root => root
            .With("source", new ConfigMap(0, [new("url", new ConfigScalar(0, Path.Combine(_folder.Root, "source.db")))]))
            .With("target", new ConfigMap(0, [new("url", new ConfigScalar(0, Path.Combine(_folder.Root, "nightly-clone.db")))])), NoEnvironment);
        Assert.Equal(3, config.Gates.Count);
        Assert.Equal(DriftAction.Refit, config.Model.OnDrift);
        Assert.EndsWith("nightly-clone.db", config.Target.Path, StringComparison.Ordinal);

    }
}
