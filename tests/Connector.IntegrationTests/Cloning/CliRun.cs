using System.Text.RegularExpressions;
using MySqlConnector;
using Npgsql;
using Sdv.Connector.Cli;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>One in-process run of the command line: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await CliApp.RunAsync(args, output, error, interactive: false);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            // A run's server connections close as a process's do when it exits. In one test process each run's pools, one
            // per database it touched, stayed open: a suite of clones into new databases filled MariaDB's 300 connections
            // and failed a dozen tests with "Too many connections".
            await MySqlConnection.ClearAllPoolsAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Everything the run printed, each run of white space one space: the console wraps long warnings at its width.</summary>
    public string Text => Regex.Replace(Output + "\n" + Error, @"\s+", " ");

    /// <summary>What the run printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
