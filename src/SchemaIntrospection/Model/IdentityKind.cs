namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>How a column gets its value from the database itself.</summary>
public enum IdentityKind
{
    None,
    /// <summary>SQL-standard identity (PostgreSQL GENERATED ... AS IDENTITY, SQL Server IDENTITY).</summary>
    Identity,
    /// <summary>PostgreSQL serial: a default of nextval() on an owned sequence.</summary>
    Serial,
    /// <summary>MySQL/MariaDB AUTO_INCREMENT.</summary>
    AutoIncrement,
    /// <summary>SQLite INTEGER PRIMARY KEY, an alias of the rowid.</summary>
    RowId,
}
