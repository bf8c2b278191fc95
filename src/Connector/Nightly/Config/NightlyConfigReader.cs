using System.Globalization;
using System.Text.RegularExpressions;
using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Config;

/// <summary>
/// Turns a parsed configuration into a <see cref="NightlyConfig"/>, checking all of it before
/// anything runs: unknown keys (with the nearest known one), wrong types, out-of-range numbers,
/// missing or unusable endpoints (through <see cref="EndpointParser"/>), inline passwords.
/// Every problem is collected; one <see cref="ConfigException"/> lists them all.
/// Relative paths are taken from the configuration file's folder: a scheduler's working folder is
/// rarely the one the user had in mind.
/// </summary>
internal static partial class NightlyConfigReader
{
    public static readonly string[] TopKeys =
    [
        "source", "target", "schemas", "include", "exclude", "exact_counts", "metadata", "columns", "seed", "scale",
        "scale_reference", "rare_k", "locale", "max_parallel", "model", "gates", "retry", "summary", "log",
    ];

    public static readonly string[] EndpointKeys = ["url", "engine", "password_env", "password_file"];

    public static readonly string[] ModelKeys = ["path", "reuse", "on_drift", "offline", "kind", "trials", "reference_tables"];

    public static readonly string[] RetryKeys = ["attempts", "base_delay_ms", "max_delay_ms"];

    public static readonly string[] GateKeys = ["min_quality", "min_diagnostic", "max_exact_match_rate"];

    public static readonly string[] ColumnKeys = ["sdtype", "pii", "keep_constant", "null_out"];

    /// <summary>Reads and validates a file (YAML, or JSON by extension), with <paramref name="overrides"/> (from flags) applied on top.</summary>
    public static NightlyConfig Load(string? path, Func<ConfigMap, ConfigMap>? overrides, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ConfigMap root;
        string baseDirectory;
        string name;
        if (path is null)
        {
            root = new ConfigMap(0, []);
            baseDirectory = Directory.GetCurrentDirectory();
            name = "the command line";
        }
        else
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new ConfigException($"--config: the file {full} does not exist.");
            try
            {
                root = ConfigSyntax.Parse(File.ReadAllText(full), full);
            }
            catch (FormatException e)
            {
                throw new ConfigException(e.Message, e);
            }
            baseDirectory = Path.GetDirectoryName(full)!;
            name = full;
        }
        if (overrides is not null) root = overrides(root);
        return Read(root, name, path is null ? null : Path.GetFullPath(path), baseDirectory, environment);
    }

    public static NightlyConfig Read(ConfigMap root, string name, string? file, string baseDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(root);
        var p = new ConfigProblems();
        CheckKeys(root, "", TopKeys, p);
        var secrets = new List<(string Role, PasswordSource Source)>();
        var source = ReadEndpoint(root, "source", baseDirectory, environment, p, secrets);
        var target = ReadEndpoint(root, "target", baseDirectory, environment, p, secrets);
        if (source is not null && target is not null)
        {
            if (target.Engine is null) p.Add("target.url", root["target"], $"{target.Redacted} is a CSV folder; a nightly refresh writes a database.");
            if (source.Engine is null) p.Add("source.url", root["source"], $"{source.Redacted} is a CSV folder; the source must be a database.");
            if (EndpointIdentity.SameDatabase(source, target))
                p.Add("target", root["target"], $"the target {target.Redacted} is the source; a nightly refresh replaces its target, so it must be another database.");
        }

        var model = ReadModel(root["model"], baseDirectory, p);
        var retry = ReadRetry(root["retry"], p);
        var gates = ReadGates(root["gates"], p);
        var columns = ReadColumns(root["columns"], p);
        var seed = Number(root, "seed", "seed", p, new NumberRule<long>(long.MinValue, long.MaxValue, 42L, long.TryParse));
        var scale = Number(root, "scale", "scale", p, new NumberRule<double>(double.Epsilon, 1e6, 1.0, double.TryParse));
        var rareK = Number(root, "rare_k", "rare_k", p, new NumberRule<int>(1, 1_000_000, 5, int.TryParse));
        var locale = Text(root, "locale", "locale", p) ?? "en";
        var maxParallel = Number(root, "max_parallel", "max_parallel", p, new NumberRule<int>(1, 1024, Cli.MaxParallelOption.Default, int.TryParse));
        try
        {
            Synthesis.Generators.PiiGenerator.CreateFaker(locale, 0);
        }
        catch (ArgumentException)
        {
            p.Add("locale", root["locale"], $"'{locale}' is not a known locale; use a Bogus locale such as en, de, fr, nl, es.");
        }

        // Every key is read before the problems are judged, so that all of them are listed at once.
        var config = new NightlyConfig
        {
            File = file,
            Source = source!,
            Target = target!,
            Secrets = secrets,
            Schemas = List(root, "schemas", p),
            Include = List(root, "include", p),
            Exclude = List(root, "exclude", p),
            ExactCounts = Bool(root, "exact_counts", "exact_counts", p, false),
            Metadata = PathOf(root, "metadata", "metadata", baseDirectory, p),
            Columns = columns,
            Seed = seed,
            Scale = scale,
            ScaleReference = Bool(root, "scale_reference", "scale_reference", p, false),
            RareK = rareK,
            Locale = locale,
            MaxParallel = maxParallel,
            Model = model,
            Gates = gates,
            Retry = retry,
            Summary = PathOf(root, "summary", "summary", baseDirectory, p),
            Log = PathOf(root, "log", "log", baseDirectory, p),
        };
        if (p.Items.Count > 0) throw new ConfigException(name, p.Items);
        return config;
    }

    private static void CheckKeys(ConfigMap map, string prefix, IReadOnlyList<string> known, ConfigProblems p)
    {
        foreach (var (key, node) in map.Entries)
        {
            if (known.Contains(key)) continue;
            var hint = ConfigProblems.Closest(key, known) is { } closest ? $" did you mean '{closest}'?" : string.Empty;
            p.Add(prefix + key, node, $"unknown key.{hint} Known keys here: {string.Join(", ", known)}.");
        }
    }

    private static DatabaseEndpoint? ReadEndpoint(ConfigMap root, string role, string baseDirectory, Func<string, string?> environment, ConfigProblems p, List<(string Role, PasswordSource Source)> secrets)
    {
        var node = root[role];
        if (node is null)
        {
            p.Add(role, null, $"missing; give {role}: with url: (and password_env: or password_file: where a password is needed), or --{role}.");
            return null;
        }
        if (node is ConfigScalar { Value: { } bare }) node = new ConfigMap(node.Line, [new("url", new ConfigScalar(node.Line, bare))]);
        if (node is not ConfigMap map)
        {
            p.Add(role, node, $"must be a map with url:, not {node.Kind}.");
            return null;
        }
        var before = p.Items.Count;
        if (map["password"] is { } inline)
        {
            p.Add($"{role}.password", inline, "an inline password is refused: configuration files get copied, committed and mailed. Put it in an environment variable (password_env: NAME) or a file readable only by the job's user (password_file: PATH).");
        }
        CheckKeys(new ConfigMap(map.Line, map.Entries.Where(e => e.Key != "password").ToList()), role + ".", EndpointKeys, p);
        var url = Text(map, "url", role + ".url", p);
        var engine = Text(map, "engine", role + ".engine", p);
        var env = Text(map, "password_env", role + ".password_env", p);
        var file = PathOf(map, "password_file", role + ".password_file", baseDirectory, p);
        if (url is null)
        {
            p.Add(role + ".url", map, "missing; give a URL such as postgresql://user@host:5432/db or a .db file path.");
            return null;
        }
        if (InlineUrlPassword().IsMatch(url) || InlineKeyPassword().IsMatch(url))
        {
            p.Add(role + ".url", map["url"], "holds a password; an inline password is refused. Remove it from the URL and give password_env: or password_file:.");
            return null;
        }
        if (env is not null && file is not null)
        {
            p.Add(role, map, "password_env and password_file both given; keep one.");
            return null;
        }
        if (p.Items.Count > before) return null;
        url = Absolute(url, baseDirectory);
        var password = env is not null ? PasswordSource.FromEnvironment(env) : file is not null ? PasswordSource.FromFile(file) : null;
        try
        {
            var endpoint = EndpointParser.Parse(url, engine, password, role, environment);
            if (password is not null) secrets.Add((role, password));
            return endpoint;
        }
        catch (EndpointException e)
        {
            p.Add(role + ".url", map["url"], e.Message);
            return null;
        }
    }

    /// <summary>A relative SQLite path (bare, or sqlite://relative.db) is taken from the configuration's folder.</summary>
    private static string Absolute(string url, string baseDirectory)
    {
        if (url.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = url["sqlite://".Length..];
            return rest.StartsWith('/') ? url : "sqlite://" + Path.GetFullPath(Path.Combine(baseDirectory, rest));
        }
        var looksLikePath = !url.Contains("://", StringComparison.Ordinal) && !url.Contains('=', StringComparison.Ordinal);
        return looksLikePath && !Path.IsPathRooted(url) ? Path.GetFullPath(Path.Combine(baseDirectory, url)) : url;
    }

    private static ModelSettings ReadModel(ConfigNode? node, string baseDirectory, ConfigProblems p)
    {
        if (node is null or ConfigScalar { Value: null }) return new ModelSettings();
        if (node is not ConfigMap map)
        {
            p.Add("model", node, $"must be a map (path:, reuse:, on_drift:, offline:, kind:, trials:, reference_tables:), not {node.Kind}.");
            return new ModelSettings();
        }
        CheckKeys(map, "model.", ModelKeys, p);
        var onDrift = Text(map, "on_drift", "model.on_drift", p);
        var action = DriftAction.Refit;
        if (onDrift is not null && !Enum.TryParse(onDrift, ignoreCase: true, out action))
        {
            p.Add("model.on_drift", map["on_drift"], $"'{onDrift}' is not refit or refuse.");
        }
        var kindName = Text(map, "kind", "model.kind", p);
        var kind = Synthesis.SynthesisOptions.DefaultModel;
        if (kindName is not null && !Synthesis.ModelKindNames.TryParse(kindName, out kind))
        {
            p.Add("model.kind", map["kind"], $"'{kindName}' is not a model; use one of {string.Join(", ", Synthesis.ModelKindNames.All)}.");
        }
        var settings = new ModelSettings
        {
            Path = PathOf(map, "path", "model.path", baseDirectory, p),
            Reuse = Bool(map, "reuse", "model.reuse", p, true),
            OnDrift = action,
            Offline = Bool(map, "offline", "model.offline", p, false),
            Kind = kind,
            Trials = Number(map, "trials", "model.trials", p, new NumberRule<int>(1, 100, 1, int.TryParse)),
            ReferenceTables = Text(map, "reference_tables", "model.reference_tables", p) ?? "auto",
        };
        if (settings.Path is null && (map["reuse"] is not null || settings.Offline))
        {
            p.Add("model.path", map, "missing; reuse and offline need the model file's path.");
        }
        return settings;
    }

    private static RetrySettings ReadRetry(ConfigNode? node, ConfigProblems p)
    {
        if (node is null or ConfigScalar { Value: null }) return new RetrySettings();
        if (node is not ConfigMap map)
        {
            p.Add("retry", node, $"must be a map (attempts:, base_delay_ms:, max_delay_ms:), not {node.Kind}.");
            return new RetrySettings();
        }
        CheckKeys(map, "retry.", RetryKeys, p);
        var settings = new RetrySettings
        {
            Attempts = Number(map, "attempts", "retry.attempts", p, new NumberRule<int>(0, 100, 3, int.TryParse)),
            BaseDelayMs = Number(map, "base_delay_ms", "retry.base_delay_ms", p, new NumberRule<int>(0, 3_600_000, 1000, int.TryParse)),
            MaxDelayMs = Number(map, "max_delay_ms", "retry.max_delay_ms", p, new NumberRule<int>(0, 3_600_000, 30_000, int.TryParse)),
        };
        if (settings.MaxDelayMs < settings.BaseDelayMs)
        {
            p.Add("retry.max_delay_ms", map["max_delay_ms"], $"{settings.MaxDelayMs} is below base_delay_ms ({settings.BaseDelayMs}).");
        }
        return settings;
    }

    private static Dictionary<string, double> ReadGates(ConfigNode? node, ConfigProblems p)
    {
        var gates = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node is null or ConfigScalar { Value: null }) return gates;
        if (node is not ConfigMap map)
        {
            p.Add("gates", node, $"must be a map of gate: threshold, not {node.Kind}.");
            return gates;
        }
        CheckKeys(map, "gates.", GateKeys, p);
        foreach (var key in GateKeys)
        {
            if (map[key] is null) continue;
            gates[key] = Number(map, key, "gates." + key, p, new NumberRule<double>(0.0, 1.0, 0.0, double.TryParse));
        }
        return gates;
    }

    private static List<ColumnOverride> ReadColumns(ConfigNode? node, ConfigProblems p)
    {
        var overrides = new List<ColumnOverride>();
        if (node is null or ConfigScalar { Value: null }) return overrides;
        if (node is not ConfigMap map)
        {
            p.Add("columns", node, $"must be a map of table.column: {{...}}, not {node.Kind}.");
            return overrides;
        }
        foreach (var (key, value) in map.Entries)
        {
            var path = "columns." + key;
            if (!key.Contains('.', StringComparison.Ordinal) || key.EndsWith('.') || key.StartsWith('.'))
            {
                p.Add(path, value, "the key must be table.column or schema.table.column.");
                continue;
            }
            if (value is not ConfigMap column)
            {
                p.Add(path, value, $"must be a map (sdtype:, pii:, keep_constant:, null_out:), not {value.Kind}.");
                continue;
            }
            CheckKeys(column, path + ".", ColumnKeys, p);
            SdType? sdType = null;
            if (Text(column, "sdtype", path + ".sdtype", p) is { } sd)
            {
                if (Enum.TryParse<SdType>(sd, ignoreCase: true, out var parsed) && parsed != SdType.Unknown) sdType = parsed;
                else p.Add(path + ".sdtype", column["sdtype"], $"'{sd}' is not an sdtype; use numerical, datetime, categorical, boolean, id, pii, text or unsupported.");
            }
            PiiKind? pii = null;
            if (Text(column, "pii", path + ".pii", p) is { } kind)
            {
                var normalised = kind.Replace("_", "", StringComparison.Ordinal);
                if (Enum.TryParse<PiiKind>(normalised, ignoreCase: true, out var parsed)) pii = parsed;
                else p.Add(path + ".pii", column["pii"], $"'{kind}' is not a pii kind; use one of {string.Join(", ", Enum.GetNames<PiiKind>().Select(n => n.ToLowerInvariant()))}.");
            }
            var nullOut = Bool(column, "null_out", path + ".null_out", p, false);
            var keep = column["keep_constant"] is ConfigScalar { Value: { } constant } ? constant : null;
            if (column["keep_constant"] is { } keepNode and not ConfigScalar) p.Add(path + ".keep_constant", keepNode, $"must be a single value, not {keepNode.Kind}.");
            if (nullOut && keep is not null) p.Add(path, column, "keep_constant and null_out contradict each other; keep one.");
            if (pii is not null && sdType is not null && sdType != SdType.Pii) p.Add(path, column, $"pii: is given but sdtype is {sdType.ToString()!.ToLowerInvariant()}; a pii kind needs sdtype pii (or leave sdtype out).");
            overrides.Add(new ColumnOverride(key, value.Line) { SdType = pii is not null ? SdType.Pii : sdType, Pii = pii, KeepConstant = keep, NullOut = nullOut });
        }
        return overrides;
    }

    private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    /// <summary>The numbers a key accepts, and the one it takes when the key is absent or wrong.</summary>
    private readonly record struct NumberRule<T>(T Min, T Max, T Fallback, TryParse<T> Parse)
        where T : IComparable<T>;

    private static T Number<T>(ConfigMap map, string key, string path, ConfigProblems p, NumberRule<T> rule)
        where T : IComparable<T>
    {
        var node = map[key];
        if (node is null or ConfigScalar { Value: null }) return rule.Fallback;
        if (node is not ConfigScalar { Value: { } text })
        {
            p.Add(path, node, $"must be a number, not {node.Kind}.");
            return rule.Fallback;
        }
        if (NumberProblem(text, rule, out var value) is { } problem)
        {
            p.Add(path, node, problem);
            return rule.Fallback;
        }
        return value;
    }

    /// <summary>Why <paramref name="text"/> is not a number <paramref name="rule"/> accepts, or null when it is (then <paramref name="value"/> is it).</summary>
    private static string? NumberProblem<T>(string text, NumberRule<T> rule, out T value)
        where T : IComparable<T>
    {
        var styles = typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.Integer;
        if (!rule.Parse(text.Trim(), styles, CultureInfo.InvariantCulture, out value))
        {
            return $"'{text}' is not {(typeof(T) == typeof(double) ? "a number" : "a whole number")}.";
        }
        if (value.CompareTo(rule.Min) < 0 || value.CompareTo(rule.Max) > 0 || value is double d && !double.IsFinite(d))
        {
            var low = rule.Min is double m && m == double.Epsilon ? "above 0" : $"at least {Convert.ToString(rule.Min, CultureInfo.InvariantCulture)}";
            return $"{text} is out of range; it must be {low} and at most {Convert.ToString(rule.Max, CultureInfo.InvariantCulture)}.";
        }
        return null;
    }

    private static bool Bool(ConfigMap map, string key, string path, ConfigProblems p, bool fallback)
    {
        var node = map[key];
        if (node is null or ConfigScalar { Value: null }) return fallback;
        if (node is ConfigScalar { Value: { } text })
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on": return true;
                case "false" or "no" or "off": return false;
            }
        }
        p.Add(path, node, $"must be true or false, not {(node is ConfigScalar s ? $"'{s.Value}'" : node.Kind)}.");
        return fallback;
    }

    private static string? Text(ConfigMap map, string key, string path, ConfigProblems p)
    {
        var node = map[key];
        if (node is null or ConfigScalar { Value: null }) return null;
        if (node is ConfigScalar { Value: { } text }) return text.Length == 0 ? null : text;
        p.Add(path, node, $"must be a single value, not {node.Kind}.");
        return null;
    }

    private static string? PathOf(ConfigMap map, string key, string path, string baseDirectory, ConfigProblems p) =>
        Text(map, key, path, p) is { } text ? Path.GetFullPath(Path.Combine(baseDirectory, text)) : null;

    private static List<string> List(ConfigMap map, string key, ConfigProblems p)
    {
        var node = map[key];
        switch (node)
        {
            case null or ConfigScalar { Value: null }: return [];
            case ConfigScalar { Value: { } one }: return [one];
            case ConfigList list:
                var items = new List<string>();
                foreach (var item in list.Items)
                {
                    if (item is ConfigScalar { Value: { } text }) items.Add(text);
                    else p.Add(key, item, $"each item must be a single value, not {item.Kind}.");
                }
                return items;
            default:
                p.Add(key, node, $"must be a list of table globs, not {node.Kind}.");
                return [];
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://[^/?#@]*:[^/?#@]*@")]
    private static partial Regex InlineUrlPassword();

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineKeyPassword();
}
