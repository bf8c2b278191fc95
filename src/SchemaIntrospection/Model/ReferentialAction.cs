namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>ON DELETE / ON UPDATE action of a foreign key.</summary>
public enum ReferentialAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}
