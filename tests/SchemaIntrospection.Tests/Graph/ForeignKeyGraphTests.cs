using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Graph;

public sealed class ForeignKeyGraphTests
{
    private static string[] Order(ForeignKeyGraph graph) => graph.ParentFirstOrder.Select(n => n.Name).ToArray();

    [Fact]
    public void Orders_parents_before_children_at_every_depth()
    {
        var schema = new SchemaBuilder()
            .Table("track", "id", "album_id").Table("album", "id", "artist_id").Table("artist", "id").Table("line", "id", "track_id")
            .Fk("track", "album_id", "album").Fk("album", "artist_id", "artist").Fk("line", "track_id", "track").Build();
        Assert.Equal(["artist", "album", "track", "line"], Order(ForeignKeyGraph.Build(schema)));
    }

    [Fact]
    public void Order_is_the_same_whatever_order_tables_are_listed_in()
    {
        var a = new SchemaBuilder().Table("b", "id", "c_id").Table("c", "id").Table("a", "id").Table("d", "id", "c_id")
            .Fk("b", "c_id", "c").Fk("d", "c_id", "c").Build();
        var reversed = a with { Tables = a.Tables.Reverse().ToList() };
        Assert.Equal(["a", "c", "b", "d"], Order(ForeignKeyGraph.Build(a)));
        Assert.Equal(Order(ForeignKeyGraph.Build(a)), Order(ForeignKeyGraph.Build(reversed)));
    }

    [Fact]
    public void Self_reference_is_kept_apart_and_does_not_block_the_order()
    {
        var schema = new SchemaBuilder().Table("employee", Int("id"), Int("manager_id", nullable: true)).Fk("employee", "manager_id", "employee").Build();
        var graph = ForeignKeyGraph.Build(schema);
        Assert.Equal(["employee"], Order(graph));
        Assert.Single(graph.SelfReferences);
        Assert.Empty(graph.Cycles);
        Assert.Empty(graph.DeferredKeys);
    }

    [Fact]
    public void Cycle_is_found_and_broken_at_the_nullable_key()
    {
        var schema = new SchemaBuilder()
            .Table("department", Int("id"), Int("head_id", nullable: true))
            .Table("staff", Int("id"), Int("department_id"))
            .Fk("department", "head_id", "staff").Fk("staff", "department_id", "department").Build();
        var graph = ForeignKeyGraph.Build(schema);
        var cycle = Assert.Single(graph.Cycles);
        Assert.Equal(["department", "staff"], cycle.Select(n => n.Name));
        var deferred = Assert.Single(graph.DeferredKeys);
        Assert.Equal("head_id", deferred.ForeignKey.Columns[0]);
        Assert.True(deferred.IsNullable);
        Assert.Equal(["department", "staff"], Order(graph));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Cycle_without_a_nullable_key_is_broken_all_the_same_and_reported()
    {
        var schema = new SchemaBuilder()
            .Table("a", Int("id"), Int("b_id")).Table("b", Int("id"), Int("c_id")).Table("c", Int("id"), Int("a_id"))
            .Fk("a", "b_id", "b").Fk("b", "c_id", "c").Fk("c", "a_id", "a").Build();
        var graph = ForeignKeyGraph.Build(schema);
        Assert.Equal(3, Assert.Single(graph.Cycles).Count);
        var deferred = Assert.Single(graph.DeferredKeys);
        Assert.False(deferred.IsNullable);
        Assert.Equal("a", deferred.ForeignKey.Table.Name);
        Assert.Contains(graph.Warnings, w => w.Contains("no nullable foreign key", StringComparison.Ordinal));
        Assert.Equal(["a", "c", "b"], Order(graph));
    }

    [Fact]
    public void Two_interlocked_cycles_defer_enough_keys_to_order_every_table()
    {
        var schema = new SchemaBuilder()
            .Table("a", Int("id"), Int("b_id", true), Int("c_id", true)).Table("b", Int("id"), Int("a_id"))
            .Table("c", Int("id"), Int("a_id"))
            .Fk("a", "b_id", "b").Fk("b", "a_id", "a").Fk("a", "c_id", "c").Fk("c", "a_id", "a").Build();
        var graph = ForeignKeyGraph.Build(schema);
        Assert.Equal(2, graph.DeferredKeys.Count);
        Assert.All(graph.DeferredKeys, d => Assert.Equal("a", d.ForeignKey.Table.Name));
        Assert.Equal(["a", "b", "c"], Order(graph));
    }

    [Fact]
    public void Foreign_key_to_a_table_not_read_is_a_warning_not_an_edge()
    {
        var schema = new SchemaBuilder().Table("child", "id", "ghost_id").Fk("child", "ghost_id", "ghost").Build();
        var graph = ForeignKeyGraph.Build(schema);
        Assert.Equal(["child"], Order(graph));
        Assert.Contains(graph.Warnings, w => w.Contains("ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_keys_to_one_parent_and_many_to_many_link_tables()
    {
        var schema = new SchemaBuilder().Table("city", "id").Table("flight", "id", "origin", "destination")
            .Table("playlist", "id").Table("track", "id").Table("playlist_track", "playlist_id", "track_id")
            .Key("playlist_track", "playlist_id", "track_id")
            .Fk("flight", "origin", "city").Fk("flight", "destination", "city")
            .Fk("playlist_track", "playlist_id", "playlist").Fk("playlist_track", "track_id", "track").Build();
        var order = Order(ForeignKeyGraph.Build(schema)).ToList();
        Assert.True(order.IndexOf("city") < order.IndexOf("flight"));
        Assert.True(order.IndexOf("playlist") < order.IndexOf("playlist_track"));
        Assert.True(order.IndexOf("track") < order.IndexOf("playlist_track"));
    }

    [Fact]
    public void Five_hundred_tables_in_a_deep_chain_order_without_recursion_trouble()
    {
        var builder = new SchemaBuilder();
        for (var i = 0; i < 500; i++) builder.Table($"t{i:D3}", "id", "parent_id");
        for (var i = 1; i < 500; i++) builder.Fk($"t{i:D3}", "parent_id", $"t{i - 1:D3}");
        var order = Order(ForeignKeyGraph.Build(builder.Build()));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"t{i:D3}"), order);
    }
}
