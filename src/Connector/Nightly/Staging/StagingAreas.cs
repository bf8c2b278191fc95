using Sdv.Connector.Connections;
using Sdv.Connector.Nightly.Staging.MySql;
using Sdv.Connector.Nightly.Staging.PostgreSql;
using Sdv.Connector.Nightly.Staging.Sqlite;
using Sdv.Connector.Nightly.Staging.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>The staging area of each engine; adding an engine adds one line here and a folder beside this file.</summary>
internal static class StagingAreas
{
    public const string StagingSuffix = "__sdv_staging";
    public const string OldSuffix = "__sdv_old";

    public static IStagingArea For(DatabaseEndpoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Engine switch
        {
            DatabaseEngine.Sqlite => new SqliteStaging(target),
            DatabaseEngine.PostgreSql => new PostgreSqlStaging(target),
            DatabaseEngine.MySql => new MySqlStaging(target),
            DatabaseEngine.SqlServer => new SqlServerStaging(target),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "No staging for this engine."),
        };
    }

    /// <summary>The schema a <c>&lt;schema&gt;__sdv_staging</c> schema stands for (the suffix removed); any other name as it is.</summary>
    public static string? WithoutStagingSuffix(string? schema) =>
        schema is not null && schema.EndsWith(StagingSuffix, StringComparison.Ordinal) ? schema[..^StagingSuffix.Length] : schema;
}
