using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.SchemaIntrospection.Tests.Sqlite;

public sealed class SqliteCreateTableParserTests
{
    [Fact]
    public void Reads_column_and_table_checks_in_declaration_order_respecting_quotes_and_parentheses()
    {
        var definition = SqliteCreateTableParser.Parse(""""
            CREATE TABLE "we(ird" (
              a INTEGER CHECK (a > 0) NOT NULL,
              b TEXT CONSTRAINT ck_b CHECK (b IN ('x,y', 'z)', 'q''s')) DEFAULT 'x,y',
              [c d] NUMERIC(10, 2) /* CHECK (nope) */ CHECK ((("c d" + 1) * 2) < 100), -- CHECK (nope either)
              CONSTRAINT "ck, ""e""" CHECK (a < 10 OR b = ')'),
              CHECK (length(b) BETWEEN 1 AND 5)
            )
            """");
        Assert.Equal(
        [
            new CheckConstraintSchema(null, "a > 0"),
            new CheckConstraintSchema("ck_b", "b IN ('x,y', 'z)', 'q''s')"),
            new CheckConstraintSchema(null, "((\"c d\" + 1) * 2) < 100"),
            new CheckConstraintSchema("ck, \"e\"", "a < 10 OR b = ')'"),
            new CheckConstraintSchema(null, "length(b) BETWEEN 1 AND 5"),
        ], definition.Checks);
        Assert.Equal(["a", "b", "c d"], definition.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Reads_generated_expressions_collations_autoincrement_and_table_options()
    {
        var definition = SqliteCreateTableParser.Parse("""
            CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT COLLATE NOCASE,
              total REAL GENERATED ALWAYS AS (price * (1 + tax)) STORED, up AS (upper(name)) VIRTUAL, price REAL, tax REAL)
              WITHOUT ROWID, STRICT
            """);
        Assert.True(definition.FindColumn("ID")!.IsAutoIncrement);
        Assert.Equal("NOCASE", definition.FindColumn("name")!.Collation);
        Assert.Equal(("price * (1 + tax)", true), (definition.FindColumn("total")!.GeneratedSql, definition.FindColumn("total")!.IsStored));
        Assert.Equal(("upper(name)", false), (definition.FindColumn("up")!.GeneratedSql, definition.FindColumn("up")!.IsStored));
        Assert.Null(definition.FindColumn("price")!.GeneratedSql);
        Assert.True(definition.WithoutRowId);
        Assert.True(definition.IsStrict);
    }

    [Fact]
    public void Keeps_constraint_names_the_pragmas_lose()
    {
        var definition = SqliteCreateTableParser.Parse("""
            CREATE TABLE line (a INT CONSTRAINT uq_a UNIQUE, b INT REFERENCES other, c INT, d INT,
              CONSTRAINT pk_line PRIMARY KEY (c, d), CONSTRAINT fk_cd FOREIGN KEY (c, d) REFERENCES parent (x, y), UNIQUE (b, c))
            """);
        Assert.Equal("pk_line", definition.PrimaryKeyName);
        Assert.Equal([("uq_a", "a"), (null, "b,c")], definition.Uniques.Select(u => (u.Name, string.Join(',', u.Columns))));
        Assert.Equal([(null, "b"), ("fk_cd", "c,d")], definition.ForeignKeys.Select(f => (f.Name, string.Join(',', f.Columns))));
        Assert.False(definition.WithoutRowId);
    }

    [Theory]
    [InlineData("CREATE INDEX ix ON t (a) WHERE a > 0", "a > 0")]
    [InlineData("CREATE UNIQUE INDEX ix ON t (coalesce(a, 'where')) WHERE \"where\" IS NOT NULL AND b = 'x'", "\"where\" IS NOT NULL AND b = 'x'")]
    [InlineData("CREATE INDEX ix ON t (a)", null)]
    public void Reads_the_predicate_of_a_partial_index(string sql, string? expected) =>
        Assert.Equal(expected, SqliteCreateTableParser.IndexFilter(sql));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM other")]
    public void Text_without_a_column_list_gives_an_empty_definition(string? sql)
    {
        var definition = SqliteCreateTableParser.Parse(sql);
        Assert.Empty(definition.Columns);
        Assert.Empty(definition.Checks);
    }
}
