using System.Globalization;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Cli;

/// <summary>The per-table record of a choice between joint models (--model-kind auto, --trials), as lines for the console.</summary>
internal static class ModelChoices
{
    public static IEnumerable<string> Lines(DatabaseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var entry in model.Tables)
        {
            if (entry.Model.Data.Joint.Selection is not { } selection) continue;
            if (selection.HeldOutRows == 0)
            {
                yield return $"model of {entry.Table}: {selection.Chosen} (too few rows to compare candidates)";
                continue;
            }

            var scores = string.Join(", ", selection.Candidates.Select(static c => string.Create(CultureInfo.InvariantCulture, $"{c.Label} {c.Quality:F3}")));
            yield return string.Create(CultureInfo.InvariantCulture, $"model of {entry.Table}: {selection.Chosen}; held-out quality on {selection.HeldOutRows} rows: {scores}");
        }
    }
}
