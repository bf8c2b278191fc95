using System.Data.Common;

namespace Sdv.Connector.Engines;

/// <summary>
/// Runs the source's own code objects (routines, triggers) on a clone of the same engine, one
/// statement each: one the target refuses (it names something not cloned, a missing extension)
/// becomes a warning that says which and why, and the others still run.
/// </summary>
internal static class SourceCode
{
    public static async Task<List<string>> RunAsync(DbConnection connection, IEnumerable<(string What, string Sql)> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var warnings = new List<string>();
        foreach (var (what, sql) in statements)
        {
            try
            {
                await SqlCommands.ExecuteAsync(connection, sql, cancellationToken);
            }
            catch (DbException e)
            {
                warnings.Add($"{what} is not created: {e.Message.Split('\n')[0].Trim()}");
            }
        }
        return warnings;
    }
}
