using Sdv.Connector.Failures;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// `evaluate --target-column table.column`: finds the target among the scored tables (table by its exact key, then
/// ignoring case, then by bare name as the clone's tables are matched; column exact, then ignoring case) before the
/// evaluation, so its pass over the rows draws the samples; then runs <see cref="MlEfficacy"/> on them, testing on
/// rows held out of the fit when there are some.
/// </summary>
internal static class MachineLearningStep
{
    public static (string Table, string Column) Resolve(EvaluationMetadata metadata, string target)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(target);
        var dot = target.LastIndexOf('.');
        if (dot <= 0 || dot == target.Length - 1)
            throw new UserInputException($"--target-column: '{target}' is not table.column (for example orders.status).");
        var tableName = target[..dot];
        var columnName = target[(dot + 1)..];
        var names = metadata.Tables.Select(t => t.Name).ToList();
        var table = FindTable(metadata, tableName)
            ?? throw new UserInputException($"--target-column: no evaluated table is named {tableName}; tables: {string.Join(", ", names)}.");
        var column = table.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.Ordinal))
            ?? table.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserInputException($"--target-column: table {table.Name} has no column {columnName}; columns: {string.Join(", ", table.Columns.Select(c => c.Name))}.");
        if (!ColumnKinds.IsModelable(column.SdType))
            throw new UserInputException($"--target-column: column {table.Name}.{column.Name} is {column.SdType.ToString().ToLowerInvariant()}; a target must be categorical, boolean, numerical or datetime.");
        return (table.Name, column.Name);
    }

    public static EvaluationResult Run(EvaluationOutput output, (string Table, string Column) target, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        var table = output.Tables.First(t => t.Table.Name == target.Table);
        var sample = table.Rows?.MachineLearning
            ?? throw new UserInputException($"--target-column: column {target.Table}.{target.Column} is a key of its table; a key is generated, not learned, so it cannot be a target.");
        try
        {
            var result = MlEfficacy.Evaluate(sample.RealFitted, sample.RealHeldOut, sample.Synthetic, target.Column, seed);
            return output.Result with { MachineLearning = result };
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--target-column: {e.Message}", e);
        }
    }

    private static ScoredTable? FindTable(EvaluationMetadata metadata, string name)
    {
        var exact = metadata.Find(name);
        if (exact is not null) return exact;
        var folded = metadata.Tables.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (folded.Count == 1) return folded[0];

        // Keys carry a schema (public.orders) on engines that have them; a bare name works when it is unambiguous.
        var bare = metadata.Tables.Where(t => string.Equals(t.Name[(t.Name.LastIndexOf('.') + 1)..], name, StringComparison.OrdinalIgnoreCase)).ToList();
        return bare.Count == 1 ? bare[0] : null;
    }
}
