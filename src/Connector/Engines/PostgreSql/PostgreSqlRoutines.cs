using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// Functions, procedures and triggers of a PostgreSQL source on a PostgreSQL clone. Routines come
/// before the tables (with check_function_bodies off: a body may name a table not created yet),
/// triggers after the load. They are created only into the schemas the clone's tables are written
/// to under their source names: code that names a schema cannot be moved to another one, so a nightly
/// clone staged in another schema gets them after the swap, under the live names (NightlyJob). A
/// routine or trigger the target refuses is a warning, not a failure (<see cref="SourceCode"/>).
/// </summary>
internal static class PostgreSqlRoutines
{
    public static async Task<IReadOnlyList<string>> CreateRoutinesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        if (schema.Routines.Count == 0) return [];
        var schemas = schema.Tables.Select(t => t.Name.Schema).ToHashSet();
        var warnings = schema.Routines.Where(r => !schemas.Contains(r.Name.Schema))
            .Select(r => $"The {r.Kind} {r.Name} is not created: no cloned table is in its schema {r.Name.Schema} under that name.").ToList();
        await SqlCommands.ExecuteAsync(connection, "SET check_function_bodies = false", cancellationToken);
        try
        {
            warnings.AddRange(await SourceCode.RunAsync(connection,
                schema.Routines.Where(r => schemas.Contains(r.Name.Schema)).Select(r => ($"The {r.Kind} {r.Name}", r.Definition)), cancellationToken));
        }
        finally
        {
            await SqlCommands.ExecuteAsync(connection, "RESET check_function_bodies", CancellationToken.None);
        }
        return warnings;
    }

    public static async Task<IReadOnlyList<string>> CreateTriggersAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        var tables = schema.Tables.Select(t => t.Name).ToHashSet();
        var warnings = schema.Triggers.Where(t => !tables.Contains(t.Table))
            .Select(t => $"Trigger {t.Name} on {t.Table} is not created: its table is not cloned under that name.").ToList();
        warnings.AddRange(await SourceCode.RunAsync(connection,
            schema.Triggers.Where(t => tables.Contains(t.Table)).Select(t => ($"Trigger {t.Name} on {t.Table}", t.Definition)), cancellationToken));
        return warnings;
    }
}
