using Sdv.Connector.Failures;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Refuses a table selection that matches no table, or that cuts a foreign key: the clone could not keep the relationship.</summary>
internal static class SubsetCheck
{
    public static void Ensure(DatabaseSchema schema, IntrospectionOptions selection)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(selection);
        // A selection that matches nothing is a mistyped name or glob, not a wish for an empty clone
        // (an empty database read whole still clones, to nothing).
        if (schema.Tables.Count == 0 && selection.Schemas.Count + selection.Include.Count + selection.Exclude.Count > 0)
            throw new UserInputException("The selection (--schema/--include/--exclude) leaves no table to clone; check the schema names and the globs (a glob matches name or schema.name; * and ? are wildcards).");
        if (selection.Include.Count + selection.Exclude.Count == 0) return;
        var names = schema.Tables.Select(t => t.Name).ToHashSet();
        var broken = schema.ForeignKeys.Where(fk => !names.Contains(fk.PrincipalTable)).ToList();
        if (broken.Count == 0) return;
        throw new UserInputException("The selected tables cut " + broken.Count + " foreign key(s): "
            + string.Join("; ", broken.Select(fk => $"table {fk.Table} has a foreign key ({string.Join(", ", fk.Columns)}) to {fk.PrincipalTable}, which is excluded"))
            + ". Include those tables (--include) or exclude their children too.");
    }
}
