namespace Sdv.Connector.SchemaIntrospection.Model;

internal static class EmptyAnnotations
{
    public static readonly IReadOnlyDictionary<string, string> Instance =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
}
