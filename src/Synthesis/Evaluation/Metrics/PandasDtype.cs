using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// The pandas dtype a column of our cells would have once read into a DataFrame, for TableStructure.
/// Mapping (see docs/evaluation-json.md): datetime sdtype → datetime64[ns] (SDMetrics parses it),
/// unless a value cannot be parsed (object); all bool → bool (object with a null, as pandas does);
/// all integer → int64 (float64 with a null); integers, decimals and floats → float64; DateTime,
/// DateOnly, DateTimeOffset → datetime64[ns]; TimeSpan → timedelta64[ns]; anything else or a mix
/// (string, Guid, byte[], TimeOnly) → object. A column with no value takes float64 for numerical,
/// datetime64[ns] for datetime and object otherwise, so an empty table is judged by its metadata.
/// </summary>
internal static class PandasDtype
{
    public const string Int64 = "int64";
    public const string Float64 = "float64";
    public const string Object = "object";
    public const string Bool = "bool";
    public const string Datetime = "datetime64[ns]";
    public const string Timedelta = "timedelta64[ns]";

    public static string Infer(IReadOnlyList<object?> values, SdType sdType)
    {
        bool anyNull = false, anyValue = false, allBool = true, allInteger = true, allNumber = true, allDatetime = true, allTimedelta = true;
        foreach (var value in values)
        {
            if (CellValues.IsNull(value))
            {
                anyNull = true;
                continue;
            }

            anyValue = true;
            allBool &= value is bool;
            var integer = value is long or int or short or sbyte or byte or ushort or uint or ulong;
            allInteger &= integer;
            allNumber &= integer || value is double or float or decimal;
            allDatetime &= value is DateTime or DateOnly or DateTimeOffset;
            allTimedelta &= value is TimeSpan;
        }

        if (!anyValue)
        {
            return sdType switch
            {
                SdType.Numerical => Float64,
                SdType.Datetime => Datetime,
                _ => Object,
            };
        }

        if (sdType == SdType.Datetime)
        {
            return CellValues.TryToNumbers(values, out _, out _) && !allBool ? Datetime : Object;
        }

        if (allBool)
        {
            return anyNull ? Object : Bool;
        }

        if (allInteger)
        {
            return anyNull ? Float64 : Int64;
        }

        if (allNumber)
        {
            return Float64;
        }

        if (allDatetime)
        {
            return Datetime;
        }

        return allTimedelta ? Timedelta : Object;
    }
}
