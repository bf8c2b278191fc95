using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// What an sdtype name in a metadata file means to us: the sdtype, the pii kind where it is one,
/// and a note where a generic generator stands in for a Faker method we have none for.
/// </summary>
public sealed record SdTypeReading(SdType SdType, PiiKind? Pii, string? StandInNote = null);
