namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>The lexical classes the CREATE TABLE reader needs; everything else is <see cref="Symbol"/>.</summary>
internal enum SqliteTokenKind
{
    /// <summary>A bare word: keyword, unquoted identifier or number.</summary>
    Word,
    /// <summary>"x", `x` or [x].</summary>
    QuotedIdentifier,
    /// <summary>'text' (also X'..' blobs, whose prefix is a separate word).</summary>
    String,
    OpenParen,
    CloseParen,
    Comma,
    Symbol,
}
