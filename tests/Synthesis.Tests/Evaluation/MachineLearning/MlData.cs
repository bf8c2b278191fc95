using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Synthesis.Tests.Evaluation.MachineLearning;

/// <summary>
/// people(id, email, age, income, region, joined, member, tier, spend): income follows age, tier follows
/// income (bronze/silver/gold thresholds), spend follows age and region; or the same columns filled with
/// independent random values.
/// </summary>
internal static class MlData
{
    public static EvaluationTable People(int rows, int seed, bool random = false)
    {
        EvaluationColumn[] columns =
        [
            new("id", SdType.Id), new("email", SdType.Pii), new("age", SdType.Numerical), new("income", SdType.Numerical),
            new("region", SdType.Categorical), new("joined", SdType.Datetime), new("member", SdType.Boolean),
            new("tier", SdType.Categorical), new("spend", SdType.Numerical),
        ];
        string[] regions = ["north", "south", "east", "west"];
        string[] tiers = ["bronze", "silver", "gold"];
        var rng = new Random(seed);
        var data = new List<object?[]>();
        for (var i = 0; i < rows; i++)
        {
            var age = rng.Next(18, 80);
            var income = random ? rng.NextDouble() * 100_000 : (age * 1000.0) + (rng.NextDouble() * 4000);
            var region = regions[rng.Next(regions.Length)];
            var tier = random ? tiers[rng.Next(3)] : income < 40_000 ? "bronze" : income < 62_000 ? "silver" : "gold";
            var spend = random ? rng.NextDouble() * 500 : (3.0 * age) + (Array.IndexOf(regions, region) * 40.0) + (rng.NextDouble() * 10);

            // Some incomes are NULL (imputed, flagged); the rule above still gave the tier from the true value.
            object? incomeCell = i % 17 == 0 ? null : income;
            var joined = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(rng.Next(3000));
            data.Add([(long)i + 1, $"user{i}@example.com", (long)age, incomeCell, region, joined, rng.Next(2) == 0, tier, spend]);
        }

        return new EvaluationTable("people", columns, ["id"], [], data);
    }
}
