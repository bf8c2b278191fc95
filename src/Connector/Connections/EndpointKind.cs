namespace Sdv.Connector.Connections;

/// <summary>What an endpoint points at. A CSV folder is not a database engine, so it is a kind of its own.</summary>
internal enum EndpointKind
{
    /// <summary>A database of one of the <see cref="SchemaIntrospection.Model.DatabaseEngine"/> engines.</summary>
    Database,

    /// <summary>A folder holding one CSV file per table.</summary>
    CsvFolder,
}
