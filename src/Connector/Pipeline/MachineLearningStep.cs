using Sdv.Connector.Cli;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// `evaluate --target-column table.column`: finds the target among the evaluated samples (table by its
/// exact key, then ignoring case, then by bare name as the clone's tables are matched; column exact,
/// then ignoring case) and runs <see cref="MlEfficacy"/> on them.
/// </summary>
internal static class MachineLearningStep
{
    public static EvaluateOutcome Run(EvaluateOutcome outcome, string target, int seed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(target);
        var dot = target.LastIndexOf('.');
        if (dot <= 0 || dot == target.Length - 1)
            throw new UserInputException($"--target-column: '{target}' is not table.column (for example orders.status).");
        var tableName = target[..dot];
        var columnName = target[(dot + 1)..];
        var names = outcome.Real.Tables.Select(t => t.Name).ToList();
        var real = FindTable(outcome.Real, tableName)
            ?? throw new UserInputException($"--target-column: no evaluated table is named {tableName}; tables: {string.Join(", ", names)}.");
        var column = real.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.Ordinal))
            ?? real.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserInputException($"--target-column: table {real.Name} has no column {columnName}; columns: {string.Join(", ", real.Columns.Select(c => c.Name))}.");
        var synthetic = outcome.Synthetic.Find(real.Name) ?? real with { Rows = [] };
        try
        {
            var result = MlEfficacy.Evaluate(real, synthetic, column.Name, seed);
            return outcome with { Result = outcome.Result with { MachineLearning = result } };
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--target-column: {e.Message}", e);
        }
    }

    private static EvaluationTable? FindTable(EvaluationDataset dataset, string name)
    {
        var exact = dataset.Find(name);
        if (exact is not null) return exact;
        var folded = dataset.Tables.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (folded.Count == 1) return folded[0];

        // Keys carry a schema (public.orders) on engines that have them; a bare name works when it is unambiguous.
        var bare = dataset.Tables.Where(t => string.Equals(t.Name[(t.Name.LastIndexOf('.') + 1)..], name, StringComparison.OrdinalIgnoreCase)).ToList();
        return bare.Count == 1 ? bare[0] : null;
    }
}
