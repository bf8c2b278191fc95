using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Csv;

/// <summary>What <see cref="CsvTypeInference"/> concluded about a column: the logical type and its size.</summary>
/// <param name="LogicalType">Boolean, Int64, Decimal, Float64, Date, DateTime, DateTimeWithTimeZone, String (bounded) or Text.</param>
/// <param name="Precision">Decimal digits in all (Decimal only).</param>
/// <param name="Scale">Digits after the point (Decimal only).</param>
/// <param name="MaxLength">Longest value in characters (String only).</param>
internal sealed record CsvColumnType(LogicalType LogicalType, int? Precision = null, int? Scale = null, int? MaxLength = null);
