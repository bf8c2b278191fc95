using System.CommandLine;
using Sdv.Connector.SchemaIntrospection.Introspection;

namespace Sdv.Connector.Cli;

/// <summary>What part of the source to read, and the user's metadata file.</summary>
internal sealed class SelectionOptions
{
    public Option<string[]> Schemas { get; } = new("--schema") { Description = "Schema to read (PostgreSQL, SQL Server); repeat for several. Default: every non-system schema.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Include { get; } = new("--include") { Description = "Table glob to include (* and ?; name or schema.name); repeat for several. Default: all tables.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Table glob to leave out; repeat for several.", AllowMultipleArgumentsPerToken = true };

    public Option<bool> ExactCounts { get; } = new("--exact-counts") { Description = "Count rows exactly (COUNT(*) per table) instead of the catalog's estimate." };

    public Option<FileInfo?> Metadata { get; } = new("--metadata") { Description = "A metadata JSON file (SDV metadata, as written by introspect --out or by SDV, possibly edited; the sidecar NAME.sdv-connector.json beside it is read with it): its sdtypes and keys win over inference." };

    public Option<string> InferKeys { get; } = new("--infer-keys")
    {
        Description = "auto: infer primary and foreign keys from names and data where a table declares none (CSV folders, sources without constraints); off: only declared keys. Default: auto.",
        DefaultValueFactory = _ => "auto",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Schemas);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
        command.Options.Add(ExactCounts);
        command.Options.Add(Metadata);
        InferKeys.AcceptOnlyFromAmong("auto", "off");
        command.Options.Add(InferKeys);
    }

    public IntrospectionOptions ToIntrospectionOptions(ParseResult result) => new()
    {
        Schemas = result.GetValue(Schemas) ?? [],
        Include = result.GetValue(Include) ?? [],
        Exclude = result.GetValue(Exclude) ?? [],
        ExactRowCounts = result.GetValue(ExactCounts),
        InferKeys = result.GetValue(InferKeys) != "off",
    };
}
