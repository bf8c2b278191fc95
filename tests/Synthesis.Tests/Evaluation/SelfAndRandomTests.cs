using System.Text.Json;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Xunit;
using static Sdv.Connector.Synthesis.Tests.Evaluation.Data;

namespace Sdv.Connector.Synthesis.Tests.Evaluation;

/// <summary>Whole evaluations: data against itself, against random data of the right types, sampling, and the JSON shape.</summary>
public sealed class SelfAndRandomTests
{
    [Fact]
    public void Real_data_against_itself_scores_one_and_every_row_is_an_exact_match()
    {
        var (real, _) = Generated(rows: 300, seed: 1);

        var result = Evaluator.Evaluate(real, real);

        Assert.Equal(1.0, result.Quality.Overall!.Value, Tolerance);
        Assert.All(result.Quality.Properties.Values, p => Assert.Equal(1.0, p!.Value, Tolerance));
        Assert.Equal(1.0, result.Diagnostic.Overall!.Value, Tolerance);
        Assert.All(result.Diagnostic.Properties.Values, p => Assert.Equal(1.0, p!.Value, Tolerance));
        Assert.Equal(1.0, result.Privacy.ExactMatchRate!.Value, Tolerance);
        Assert.Equal(result.Privacy.ExactMatch.SyntheticRows, result.Privacy.ExactMatch.Matches);
        Assert.Equal(1.0, result.Privacy.PiiLeaks.Rate!.Value, Tolerance);
    }

    [Fact]
    public void The_end_to_end_example_against_itself_scores_one()
    {
        var (real, _) = EndToEnd();

        var result = Evaluator.Evaluate(real, real);

        Assert.Equal(1.0, result.Quality.Overall!.Value, Tolerance);
        Assert.Equal(1.0, result.Diagnostic.Overall!.Value, Tolerance);
        Assert.Equal(1.0, result.Privacy.ExactMatchRate!.Value, Tolerance);
    }

    [Fact]
    public void Random_values_of_the_right_types_score_low()
    {
        var (real, random) = Generated(rows: 300, seed: 2);

        var result = Evaluator.Evaluate(real, random);

        Assert.InRange(result.Quality.Overall!.Value, 0.0, 0.5);
        Assert.InRange(result.Quality.Properties["Column Shapes"]!.Value, 0.0, 0.35);
        Assert.InRange(result.Diagnostic.Properties["Data Validity"]!.Value, 0.0, 0.6);
        Assert.Equal(0.0, result.Privacy.ExactMatchRate!.Value, Tolerance);
        Assert.Equal(0, result.Privacy.PiiLeaks.Leaks);
    }

    [Fact]
    public void Every_row_is_used_and_only_the_distance_samples_are_noted()
    {
        var (real, random) = Generated(rows: 400, seed: 3);
        var options = new EvaluationOptions { DcrMaxRows = 50, Seed = 7 };
        var request = new EvaluationRequest(Synthesis.Evaluation.Privacy.HoldoutRule.Create(0.25, 3));

        var plain = Evaluator.Evaluate(real, random, options);
        var first = Evaluator.Evaluate(real, random, options, request);
        var second = Evaluator.Evaluate(real, random, options, request);

        Assert.Empty(plain.Sampling);
        Assert.All(first.Sampling, n => Assert.StartsWith("distance to closest record", n.Purpose, StringComparison.Ordinal));
        Assert.Contains(first.Sampling, n => n.Table == "people" && n.Side == "synthetic" && n.Rows == 400 && n.RowsUsed == 50);
        Assert.Equal(EvaluationJson.Serialize(first), EvaluationJson.Serialize(second));
        Assert.Equal(plain.Quality.Properties["Column Shapes"], first.Quality.Properties["Column Shapes"]);
    }

    [Fact]
    public void Json_has_the_documented_stable_shape()
    {
        var (real, synthetic) = EndToEnd();
        using var json = JsonDocument.Parse(EvaluationJson.Serialize(Evaluator.Evaluate(real, synthetic)));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(0.707497975640563, root.GetProperty("quality").GetProperty("overall").GetDouble(), Tolerance);
        Assert.Equal(0.75, root.GetProperty("quality").GetProperty("properties").GetProperty("Cardinality").GetDouble(), Tolerance);
        Assert.Equal(0.9603174603174603, root.GetProperty("diagnostic").GetProperty("overall").GetDouble(), Tolerance);
        Assert.Equal(1.0, root.GetProperty("diagnostic").GetProperty("properties").GetProperty("Data Structure").GetDouble(), Tolerance);
        var privacy = root.GetProperty("privacy");
        foreach (var key in new[] { "exactMatchRate", "exactMatch", "dcr", "piiLeaks", "rareCategoryLeaks", "warnings" })
        {
            Assert.True(privacy.TryGetProperty(key, out _), key);
        }

        var shape = root.GetProperty("quality").GetProperty("columnShapes")[0];
        Assert.Equal("users", shape.GetProperty("table").GetString());
        Assert.Equal("age", shape.GetProperty("column").GetString());
        Assert.Equal("KSComplement", shape.GetProperty("metric").GetString());

        // A skipped pair keeps every key, with null for the score SDMetrics reports as NaN.
        var skipped = root.GetProperty("quality").GetProperty("intertableTrends").EnumerateArray()
            .Single(p => p.GetProperty("column1").GetString() == "country" && p.GetProperty("column2").GetString() == "paid");
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("score").ValueKind);
        Assert.False(skipped.GetProperty("meetsThreshold").GetBoolean());
        Assert.Equal("int64", root.GetProperty("diagnostic").GetProperty("dataStructure")[1].GetProperty("realDtypes").GetProperty("amount").GetString());
        Assert.Equal(2, root.GetProperty("tables").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("sampling").ValueKind);
    }

    [Fact]
    public void Worst_columns_and_pairs_come_lowest_first()
    {
        var (real, synthetic) = EndToEnd();
        var quality = Evaluator.Evaluate(real, synthetic).Quality;

        Assert.Equal("amount", quality.WorstColumns(1).Single().Column);
        var worst = quality.WorstPairs(3);
        Assert.Equal(3, worst.Count);
        Assert.True(worst.Zip(worst.Skip(1)).All(p => p.First.Score <= p.Second.Score));
    }

    /// <summary>
    /// A people table (id, age, income tied to age, city tied to age, joined date, active flag, email)
    /// and a synthetic one of random values of the same types, far from the real ranges and categories.
    /// </summary>
    private static (EvaluationDataset Real, EvaluationDataset Random) Generated(int rows, int seed)
    {
        EvaluationColumn[] columns =
        [
            Col("id", SdType.Id), Col("age", SdType.Numerical), Col("income", SdType.Numerical), Col("city", SdType.Categorical),
            Col("joined", SdType.Datetime), Col("active", SdType.Boolean), Col("email", SdType.Pii),
        ];
        var random = new Random(seed);
        string[] cities = ["Lyon", "Oslo", "Kyiv", "Lima"];
        var real = Enumerable.Range(0, rows).Select(i =>
        {
            var age = 20 + random.Next(50);
            return new object?[]
            {
                (long)i, (long)age, (age * 1000.0) + random.Next(5000), cities[age / 13 % 4],
                new DateTime(2015, 1, 1).AddDays(age * 30 + random.Next(30)), age > 40, $"p{i}@example.com",
            };
        }).ToArray();
        var synthetic = Enumerable.Range(0, rows).Select(i => new object?[]
        {
            (long)i, (long)(200 + random.Next(1000)), random.NextDouble() * -1e6, $"town{random.Next(1000)}",
            new DateTime(1990, 1, 1).AddDays(random.Next(3000)), random.Next(2) == 0, $"x{random.Next()}@random.org",
        }).ToArray();
        return (
            new EvaluationDataset([new EvaluationTable("people", columns, ["id"], [], real)], []),
            new EvaluationDataset([new EvaluationTable("people", columns, ["id"], [], synthetic)], []));
    }
}
