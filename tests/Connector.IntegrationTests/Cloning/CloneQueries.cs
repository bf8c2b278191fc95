using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>Plain SQL on a source or a clone, the same for every engine; values are normalised in C# (SQLite stores dates as text).</summary>
internal static class CloneQueries
{
    public static string Quote(DatabaseEngine engine, string identifier) => engine == DatabaseEngine.MySql
        ? "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`"
        : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static async Task<long> LongAsync(TestDatabase db, string sql) => await db.ScalarAsync<long>(sql);

    public static Task<long> CountAsync(TestDatabase db, string table) => LongAsync(db, $"SELECT COUNT(*) FROM {Quote(db.Engine, table)}");

    public static async Task<bool> TableExistsAsync(TestDatabase db, string table)
    {
        var schema = await IntrospectAsync(db);
        return schema.Tables.Any(t => t.Name.Name == table);
    }

    public static async Task<DatabaseSchema> IntrospectAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return await EngineAdapters.For(db.Engine).Introspector.IntrospectAsync(connection, IntrospectionOptions.Default, CancellationToken.None);
    }

    /// <summary>Every value of one column, as the driver returns it.</summary>
    public static async Task<List<object?>> ColumnAsync(TestDatabase db, string table, string column)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Quote(db.Engine, column)} FROM {Quote(db.Engine, table)}";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        return values;
    }

    /// <summary>Every row of a table, each rendered as invariant text, ordered by all its columns.</summary>
    public static async Task<List<string>> RowsAsync(TestDatabase db, string table)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(db.Engine, table)}";
        await using var reader = await command.ExecuteReaderAsync();
        var order = string.Join(", ", Enumerable.Range(1, reader.FieldCount).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await reader.DisposeAsync();
        command.CommandText = $"SELECT * FROM {Quote(db.Engine, table)} ORDER BY {order}";
        await using var ordered = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await ordered.ReadAsync())
        {
            var cells = new string[ordered.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = ordered.IsDBNull(i) ? "NULL" : Text(ordered.GetValue(i));
            rows.Add(string.Join(" | ", cells));
        }
        return rows;
    }

    public static decimal? Number(object? value) => value switch
    {
        null => null,
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        double d => (decimal)d,
        float f => (decimal)f,
        bool b => b ? 1 : 0,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public static DateTime? Date(object? value) => value switch
    {
        null => null,
        DateTime d => d,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset d => d.DateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new InvalidCastException($"Not a date: {value} ({value.GetType().Name})"),
    };

    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
