namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>The relational engines the connector reads and writes.</summary>
public enum DatabaseEngine
{
    Sqlite,
    PostgreSql,
    MySql,
    SqlServer,
}
