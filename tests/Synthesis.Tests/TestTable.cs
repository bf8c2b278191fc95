using MathNet.Numerics.Distributions;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Tests;

/// <summary>
/// A generated table with known marginals (normal, skewed, bimodal, integer counts, dates, 2 and
/// 50 categories, 30% NULLs) joined by a Gaussian copula of known correlation, plus keys, pii,
/// rare categories and CHECK constraints.
/// </summary>
internal static class TestTable
{
    public static readonly string[] Columns =
    [
        "id", "invoice", "normal", "skewed", "bimodal", "counts", "day", "flag", "cat50", "nullable", "status", "lo", "hi",
        "email", "rare_cat", "alt_a", "alt_b", "customer_id", "notes",
    ];

    public static TableSchema Schema() => new()
    {
        Name = new QualifiedName("public", "orders"),
        Columns =
        [
            Col("id", LogicalType.Int64, false),
            Col("invoice", LogicalType.String, false) with { MaxLength = 20, SdType = SdType.Id },
            Col("normal", LogicalType.Float64, false),
            Col("skewed", LogicalType.Decimal, false) with { Precision = 12, Scale = 2 },
            Col("bimodal", LogicalType.Float64, false),
            Col("counts", LogicalType.Int32, false),
            Col("day", LogicalType.Date, false),
            Col("flag", LogicalType.String, false) with { MaxLength = 3 },
            Col("cat50", LogicalType.String, false) with { MaxLength = 10 },
            Col("nullable", LogicalType.Float64, true),
            Col("status", LogicalType.String, false) with { MaxLength = 1 },
            Col("lo", LogicalType.Int32, false),
            Col("hi", LogicalType.Int32, false),
            Col("email", LogicalType.String, true) with { MaxLength = 60, SdType = SdType.Pii, PiiKind = PiiKind.Email },
            Col("rare_cat", LogicalType.String, false) with { MaxLength = 16 },
            Col("alt_a", LogicalType.String, true) with { MaxLength = 8 },
            Col("alt_b", LogicalType.String, true) with { MaxLength = 8 },
            Col("customer_id", LogicalType.Int64, true),
            Col("notes", LogicalType.Text, true) with { SdType = SdType.Text },
        ],
        PrimaryKey = new KeySchema("orders_pkey", ["id"]),
        UniqueKeys = [new KeySchema("orders_invoice_key", ["invoice"])],
        ForeignKeys =
        [
            new ForeignKeySchema { Table = new("public", "orders"), Columns = ["customer_id"], PrincipalTable = new("public", "customer"), PrincipalColumns = ["id"] },
        ],
        CheckConstraints =
        [
            new CheckConstraintSchema("skewed_positive", "((skewed > (0)::numeric))"),
            new CheckConstraintSchema("status_in", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying, 'c'::character varying])::text[]))"),
            new CheckConstraintSchema("lo_hi", "([lo]<[hi])"),
            new CheckConstraintSchema("alt", "`alt_a` IS NOT NULL OR `alt_b` IS NOT NULL"),
            new CheckConstraintSchema("counts_range", "counts BETWEEN 0 AND 500"),
        ],
    };

    public static ColumnSchema Col(string name, LogicalType type, bool nullable) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

    /// <summary>Latent correlation of (normal, skewed, bimodal, counts, day, nullable).</summary>
    public static readonly double[,] Latent =
    {
        { 1.0, 0.6, 0.3, 0.0, 0.0, 0.5 },
        { 0.6, 1.0, 0.0, 0.4, 0.0, 0.0 },
        { 0.3, 0.0, 1.0, 0.0, -0.3, 0.0 },
        { 0.0, 0.4, 0.0, 1.0, 0.0, 0.0 },
        { 0.0, 0.0, -0.3, 0.0, 1.0, 0.0 },
        { 0.5, 0.0, 0.0, 0.0, 0.0, 1.0 },
    };

    public static List<object?[]> Rows(int n, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var chol = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(Latent).Cholesky().Factor;
        var rows = new List<object?[]>(n);
        var zipf = Enumerable.Range(1, 50).Select(static k => 1.0 / k).ToArray();
        var zipfTotal = zipf.Sum();
        for (var i = 0; i < n; i++)
        {
            var e = new double[6];
            for (var k = 0; k < 6; k++)
            {
                e[k] = random.NextNormal();
            }

            var g = new double[6];
            for (var a = 0; a < 6; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    g[a] += chol[a, b] * e[b];
                }
            }

            var lo = random.NextInt(100);
            var u = random.NextDouble() * zipfTotal;
            var cat = 0;
            while (u > zipf[cat] && cat < 49)
            {
                u -= zipf[cat];
                cat++;
            }

            var altChoice = random.NextInt(3);
            rows.Add(
            [
                (long)(i + 1000),
                $"INV-{i + 1:D6}",
                50 + (10 * g[0]),
                Math.Round((decimal)Math.Exp(3 + (0.8 * g[1])), 2),
                (g[2] < 0 ? -5 : 5) + g[2],
                (long)Math.Floor(Math.Exp(1.2 + (0.6 * g[3]))),
                new DateOnly(2020, 1, 1).AddDays((int)(730 * Normal.CDF(0, 1, g[4]))),
                random.NextDouble() < 0.7 ? "yes" : "no",
                $"c{cat:D2}",
                random.NextDouble() < 0.3 ? null : 100 + (20 * g[5]),
                random.NextDouble() < 0.5 ? "a" : random.NextDouble() < 0.5 ? "b" : "c",
                (long)lo,
                (long)(lo + 1 + random.NextInt(50)),
                random.NextDouble() < 0.1 ? null : $"person{i}.secret@realcorp-{i % 97}.example",
                i % 500 == 0 ? $"RARE_{i}_zq" : random.NextDouble() < 0.5 ? "common_one" : "common_two",
                altChoice == 0 ? null : "A" + random.NextInt(9),
                altChoice == 1 ? null : "B" + random.NextInt(9),
                (long)random.NextInt(300),
                random.NextDouble() < 0.2 ? null : $"Confidential note {100_000_000 + random.NextInt(900_000_000)}: customer said something private",
            ]);
        }

        return rows;
    }

    public static async IAsyncEnumerable<object?[]> AsAsync(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
