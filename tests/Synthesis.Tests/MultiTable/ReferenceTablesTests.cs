using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>Which tables are copied verbatim as lookups: the rules of <see cref="ReferenceTables"/>, each on its own.</summary>
public sealed class ReferenceTablesTests
{
    private static ColumnSchema Col(string name, LogicalType type, SdType sdType) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = false, SdType = sdType };

    private static TableSchema Table(string name, long rows, params ColumnSchema[] columns) => new()
    {
        Name = new QualifiedName(null, name),
        Columns = new[] { Col("id", LogicalType.Int64, SdType.Id) }.Concat(columns).Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, ["id"]),
        RowCount = rows,
    };

    private static TableSchema Child(string name, long rows, string parent) => Table(name, rows, Col(parent + "_id", LogicalType.Int64, SdType.Id)) with
    {
        ForeignKeys = [new ForeignKeySchema { Table = new QualifiedName(null, name), Columns = [parent + "_id"], PrincipalTable = new QualifiedName(null, parent), PrincipalColumns = ["id"] }],
    };

    private static TableRole RoleOf(TableSchema lookup, long childRows, ReferenceOptions? options = null)
    {
        var schema = new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = [lookup, Child("child", childRows, lookup.Name.Name)] };
        return ReferenceTables.Detect(schema, options ?? new ReferenceOptions())[lookup.Name];
    }

    private static readonly ColumnSchema Label = Col("name", LogicalType.String, SdType.Categorical);

    [Fact]
    public void A_small_vocabulary_that_many_rows_point_at_is_copied()
    {
        var role = RoleOf(Table("genre", 25, Label), 3_503);
        Assert.True(role.IsReference, role.Reason);
    }

    [Fact]
    public void A_table_about_as_large_as_its_referrers_holds_entities_and_is_generated()
    {
        // 347 albums for 3,503 tracks: each title is content, not a shared label.
        var role = RoleOf(Table("album", 347, Label), 3_503);
        Assert.False(role.IsReference);
        Assert.Contains("entities, not a vocabulary", role.Reason, StringComparison.Ordinal);
        Assert.True(RoleOf(Table("album", 59, Label), 3_503).IsReference);
    }

    [Theory]
    [InlineData("personal data")]
    [InlineData("a date")]
    [InlineData("a measure")]
    public void Personal_data_dates_and_measures_make_a_table_an_entity(string kind)
    {
        var column = kind switch
        {
            "personal data" => Col("email", LogicalType.String, SdType.Pii),
            "a date" => Col("opened", LogicalType.Date, SdType.Datetime),
            _ => Col("beds", LogicalType.Int32, SdType.Numerical),
        };
        var role = RoleOf(Table("clinic", 60, Label, column), 100_000);
        Assert.False(role.IsReference);
        Assert.Contains(kind, role.Reason, StringComparison.Ordinal);
        // A very small table with a number is still a lookup (a status with a sort order).
        if (kind == "a measure") Assert.True(RoleOf(Table("status", 5, Label, column), 1_000).IsReference);
    }

    [Fact]
    public void The_sources_counts_win_over_the_catalogs_estimates()
    {
        // A PostgreSQL table never analysed estimates 0 rows; the fit's counts of the relationship are exact.
        var genre = Table("genre", 0, Label);
        var track = Child("track", 0, "genre");
        track = track with { ForeignKeys = [track.ForeignKeys[0] with { Statistics = new RelationshipStatistics(25, 3_503, 0, 25) }] };
        var roles = ReferenceTables.Detect(new DatabaseSchema { Engine = DatabaseEngine.PostgreSql, Tables = [genre, track] }, new ReferenceOptions());
        Assert.True(roles[genre.Name].IsReference, roles[genre.Name].Reason);

        var album = Table("album", 0, Label);
        var song = Child("song", 0, "album");
        song = song with { ForeignKeys = [song.ForeignKeys[0] with { Statistics = new RelationshipStatistics(347, 3_503, 0, 347) }] };
        roles = ReferenceTables.Detect(new DatabaseSchema { Engine = DatabaseEngine.PostgreSql, Tables = [album, song] }, new ReferenceOptions());
        Assert.False(roles[album.Name].IsReference);
    }

    [Fact]
    public void Unreferenced_empty_and_large_tables_are_generated()
    {
        var alone = new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = [Table("genre", 25, Label)] };
        Assert.False(ReferenceTables.Detect(alone, new ReferenceOptions())[new QualifiedName(null, "genre")].IsReference);
        Assert.False(RoleOf(Table("genre", 0, Label), 3_503).IsReference);
        Assert.False(RoleOf(Table("code", 1_001, Label), 10_000_000).IsReference);
    }

    [Fact]
    public void Reference_tables_none_and_globs_become_the_users_word_on_each_table()
    {
        var schema = new DatabaseSchema { Engine = DatabaseEngine.Sqlite, Tables = [Table("genre", 25, Label), Table("media_type", 5, Label), Table("album", 347, Label)] };
        Assert.Same(schema, ReferenceOptions.Parse("auto").ApplyTo(schema));
        Assert.All(ReferenceOptions.Parse("none").ApplyTo(schema).Tables, t => Assert.False(t.ReferenceOverride));
        var globs = ReferenceOptions.Parse("Genre, media*").ApplyTo(schema).Tables.ToDictionary(t => t.Name.Name, t => t.ReferenceOverride);
        Assert.Equal(new bool?[] { true, true, false }, new[] { globs["genre"], globs["media_type"], globs["album"] });
        var e = Assert.Throws<ArgumentException>(() => ReferenceOptions.Parse("Nope*").ApplyTo(schema));
        Assert.Contains("Nope* names no table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_users_word_wins_both_ways_but_personal_data_is_never_copied()
    {
        Assert.True(RoleOf(Table("album", 347, Label) with { ReferenceOverride = true }, 3_503).IsReference);
        // Personal data is never copied, whoever names the table (a metadata file whose plan predates the column's pii mark).
        var personal = RoleOf(Table("region", 4, Col("name", LogicalType.String, SdType.Pii)) with { ReferenceOverride = true }, 3_503);
        Assert.False(personal.IsReference);
        Assert.Contains("column name is personal data, which is never copied", personal.Reason, StringComparison.Ordinal);
        Assert.False(RoleOf(Table("genre", 25, Label) with { ReferenceOverride = false }, 3_503).IsReference);
        Assert.False(RoleOf(Table("genre", 25, Label), 3_503, new ReferenceOptions { Automatic = false }).IsReference);
    }
}
