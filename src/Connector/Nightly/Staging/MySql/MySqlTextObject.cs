namespace Sdv.Connector.Nightly.Staging.MySql;

/// <summary>
/// A MariaDB/MySQL object that lives as text in its database and cannot be moved to another with
/// RENAME TABLE (a view, a trigger, a procedure or function): its kind, name, the statement that
/// creates it (SHOW CREATE) and the sql_mode it was created under.
/// </summary>
internal sealed record MySqlTextObject(string Kind, string Name, string CreateSql, string SqlMode)
{
    /// <summary>DROP ... IF EXISTS of this object in <paramref name="database"/>, quoted with <paramref name="quote"/>.</summary>
    public string DropSql(string database, Func<string, string> quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return $"DROP {Kind} IF EXISTS {quote(database)}.{quote(Name)}";
    }
}
