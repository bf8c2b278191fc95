using System.Data.Common;
using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// MariaDB sequences on a MariaDB clone: created (with the source's parameters) before the tables,
/// in the connection's database, a column default's <c>nextval(`source_db`.`seq`)</c> pointed at it,
/// and after the load moved past the largest value of the columns that draw from it (SETVAL).
/// </summary>
internal static class MySqlSequences
{
    public static async Task CreateAsync(DbConnection connection, MySqlDialect d, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        foreach (var sequence in schema.Sequences)
        {
            var sql = new StringBuilder("CREATE SEQUENCE IF NOT EXISTS ").Append(d.Quote(sequence.Name.Name));
            void Part(string keyword, long? value)
            {
                if (value is { } v) sql.Append(' ').Append(keyword).Append(' ').Append(v.ToString(CultureInfo.InvariantCulture));
            }
            Part("START WITH", sequence.Start);
            Part("MINVALUE", sequence.MinValue);
            Part("MAXVALUE", sequence.MaxValue);
            Part("INCREMENT BY", sequence.Increment);
            Part("CACHE", sequence.Cache);
            sql.Append(sequence.Cycle ? " CYCLE" : " NOCYCLE");
            await SqlCommands.ExecuteAsync(connection, sql.ToString(), cancellationToken);
        }
    }

    /// <summary>A same-engine default with the source database's name taken out of it (a sequence or function of the source's database is the clone's).</summary>
    public static string Rebase(string defaultSql, MySqlDialect d, string? sourceDatabase)
    {
        ArgumentNullException.ThrowIfNull(defaultSql);
        ArgumentNullException.ThrowIfNull(d);
        return string.IsNullOrEmpty(sourceDatabase) ? defaultSql : defaultSql.Replace(d.Quote(sourceDatabase) + ".", "", StringComparison.Ordinal);
    }

    public static async Task ResetAsync(DbConnection connection, MySqlDialect d, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        foreach (var sequence in schema.Sequences)
        {
            var quoted = d.Quote(sequence.Name.Name);
            var drawing = schema.Tables.SelectMany(t => t.Columns
                    .Where(c => c.DefaultSql is { } sql && sql.Contains("nextval", StringComparison.OrdinalIgnoreCase) && sql.Contains(quoted, StringComparison.Ordinal))
                    .Select(c => $"SELECT MAX({d.Quote(c.Name)}) AS x FROM {d.Quote(t.Name)}"))
                .ToList();
            if (drawing.Count == 0) continue;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT MAX(x) FROM ({string.Join(" UNION ALL ", drawing)}) u";
            if (await command.ExecuteScalarAsync(cancellationToken) is not { } max || max is DBNull) continue;
            var value = Convert.ToInt64(max, CultureInfo.InvariantCulture);
            await SqlCommands.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SELECT SETVAL({quoted}, {value})"), cancellationToken);
        }
    }
}
