namespace Sdv.Connector.Engines;

/// <summary>
/// One field a <see cref="RowDataReader"/> exposes: its name, the index of the value in the
/// source row, and the CLR type its values have after conversion.
/// </summary>
internal sealed record RowDataField(string Name, int SourceOrdinal, Type FieldType);
