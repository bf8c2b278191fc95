namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>One token with its span in the source text, so expressions can be cut out verbatim.</summary>
internal readonly record struct SqliteToken(SqliteTokenKind Kind, string Text, int Start, int End)
{
    /// <summary>The identifier or string value with its quotes removed and doubled quotes undone.</summary>
    public string Value => Kind switch
    {
        SqliteTokenKind.QuotedIdentifier when Text[0] == '[' => Text[1..^1],
        SqliteTokenKind.QuotedIdentifier => Text[1..^1].Replace(new string(Text[0], 2), Text[0].ToString(), StringComparison.Ordinal),
        SqliteTokenKind.String => Text[1..^1].Replace("''", "'", StringComparison.Ordinal),
        _ => Text,
    };

    /// <summary>True for a bare word equal to <paramref name="keyword"/> (SQLite keywords are case-insensitive).</summary>
    public bool Is(string keyword) => Kind == SqliteTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsName => Kind is SqliteTokenKind.Word or SqliteTokenKind.QuotedIdentifier or SqliteTokenKind.String;
}
