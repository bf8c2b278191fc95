namespace Sdv.Connector.Nightly.Staging.PostgreSql;

/// <summary>One lexical token of PostgreSQL text: its kind and where it lies in the text.</summary>
internal readonly record struct PostgreSqlToken(PostgreSqlTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public string Text(string sql) => sql.Substring(Start, Length);
}
