using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Synthesis.Tests.Evaluation;

/// <summary>Small builders for evaluation inputs.</summary>
internal static class Data
{
    public const double Tolerance = 1e-9;

    public static double[] Numbers(params double?[] values) => values.Select(v => v ?? double.NaN).ToArray();

    public static object[] Keys(params object?[] values) => values.Select(CellValues.Key).ToArray();

    public static EvaluationColumn Col(string name, SdType sdType) => new(name, sdType);

    /// <summary>A table from columns and column-wise values (all columns the same length).</summary>
    public static EvaluationTable Table(string name, EvaluationColumn[] columns, string[] primaryKey, params object?[][] columnValues)
    {
        var rows = Enumerable.Range(0, columnValues.Length == 0 ? 0 : columnValues[0].Length)
            .Select(r => columnValues.Select(c => c[r]).ToArray())
            .ToArray();
        return new EvaluationTable(name, columns, primaryKey, [], rows);
    }

    public static object?[] Values(params object?[] values) => values;

    public static object?[] Longs(params long[] values) => values.Select(v => (object?)v).ToArray();

    public static object?[] Dates(params string[] isoDates) =>
        isoDates.Select(d => (object?)DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>REFERENCE §8's end-to-end schema: users(user_id, age, country, signup) and orders(order_id, user_id → users, amount, paid).</summary>
    public static (EvaluationDataset Real, EvaluationDataset Synthetic) EndToEnd(bool relationships = true, bool emptySyntheticOrders = false)
    {
        EvaluationColumn[] users =
        [
            Col("user_id", SdType.Id), Col("age", SdType.Numerical), Col("country", SdType.Categorical), Col("signup", SdType.Datetime),
        ];
        EvaluationColumn[] orders =
        [
            Col("order_id", SdType.Id), Col("user_id", SdType.Id), Col("amount", SdType.Numerical), Col("paid", SdType.Boolean),
        ];
        var rels = relationships ? new[] { new EvaluationRelationship("users", ["user_id"], "orders", ["user_id"]) } : [];

        var realUsers = Table("users", users, ["user_id"],
            Longs(1, 2, 3, 4), Longs(20, 30, 40, 50), Values("US", "US", "FR", "FR"),
            Dates("2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"));
        var synthUsers = Table("users", users, ["user_id"],
            Longs(1, 2, 3, 4), Longs(25, 30, 45, 60), Values("US", "FR", "FR", "FR"),
            Dates("2020-01-15", "2020-02-01", "2020-03-01", "2020-05-01"));
        var realOrders = Table("orders", orders, ["order_id"],
            Longs(1, 2, 3, 4, 5, 6), Longs(1, 1, 2, 3, 3, 3), Longs(10, 20, 15, 30, 35, 40), Values(true, true, false, true, false, true));
        var synthOrders = emptySyntheticOrders
            ? realOrders with { Rows = [] }
            : Table("orders", orders, ["order_id"],
                Longs(1, 2, 3, 4, 5, 6), Longs(1, 2, 2, 3, 4, 4), Longs(12, 20, 18, 30, 50, 45), Values(true, false, false, true, true, true));
        return (new EvaluationDataset([realUsers, realOrders], rels), new EvaluationDataset([synthUsers, synthOrders], rels));
    }
}
