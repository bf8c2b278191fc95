namespace Sdv.Connector.Synthesis.Structured;

/// <summary>The structured value kinds the connector learns and generates (canonical forms in <see cref="StructuredKinds"/>).</summary>
internal enum StructuredKind
{
    /// <summary>An array (PostgreSQL), canonical form a JSON array.</summary>
    Array,
    Json,
    Xml,
    Bytes,
    /// <summary>A PostGIS or MySQL geometry/geography, canonical form EWKT (<c>SRID=4326;POINT(1 2)</c>).</summary>
    Geometry,
    /// <summary>A PostgreSQL built-in geometric type (point, line, lseg, box, path, polygon, circle), its own text form.</summary>
    PgGeometric,
    Inet,
    Cidr,
    MacAddress,
    BitString,
    /// <summary>A PostgreSQL range or multirange, its own text form (<c>[1,5)</c>).</summary>
    Range,
    TsVector,
    /// <summary>A PostgreSQL composite type, its row text form (<c>(1,"a b",)</c>).</summary>
    Composite,
    Hstore,
}
