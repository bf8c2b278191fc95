using Sdv.Connector.Nightly.Staging.PostgreSql;
using Xunit;

namespace Sdv.Connector.Tests.Nightly.Staging;

/// <summary>Definitions as PostgreSQL prints them, in; the same with the cloned schemas pointed at staging, out.</summary>
public sealed class PostgreSqlStagingNamesTests
{
    // Cloned schemas: public (tables orders, sales, customer; sequence inv_seq) and sales (table o; type mood), and "Odd Name" (table "T").
    private static readonly PostgreSqlStagingNames Names = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["public"] = "public__sdv_staging",
            ["sales"] = "sales__sdv_staging",
            ["Odd Name"] = "Odd Name__sdv_staging",
        },
        new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["public"] = ["orders", "sales", "customer", "inv_seq"],
            ["sales"] = ["o", "mood"],
            ["Odd Name"] = ["T"],
        });

    public static TheoryData<string, string> Definitions => new()
    {
        // pg_get_indexdef always qualifies the table: the "relation public.x does not exist".
        { "CREATE INDEX b_a ON public.orders USING btree (a_id)", "CREATE INDEX b_a ON \"public__sdv_staging\".orders USING btree (a_id)" },
        { "CREATE UNIQUE INDEX u ON ONLY sales.o USING btree (lower((x)::text)) WHERE (y > 0)", "CREATE UNIQUE INDEX u ON ONLY \"sales__sdv_staging\".o USING btree (lower((x)::text)) WHERE (y > 0)" },
        // A view: the schema-qualified table is rewritten, table.column references are not.
        { " SELECT o.id,\n    orders.v\n   FROM sales.o\n     JOIN orders ON orders.id = o.b_id;", " SELECT o.id,\n    orders.v\n   FROM \"sales__sdv_staging\".o\n     JOIN orders ON orders.id = o.b_id;" },
        // A table named like a schema: sales.amount is the column amount of public.sales, not an object of schema sales.
        { "SELECT sales.amount FROM public.sales", "SELECT sales.amount FROM \"public__sdv_staging\".sales" },
        // Three parts always start with the schema; a call always names a function.
        { "SELECT sales.o.id FROM sales.o", "SELECT \"sales__sdv_staging\".o.id FROM \"sales__sdv_staging\".o" },
        { "(sales.tax (o.amount) > 0)", "(\"sales__sdv_staging\".tax (o.amount) > 0)" },
        // A sequence named in a regclass constant (a nextval default), qualified or not.
        { "nextval('public.inv_seq'::regclass)", "nextval('\"public__sdv_staging\".inv_seq'::regclass)" },
        { "nextval('inv_seq'::regclass)", "nextval('inv_seq'::regclass)" },
        { "nextval('\"Odd Name\".\"S\"'::regclass)", "nextval('\"Odd Name__sdv_staging\".\"S\"'::regclass)" },
        // Casts to a type of a cloned schema.
        { "'happy'::sales.mood", "'happy'::\"sales__sdv_staging\".mood" },
        // Quoted names are matched as written, unquoted ones folded to lower case.
        { "SELECT * FROM \"Odd Name\".\"T\" JOIN SALES.O ON true", "SELECT * FROM \"Odd Name__sdv_staging\".\"T\" JOIN \"sales__sdv_staging\".O ON true" },
        { "SELECT * FROM \"Sales\".o", "SELECT * FROM \"Sales\".o" },
        // Schemas that are not cloned, and names inside strings, comments and dollar quotes, stay.
        { "SELECT * FROM other.x", "SELECT * FROM other.x" },
        { "SELECT 'sales.o', E'it\\'s sales.o', $q$ sales.o $q$ -- sales.o\n/* sales.o /* nested */ sales.o */ FROM sales.o",
          "SELECT 'sales.o', E'it\\'s sales.o', $q$ sales.o $q$ -- sales.o\n/* sales.o /* nested */ sales.o */ FROM \"sales__sdv_staging\".o" },
        // Numbers and parameters are not names.
        { "CHECK ((price > 1.5) AND (qty < $1))", "CHECK ((price > 1.5) AND (qty < $1))" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Points_names_of_cloned_schemas_at_staging(string definition, string expected) =>
        Assert.Equal(expected, Names.Rewrite(definition));

    [Theory]
    [InlineData("sales.mood", "\"sales__sdv_staging\".mood")]
    [InlineData("sales.mood[]", "\"sales__sdv_staging\".mood[]")]
    [InlineData("public.citext", "\"public__sdv_staging\".citext")]
    [InlineData("character varying(20)", "character varying(20)")]
    [InlineData("timestamp(3) with time zone", "timestamp(3) with time zone")]
    [InlineData("other.t", "other.t")]
    public void A_type_name_with_a_schema_is_always_schema_and_type(string type, string expected) =>
        Assert.Equal(expected, Names.RewriteType(type));

    [Fact]
    public void Without_cloned_schemas_the_text_is_returned_as_it_is()
    {
        var none = new PostgreSqlStagingNames(new Dictionary<string, string>(), new Dictionary<string, HashSet<string>>());
        const string sql = "SELECT * FROM public.orders";
        Assert.Same(sql, none.Rewrite(sql));
    }

    [Fact]
    public void An_unterminated_string_hides_the_rest_of_the_text()
    {
        Assert.Equal("SELECT 'sales.o FROM sales.o", Names.Rewrite("SELECT 'sales.o FROM sales.o"));
    }
}
