using System.Globalization;
using System.Text;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>
/// A customers/orders database written with plain SQL in any engine: realistic values (correlated
/// age, income and order amounts; a few countries and one rare one; a planted e-mail marker), or
/// random values of the same types. The same seed writes the same rows in every engine.
/// </summary>
internal static class EvaluationData
{
    public const string MarkerEmail = "planted.marker@leak-test.example";
    public const string RareCountry = "Atlantis";
    public const int Customers = 200;

    /// <summary>Columns the report plots: customers age, income, country, signup; orders amount, status, ordered_on.</summary>
    public const int PlottedColumns = 7;

    public static async Task CreateAsync(TestDatabase db, string customers = "customers", string orders = "orders", bool random = false, int seed = 42)
    {
        string Q(string name) => db.Engine == DatabaseEngine.MySql ? $"`{name}`" : $"\"{name}\"";
        var (id, text, integer, real, date) = db.Engine switch
        {
            DatabaseEngine.PostgreSql => ("bigint PRIMARY KEY", "text", "bigint", "double precision", "date"),
            DatabaseEngine.MySql => ("BIGINT PRIMARY KEY", "VARCHAR(200)", "BIGINT", "DOUBLE", "DATE"),
            _ => ("INTEGER PRIMARY KEY", "TEXT", "INTEGER", "REAL", "DATE"),
        };
        await db.ExecuteAsync(
            $"CREATE TABLE {Q(customers)} ({Q("id")} {id}, {Q("email")} {text} NOT NULL, {Q("age")} {integer}, {Q("income")} {real}, {Q("country")} {text}, {Q("signup")} {date})\n;;\n"
            + $"CREATE TABLE {Q(orders)} ({Q("id")} {id}, {Q("customer_id")} {integer} NOT NULL REFERENCES {Q(customers)} ({Q("id")}), {Q("amount")} {real}, {Q("status")} {text}, {Q("ordered_on")} {date})").ConfigureAwait(false);

        var rng = new Random(seed);
        string[] countries = ["US", "US", "US", "DE", "DE", "FR", "UK", "JP"];
        string[] statuses = ["paid", "paid", "paid", "open", "refunded"];
        var customerRows = new List<string>();
        var orderRows = new List<string>();
        var orderId = 1;
        for (var c = 1; c <= Customers; c++)
        {
            var age = random ? rng.Next(0, 1_000_000) : rng.Next(18, 80);
            var income = random ? (rng.NextDouble() * 2e9) - 1e9 : (age * 1000.0) + (rng.NextDouble() * 5000);
            var country = random ? "c" + rng.Next(100_000).ToString(CultureInfo.InvariantCulture) : c == 7 ? RareCountry : countries[rng.Next(countries.Length)];
            var signup = random ? new DateOnly(1900, 1, 1).AddDays(rng.Next(73_000)) : new DateOnly(2015, 1, 1).AddDays(rng.Next(3000));
            var email = c == 1 && !random ? MarkerEmail : random ? $"x{rng.Next()}@random.example" : $"user{c}@example.com";
            customerRows.Add($"({c}, {S(email)}, {age}, {D(income)}, {S(country)}, {S(signup.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))})");
            var children = random ? rng.Next(0, 9) : rng.Next(0, 6);
            for (var k = 0; k < children; k++)
            {
                var amount = random ? rng.NextDouble() * 1e7 : (age * 2.0) + (rng.NextDouble() * 20);
                var status = random ? "s" + rng.Next(100_000).ToString(CultureInfo.InvariantCulture) : statuses[rng.Next(statuses.Length)];
                var on = random ? new DateOnly(1900, 1, 1).AddDays(rng.Next(73_000)) : signup.AddDays(rng.Next(1, 400));
                orderRows.Add($"({orderId++}, {c}, {D(amount)}, {S(status)}, {S(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))})");
            }
        }

        await db.ExecuteAsync($"INSERT INTO {Q(customers)} VALUES {string.Join(", ", customerRows)}").ConfigureAwait(false);
        foreach (var chunk in orderRows.Chunk(500))
            await db.ExecuteAsync($"INSERT INTO {Q(orders)} VALUES {string.Join(", ", chunk)}").ConfigureAwait(false);
    }

    /// <summary>The command-line arguments naming a test database for a role ("real" or "synthetic").</summary>
    public static string[] Endpoint(TestDatabase db, string role) => db.Engine switch
    {
        DatabaseEngine.Sqlite => [$"--{role}", db.Name],
        DatabaseEngine.PostgreSql => [$"--{role}", db.ConnectionString, $"--{role}-engine", "postgresql"],
        DatabaseEngine.MySql => [$"--{role}", db.ConnectionString, $"--{role}-engine", "mariadb"],
        _ => [$"--{role}", db.ConnectionString, $"--{role}-engine", "sqlserver"],
    };

    private static string S(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
