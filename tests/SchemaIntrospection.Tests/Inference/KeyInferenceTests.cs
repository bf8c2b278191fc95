using Sdv.Connector.SchemaIntrospection.Inference;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Inference;

public sealed class KeyInferenceTests
{
    /// <summary>Data held in memory, answering the checks as the source's SQL would.</summary>
    private sealed class Data(Dictionary<string, Dictionary<string, long?[]>> tables) : IKeyDataChecks
    {
        public Task<bool> IsUniqueAsync(TableSchema table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
        {
            var rows = tables[table.Name.Name];
            var tuples = Enumerable.Range(0, rows.Values.First().Length).Select(i => string.Join("|", columns.Select(c => rows[c][i]))).ToList();
            var nulls = Enumerable.Range(0, tuples.Count).Any(i => columns.Any(c => rows[c][i] is null));
            return Task.FromResult(!nulls && tuples.Distinct().Count() == tuples.Count);
        }

        public Task<KeyEvidence> InclusionAsync(TableSchema child, string column, TableSchema parent, string parentColumn, string rule, CancellationToken cancellationToken)
        {
            var values = tables[child.Name.Name][column].Where(v => v is not null).Distinct().ToList();
            var keys = tables[parent.Name.Name][parentColumn].ToHashSet();
            // As the source's check: 0 that no parent holds is the "no parent" value, counted apart.
            var marker = values.Contains(0L) && !keys.Contains(0L) ? 1 : 0;
            return Task.FromResult(new KeyEvidence(rule) { Values = values.Count - marker, Orphans = values.Count(v => !keys.Contains(v)) - marker, NoParentValue = marker == 1 ? "0" : null });
        }
    }

    private static long?[] Range(int from, int count) => Enumerable.Range(from, count).Select(i => (long?)i).ToArray();

    private static (DatabaseSchema Schema, Data Data) Shop(long?[] customerIds, long?[]? referredBy = null)
    {
        var schema = new SchemaBuilder()
            .Table("customer", Int("id"), Int("referred_by", nullable: true))
            .Table("orders", Int("order_id"), Int("customer_id"), Int("coupon_id"))
            .Table("coupon", Int("id"))
            .Build();
        schema = schema with { Tables = schema.Tables.Select(t => t with { PrimaryKey = null }).ToList() };
        var data = new Data(new()
        {
            ["customer"] = new() { ["id"] = Range(1, 40), ["referred_by"] = referredBy ?? Range(0, 40).Select(i => i % 4 == 0 ? null : (long?)(i % 5 + 1)).ToArray() },
            ["orders"] = new() { ["order_id"] = Range(1, 40), ["customer_id"] = customerIds, ["coupon_id"] = Range(500, 40) },
            ["coupon"] = new() { ["id"] = Range(1, 5) },
        });
        return (schema, data);
    }

    [Fact]
    public async Task Keys_are_inferred_and_a_name_match_the_data_refute_is_not()
    {
        var (schema, data) = Shop(Range(0, 40).Select(v => (long?)(v % 10 + 1)).ToArray());
        var inferred = await KeyInference.InferAsync(schema, data, CancellationToken.None);
        Assert.Equal(["id"], inferred.Table(new(null, "customer")).PrimaryKey!.Columns);
        Assert.Equal(["order_id"], inferred.Table(new(null, "orders")).PrimaryKey!.Columns);
        Assert.Equal(
            ["customer(referred_by) -> customer(id)", "orders(customer_id) -> customer(id)"],
            inferred.ForeignKeys.Select(f => f.ToString()).Order(StringComparer.Ordinal));
        Assert.All(inferred.ForeignKeys, f => Assert.True(f.IsEnforced));
        var evidence = inferred.ForeignKeys.Single(f => f.Columns[0] == "customer_id").Inference!;
        Assert.Equal((10L, 0L, 1.0), (evidence.Values!.Value, evidence.Orphans!.Value, evidence.InclusionRate));
        Assert.Contains(inferred.Warnings, w => w.Contains("orders.coupon_id is named like a key of coupon.id, but 100 %", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_few_orphans_keep_the_relationship_unenforced_and_many_drop_it()
    {
        // One of 40 distinct values (2.5%) has no customer: modelled, not a constraint.
        var few = Range(1, 39).Append(99).ToArray();
        var (schema, data) = Shop(few);
        var fk = (await KeyInference.InferAsync(schema, data, CancellationToken.None)).ForeignKeys.Single(f => f.Columns[0] == "customer_id");
        Assert.False(fk.IsEnforced);
        Assert.Equal(1L, fk.Inference!.Orphans);

        (schema, data) = Shop(Range(21, 40));
        var inferred = await KeyInference.InferAsync(schema, data, CancellationToken.None);
        Assert.DoesNotContain(inferred.ForeignKeys, f => f.Columns[0] == "customer_id");
    }

    [Fact]
    public async Task Zero_for_no_parent_is_read_as_such_and_the_key_is_inferred_unenforced()
    {
        // A quarter of the orders have customer 0 (one of 11 distinct values: 9% orphans, refused before), a referrer 0 where none.
        var (schema, data) = Shop(
            Range(0, 40).Select(v => (long?)(v % 4 == 0 ? 0 : (v % 10) + 1)).ToArray(),
            Range(0, 40).Select(i => i % 4 == 0 ? 0 : (long?)((i % 5) + 1)).ToArray());
        var inferred = await KeyInference.InferAsync(schema, data, CancellationToken.None);
        Assert.Equal(
            ["customer(referred_by) -> customer(id) 0", "orders(customer_id) -> customer(id) 0"],
            inferred.ForeignKeys.Select(f => $"{f} {f.NoParentValue}").Order(StringComparer.Ordinal));
        Assert.All(inferred.ForeignKeys, f => Assert.False(f.IsEnforced));
        Assert.All(inferred.ForeignKeys, f => Assert.Equal(0L, f.Inference!.Orphans));
        Assert.DoesNotContain(inferred.Warnings, w => w.Contains("customer_id", StringComparison.Ordinal));

        // Nothing but 0: it points at no row, so no key.
        (schema, data) = Shop(Range(0, 40).Select(_ => (long?)0).ToArray());
        Assert.DoesNotContain((await KeyInference.InferAsync(schema, data, CancellationToken.None)).ForeignKeys, f => f.Columns[0] == "customer_id");
    }

    [Fact]
    public async Task Declared_keys_are_never_changed_and_a_table_with_declared_keys_gets_none_inferred()
    {
        var (schema, data) = Shop(Range(0, 40).Select(v => (long?)(v % 10 + 1)).ToArray());
        var orders = schema.Table(new(null, "orders"));
        schema = schema with
        {
            Tables = schema.Tables.Select(t => t.Name.Name == "orders"
                ? t with { PrimaryKey = new KeySchema("pk_orders", ["coupon_id"]), ForeignKeys = [new ForeignKeySchema { Name = "fk", Table = orders.Name, Columns = ["coupon_id"], PrincipalTable = new(null, "coupon"), PrincipalColumns = ["id"] }] }
                : t).ToList(),
        };
        var inferred = await KeyInference.InferAsync(schema, data, CancellationToken.None);
        var after = inferred.Table(new(null, "orders"));
        Assert.Equal("pk_orders", after.PrimaryKey!.Name);
        Assert.Null(after.PrimaryKey.Inference);
        Assert.Equal("fk", Assert.Single(after.ForeignKeys).Name);
    }

    [Fact]
    public async Task A_link_table_gets_the_pair_of_its_references_as_key()
    {
        var schema = new SchemaBuilder().Table("product", Int("id")).Table("tag", Int("id")).Table("product_tag", Int("product_id"), Int("tag_id")).Build();
        schema = schema with { Tables = schema.Tables.Select(t => t with { PrimaryKey = null }).ToList() };
        var data = new Data(new()
        {
            ["product"] = new() { ["id"] = Range(1, 4) },
            ["tag"] = new() { ["id"] = Range(1, 3) },
            // tag_id alone happens to be unique here; a column named after another table is the key only where no pair is.
            ["product_tag"] = new() { ["product_id"] = [1, 1, 2], ["tag_id"] = [1, 2, 3] },
        });
        var inferred = await KeyInference.InferAsync(schema, data, CancellationToken.None);
        Assert.Equal(["product_id", "tag_id"], inferred.Table(new(null, "product_tag")).PrimaryKey!.Columns);
        Assert.Equal(2, inferred.Table(new(null, "product_tag")).ForeignKeys.Count);
    }
}
