using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Sdv.Connector.SchemaIntrospection.Engines;

/// <summary>
/// Runs a catalog query and reads its rows as plain values. Catalog results are small and their
/// column types differ between servers and versions (MariaDB reports unsigned bigints, MySQL 8 some
/// binary-collated text), so values are converted on read rather than mapped to typed records.
/// </summary>
internal static class CatalogRows
{
    public static async Task<IReadOnlyList<object?[]>> QueryAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is DBNull) row[i] = null;
            }
            rows.Add(row);
        }
        return rows;
    }

    public static string? Str(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string Text(object? value) => Str(value) ?? string.Empty;

    public static long? Long(object? value) => value switch
    {
        null => null,
        ulong u => u > long.MaxValue ? long.MaxValue : (long)u,
        byte[] or string => long.TryParse(Str(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>An int, or null where the value is absent or does not fit (e.g. LONGTEXT's 4 GiB length).</summary>
    public static int? Int(object? value) => Long(value) is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    public static bool Bool(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s is "1" or "YES" or "yes" or "true" or "True",
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
    };
}
