using Sdv.Connector.SchemaIntrospection.Inference;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Inference;

public sealed class KeyNamesTests
{
    private static int? Rank(string child, string column, string parent, string parentKey)
    {
        var builder = new SchemaBuilder().Table(parent, Int(parentKey));
        if (child != parent) builder.Table(child, Int("row_key"), Int(column));
        else builder = new SchemaBuilder().Table(parent, Int(parentKey), Int(column));
        var schema = builder.Build();
        var c = schema.Tables.Single(t => t.Name.Name == child);
        var p = schema.Tables.Single(t => t.Name.Name == parent);
        return KeyNames.Match(c, c.Column(column), p, parentKey)?.Rank;
    }

    [Theory]
    [InlineData("visit", "person_id", "person", "person_id", 0)]
    [InlineData("Invoice", "CustomerId", "Customer", "CustomerId", 0)]
    [InlineData("orders", "customer_id", "customer", "id", 1)]
    [InlineData("orders", "customer_id", "customers", "id", 1)]
    [InlineData("product", "category_id", "categories", "id", 1)]
    [InlineData("Track", "MediaTypeId", "MediaType", "MediaTypeId", 0)]
    [InlineData("Track", "MediaTypeId", "media_types", "id", 1)]
    [InlineData("line", "order_no", "orders", "id", 1)]
    [InlineData("orders", "customer", "customer", "id", 2)]
    [InlineData("orders", "Customer", "CUSTOMERS", "ID", 2)]
    [InlineData("Employee", "ReportsTo", "Employee", "EmployeeId", 3)]
    [InlineData("category", "parent_id", "category", "id", 3)]
    [InlineData("ps_category", "id_parent", "ps_category", "id_category", 3)]
    [InlineData("posts", "rootid", "posts", "id", 3)]
    [InlineData("posts", "root_id", "posts", "id", 3)]
    [InlineData("category", "parentid", "category", "id", 3)]
    [InlineData("Customer", "SupportRepId", "Employee", "EmployeeId", 4)]
    [InlineData("department", "head_id", "staff", "id", 4)]
    [InlineData("orders", "billing_customer_id", "customer", "customer_id", 5)]
    [InlineData("orders", "ship_via", "shippers", "shipper_id", 6)]
    public void Names_that_point_at_a_parent(string child, string column, string parent, string key, int rank)
    {
        Assert.Equal(rank, Rank(child, column, parent, key));
    }

    [Theory]
    [InlineData("wp_postmeta", "post_id", "wp_posts", "ID", 1)]
    [InlineData("wp_comments", "comment_post_ID", "wp_posts", "ID", 5)]
    [InlineData("mdl_course_modules", "course", "mdl_course", "id", 2)]
    [InlineData("mdl_enrol", "courseid", "mdl_course", "id", 1)]
    [InlineData("tblOrder", "CustomerId", "tblCustomer", "Id", 1)]
    public void Names_that_point_at_a_parent_without_the_schemas_table_prefix(string child, string column, string parent, string key, int rank)
    {
        var prefix = KeyNames.CommonPrefix([new(null, child), new(null, parent), new(null, "other")]);
        var schema = new SchemaBuilder().Table(parent, Int(key)).Table(child, Int("row_key"), Int(column)).Build();
        var (c, p) = (schema.Tables.Single(t => t.Name.Name == child), schema.Tables.Single(t => t.Name.Name == parent));
        Assert.Equal(rank, KeyNames.Match(c, c.Column(column), p, key, prefix)?.Rank);
        // The prefix is what hid them.
        Assert.True(KeyNames.Match(c, c.Column(column), p, key)?.Rank is null or > 2);
    }

    [Theory]
    [InlineData("wp", "wp_posts", "wp_postmeta", "wp_users", "wp_comments")]
    [InlineData("mdl", "mdl_course", "mdl_user", "config")]
    [InlineData("tbl", "tblCustomer", "tblOrder")]
    [InlineData(null, "order_line", "customer", "product")]
    [InlineData(null, "order_line", "order_status", "customer", "product")]
    [InlineData(null, "posts", "users")]
    public void A_table_prefix_is_a_first_word_most_tables_share(string? prefix, params string[] tables) =>
        Assert.Equal(prefix, KeyNames.CommonPrefix(tables.Select(t => new QualifiedName(null, t)).ToList()));

    [Theory]
    [InlineData("orders", "code", "region", "code")]
    [InlineData("orders", "quantity", "customer", "id")]
    [InlineData("orders", "id", "customer", "id")]
    [InlineData("customer", "region_name", "city", "id")]
    [InlineData("employee", "employee_id", "employee", "employee_id")]
    [InlineData("employee", "salary", "employee", "employee_id")]
    [InlineData("handle", "ROWID", "attachment", "ROWID")]
    [InlineData("message", "oid", "chat", "oid")]
    [InlineData("urls", "visit_count", "visits", "id")]
    [InlineData("urls", "typed_count", "types", "id")]
    [InlineData("orders", "customer_total", "customer", "id")]
    public void Names_that_do_not(string child, string column, string parent, string key)
    {
        Assert.Null(Rank(child, column, parent, key));
    }

    [Theory]
    [InlineData("categories", "category")]
    [InlineData("addresses", "address")]
    [InlineData("orders", "order")]
    [InlineData("status", "status")]
    [InlineData("boxes", "box")]
    [InlineData("class", "class")]
    public void Singulars(string plural, string singular) => Assert.Equal(singular, KeyNames.Singular(plural));

    [Theory]
    [InlineData("customer", "id", 0)]
    [InlineData("customers", "customer_id", 1)]
    [InlineData("InvoiceLine", "InvoiceLineId", 1)]
    [InlineData("order_details", "order_detail_id", 1)]
    [InlineData("us_states", "state_id", 2)]
    [InlineData("orders", "tracking_code", 2)]
    [InlineData("orders", "total", null)]
    public void Primary_key_names_rank_by_how_plainly_they_name_the_table(string table, string column, int? rank)
    {
        var schema = new SchemaBuilder().Table(table, Int("x"), Column(column, LogicalType.Int32)).Build();
        Assert.Equal(rank, KeyNames.PrimaryKeyRank(schema.Tables[0], schema.Tables[0].Column(column)));
    }

    [Fact]
    public void Only_comparable_types_match()
    {
        Assert.True(KeyNames.Compatible(Column("a", LogicalType.Int16), Column("b", LogicalType.Int64)));
        Assert.True(KeyNames.Compatible(Column("a", LogicalType.FixedString), Column("b", LogicalType.Text)));
        Assert.False(KeyNames.Compatible(Column("a", LogicalType.String), Column("b", LogicalType.Int32)));
        Assert.False(KeyNames.Compatible(Column("a", LogicalType.Float64), Column("b", LogicalType.Float64)));
    }
}
