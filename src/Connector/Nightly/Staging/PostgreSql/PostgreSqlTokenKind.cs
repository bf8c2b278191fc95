namespace Sdv.Connector.Nightly.Staging.PostgreSql;

/// <summary>What a <see cref="PostgreSqlToken"/> is, as far as names in the text matter.</summary>
internal enum PostgreSqlTokenKind
{
    /// <summary>An unquoted identifier or key word (folded to lower case by the server).</summary>
    Identifier,

    /// <summary>A double-quoted identifier, case kept.</summary>
    QuotedIdentifier,

    /// <summary>A string constant: '...', E'...', U&amp;'...', B'...', X'...', or $tag$...$tag$.</summary>
    String,

    /// <summary>A -- line comment or a (nested) /* block comment */.</summary>
    Comment,

    Whitespace,

    /// <summary>The '.' between the parts of a qualified name.</summary>
    Dot,

    /// <summary>The '::' of a cast.</summary>
    Cast,

    /// <summary>A number, a $1 parameter, an operator or punctuation.</summary>
    Other,
}
