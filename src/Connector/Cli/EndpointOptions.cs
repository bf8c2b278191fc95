using System.CommandLine;
using Sdv.Connector.Connections;
using Sdv.Connector.Failures;

namespace Sdv.Connector.Cli;

/// <summary>The four options that name one database: --{role}, --{role}-engine, --{role}-password-env, --{role}-password-file.</summary>
internal sealed class EndpointOptions
{
    private readonly string _role;

    public EndpointOptions(string role, string description, bool required = true)
    {
        _role = role;
        Location = new Option<string>($"--{role}") { Description = description, Required = required };
        Engine = new Option<string?>($"--{role}-engine") { Description = "Engine of an ADO.NET connection string: postgresql, mysql, mariadb, sqlserver or sqlite." };
        PasswordEnv = new Option<string?>($"--{role}-password-env") { Description = "Name of an environment variable that holds the password." };
        PasswordFile = new Option<string?>($"--{role}-password-file") { Description = "Path of a file that holds the password (a trailing newline is dropped)." };
    }

    public Option<string> Location { get; }

    public Option<string?> Engine { get; }

    public Option<string?> PasswordEnv { get; }

    public Option<string?> PasswordFile { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Location);
        command.Options.Add(Engine);
        command.Options.Add(PasswordEnv);
        command.Options.Add(PasswordFile);
    }

    public bool IsGiven(ParseResult result) => !string.IsNullOrWhiteSpace(result.GetValue(Location));

    /// <summary>Parses the options into an endpoint; a bad value gives a <see cref="UserInputException"/> that never holds the password.</summary>
    public DatabaseEndpoint Resolve(ParseResult result)
    {
        var env = result.GetValue(PasswordEnv);
        var file = result.GetValue(PasswordFile);
        if (env is not null && file is not null)
            throw new UserInputException($"--{_role}-password-env and --{_role}-password-file both given; keep one.");
        var password = env is not null ? PasswordSource.FromEnvironment(env) : file is not null ? PasswordSource.FromFile(file) : null;
        try
        {
            return EndpointParser.Parse(result.GetValue(Location) ?? string.Empty, result.GetValue(Engine), password, _role);
        }
        catch (EndpointException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }
}
