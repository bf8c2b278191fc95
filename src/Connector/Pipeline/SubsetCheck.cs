using Sdv.Connector.Cli;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Refuses a table selection that matches no table, or that cuts a foreign key: the clone could not keep the relationship.</summary>
internal static class SubsetCheck
{
    public static void Ensure(DatabaseSchema schema, bool filtered)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!filtered) return;
        // A selection that matches nothing is a mistyped glob, not a wish for an empty clone.
        if (schema.Tables.Count == 0)
            throw new UserInputException("The --include/--exclude selection leaves no table to clone; check the globs (a glob matches name or schema.name; * and ? are wildcards).");
        var names = schema.Tables.Select(t => t.Name).ToHashSet();
        var broken = schema.ForeignKeys.Where(fk => !names.Contains(fk.PrincipalTable)).ToList();
        if (broken.Count == 0) return;
        throw new UserInputException("The selected tables cut " + broken.Count + " foreign key(s): "
            + string.Join("; ", broken.Select(fk => $"table {fk.Table} has a foreign key ({string.Join(", ", fk.Columns)}) to {fk.PrincipalTable}, which is excluded"))
            + ". Include those tables (--include) or exclude their children too.");
    }
}
