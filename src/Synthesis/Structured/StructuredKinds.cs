using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Which columns are structured, and of which kind. Canonical values (what readers give and
/// writers take): a JSON array for arrays, the text for json/xml, byte[] for binary, EWKT for
/// geometry, and the PostgreSQL text form for the other kinds.
/// </summary>
internal static class StructuredKinds
{
    /// <summary>Column annotation set by the PostgreSQL introspector on a column of a composite type.</summary>
    public const string CompositeAnnotation = "postgresql:composite";

    /// <summary>Column annotation set by the PostgreSQL introspector on its own geometric types (point, line, lseg, box, path, polygon, circle), which MySQL's same names are not.</summary>
    public const string PgGeometricAnnotation = "postgresql:geometric";

    public static StructuredKind? Of(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var native = BaseName(column.NativeType);
        return column.LogicalType switch
        {
            LogicalType.Array => StructuredKind.Array,
            LogicalType.Json => StructuredKind.Json,
            LogicalType.Xml => StructuredKind.Xml,
            LogicalType.Binary => StructuredKind.Bytes,
            LogicalType.Spatial => column.Annotations.ContainsKey(PgGeometricAnnotation) ? StructuredKind.PgGeometric : StructuredKind.Geometry,
            LogicalType.Network => native.StartsWith("cidr", StringComparison.Ordinal) ? StructuredKind.Cidr
                : native.StartsWith("macaddr", StringComparison.Ordinal) ? StructuredKind.MacAddress : StructuredKind.Inet,
            LogicalType.Bit => StructuredKind.BitString,
            LogicalType.Range => StructuredKind.Range,
            LogicalType.Other when native == "tsvector" => StructuredKind.TsVector,
            LogicalType.Other when native == "hstore" => StructuredKind.Hstore,
            LogicalType.Other when column.Annotations.ContainsKey(CompositeAnnotation) => StructuredKind.Composite,
            _ => null,
        };
    }

    /// <summary>The type's name without its modifiers or schema: <c>public.geometry(Point,4326)</c> → <c>geometry</c>.</summary>
    public static string BaseName(string nativeType)
    {
        ArgumentNullException.ThrowIfNull(nativeType);
        var name = nativeType.Trim().ToLowerInvariant();
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0) name = name[..paren];
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..];
        return name.Trim('"', ' ');
    }
}
