using System.Globalization;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.IntegrationTests.Cloning.CloneQueries;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>
/// <c>sample --scale F</c> of Chinook, Northwind and the generated clinic (each fitted once per run, from SQLite)
/// into one target engine, bound by a sealed subclass: every table's rows against F × the source's, every foreign
/// key declared and without orphans, no branch empty where the source's is not; and <c>--scale-reference</c>.
/// </summary>
public abstract class ScaleSuite<TTarget>(TTarget target) : IClassFixture<TTarget>
    where TTarget : EngineFixture
{
    [SkippableTheory]
    [MemberData(nameof(ScaleCases.Scales), MemberType = typeof(ScaleCases))]
    public async Task Every_table_has_the_scale_times_its_rows_and_every_key_holds(string dataset, double factor)
    {
        var source = await ScaleDataset.GetAsync(dataset);
        await using var clone = await SampleAsync(source, factor);
        var rows = await CountsAsync(clone, source);
        var problems = new List<string>();
        foreach (var (table, sourceRows) in source.Rows)
        {
            var expected = source.Expected(table, factor);
            var actual = rows[table];
            var exact = source.References.Contains(table) || !source.Parents.ContainsKey(table);
            var ok = exact ? actual == expected : Math.Abs(actual - expected) <= Math.Max(2, 0.1 * expected) && (expected < 0.5 || actual >= 1);
            if (!ok) problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} rows, expected {2}{3:0.#} (source {4:N0})", table, actual, exact ? "" : "about ", expected, sourceRows));
        }

        Assert.True(problems.Count == 0, $"{dataset} at --scale {factor}:\n  " + string.Join("\n  ", problems) + "\n" + clone.Run);
        await AssertKeysHoldAsync(clone, source);
        // No empty branch: every child expecting half a row or more has rows under a parent that has rows.
        foreach (var (child, parent) in source.Parents.Where(p => factor * source.Rows[p.Key] >= 0.5))
        {
            Assert.True(await JoinedAsync(clone, source, child, parent) >= 1, $"{dataset} at --scale {factor}: no {child} row under a {parent} row");
        }
    }

    [SkippableTheory]
    [InlineData("chinook")]
    [InlineData("clinic")]
    public async Task Scale_reference_keeps_a_verbatim_subset_of_each_lookup_and_every_key_holds(string dataset)
    {
        var source = await ScaleDataset.GetAsync(dataset);
        await using var clone = await SampleAsync(source, 0.3, "--scale-reference");
        var rows = await CountsAsync(clone, source);
        foreach (var table in source.References)
        {
            Assert.Equal(source.Expected(table, 0.3, scaleReferences: true), rows[table]);
            // Each kept row is a source row (but for keys into another scaled lookup, pointed at a kept row).
            var real = await ReferenceRowsAsync(source.Source, await IntrospectAsync(source.Source), source, table);
            Assert.All(await ReferenceRowsAsync(clone.Database, clone.Schema, source, table), row => Assert.Contains(row, real));
        }

        foreach (var table in source.Rows.Keys.Where(t => !source.References.Contains(t) && source.Rows[t] > 0))
        {
            var expected = source.Expected(table, 0.3);
            Assert.True(Math.Abs(rows[table] - expected) <= Math.Max(2, 0.1 * expected), $"{table}: {rows[table]} rows, expected about {expected}\n{clone.Run}");
        }

        await AssertKeysHoldAsync(clone, source);
    }

    [SkippableFact]
    public async Task Above_scale_one_scale_reference_keeps_the_lookups_whole_and_says_why()
    {
        var source = await ScaleDataset.GetAsync("chinook");
        await using var clone = await SampleAsync(source, 2, "--scale-reference");
        var rows = await CountsAsync(clone, source);
        foreach (var table in source.References) Assert.Equal(source.Rows[table], rows[table]);
        Assert.Equal(2 * source.Rows["Artist"], rows["Artist"]);
        Assert.Contains("--scale-reference: the reference tables (Genre, MediaType, Playlist) are copied whole at --scale 2: their keys are the source's, so a row cannot be copied twice.",
            clone.Run.Output, StringComparison.Ordinal);
        await AssertKeysHoldAsync(clone, source);
    }

    /// <summary>A sampled target, the run that wrote it, and its schema as introspected once.</summary>
    private sealed record Clone(TestDatabase Database, CliRun Run, DatabaseSchema Schema) : IAsyncDisposable
    {
        /// <summary>The name the clone gave a table of the source (MariaDB may fold its case).</summary>
        public string NameOf(string table) => Schema.Tables.Select(t => t.Name.Name).First(n => string.Equals(n, table, StringComparison.OrdinalIgnoreCase));

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private async Task<Clone> SampleAsync(ScaleDataset source, double factor, params string[] options)
    {
        Skip.If(target.SkipReason is not null, target.SkipReason);
        var database = await target.CreateDatabaseAsync();
        try
        {
            var run = await CliRun.RunAsync(["sample", "--model", source.ModelFile, "--target", DatabaseUrl.For(database), "--seed", "42",
                "--scale", factor.ToString(CultureInfo.InvariantCulture), .. options]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return new Clone(database, run, await IntrospectAsync(database));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rows of every table of the source in the clone, found by name (whatever case the engine gave it).</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(Clone clone, ScaleDataset source)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in source.Rows.Keys) counts[table] = await CountAsync(clone.Database, clone.NameOf(table));
        return counts;
    }

    /// <summary>Every foreign key of the source is declared in the clone, and no row of the clone points at a missing parent.</summary>
    private static async Task AssertKeysHoldAsync(Clone target, ScaleDataset source)
    {
        var (clone, schema) = (target.Database, target.Schema);
        static string Describe(ForeignKeySchema f) =>
            $"{f.Table.Name}({string.Join(",", f.Columns)})->{f.PrincipalTable.Name}({string.Join(",", f.PrincipalColumns)})".ToUpperInvariant();
        Assert.Equal(source.ForeignKeys.Select(Describe).Order(), schema.ForeignKeys.Select(Describe).Order());
        foreach (var fk in schema.ForeignKeys)
        {
            string Q(string identifier) => Quote(clone.Engine, identifier);
            var present = string.Join(" AND ", fk.Columns.Select(c => $"c.{Q(c)} IS NOT NULL"));
            var match = string.Join(" AND ", fk.Columns.Select((c, i) => $"p.{Q(fk.PrincipalColumns[i])} = c.{Q(c)}"));
            var orphans = await LongAsync(clone,
                $"SELECT COUNT(*) FROM {Q(fk.Table.Name)} c WHERE {present} AND NOT EXISTS (SELECT 1 FROM {Q(fk.PrincipalTable.Name)} p WHERE {match})");
            Assert.True(orphans == 0, $"{fk}: {orphans} orphan(s)");
        }
    }

    /// <summary>Rows of <paramref name="child"/> joined to their primary parent's rows in the clone.</summary>
    private static async Task<long> JoinedAsync(Clone clone, ScaleDataset source, string child, string parent)
    {
        var fk = source.ForeignKeys.First(f => f.Table.Name == child && f.PrincipalTable.Name == parent);
        string Q(string identifier) => Quote(clone.Database.Engine, identifier);
        var match = string.Join(" AND ", fk.Columns.Select((c, i) => $"p.{Q(fk.PrincipalColumns[i])} = c.{Q(c)}"));
        return await LongAsync(clone.Database, $"SELECT COUNT(*) FROM {Q(clone.NameOf(child))} c JOIN {Q(clone.NameOf(parent))} p ON {match}");
    }

    /// <summary>A lookup's rows as text, without the keys that point into another lookup (those are repointed when it is scaled).</summary>
    private static async Task<List<string>> ReferenceRowsAsync(TestDatabase database, DatabaseSchema tables, ScaleDataset source, string table)
    {
        var pointers = source.ForeignKeys.Where(f => f.Table.Name == table).SelectMany(f => f.Columns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var schema = tables.Tables.First(t => string.Equals(t.Name.Name, table, StringComparison.OrdinalIgnoreCase));
        var columns = schema.Columns.Where(c => !pointers.Contains(c.Name)).Select(c => Quote(database.Engine, c.Name));
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {Quote(database.Engine, schema.Name.Name)}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
