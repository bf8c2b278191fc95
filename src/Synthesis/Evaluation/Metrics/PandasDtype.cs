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
/// Values are seen one distinct value at a time (<see cref="Accumulator"/>), so a column never has to be held.
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
        var accumulator = new Accumulator();
        var anyNull = false;
        foreach (var value in values)
        {
            if (CellValues.IsNull(value))
            {
                anyNull = true;
                continue;
            }

            accumulator.Add(value!);
        }

        return accumulator.Result(anyNull, sdType);
    }

    /// <summary>The dtype of a column known only by the CLR type of its cells (all of that type), whether it has NULLs and whether it has values.</summary>
    public static string OfType(Type cellType, bool anyNull, bool anyValue, SdType sdType)
    {
        var accumulator = new Accumulator();
        if (anyValue)
        {
            accumulator.AddType(cellType, parses: sdType != SdType.Datetime || cellType != typeof(string));
        }

        return accumulator.Result(anyNull, sdType);
    }

    /// <summary>The kinds of the values seen so far.</summary>
    internal sealed class Accumulator
    {
        private bool _anyValue;
        private bool _allBool = true;
        private bool _allInteger = true;
        private bool _allNumber = true;
        private bool _allDatetime = true;
        private bool _allTimedelta = true;
        private bool _allParse = true;

        public void Add(object value)
        {
            // Once one value does not parse the column does not, and the failed parse (an exception) need not be paid per value.
            var parses = _allParse;
            if (parses)
            {
                try
                {
                    _ = CellValues.ToNumber(value);
                }
                catch (FormatException)
                {
                    parses = false;
                }
            }

            AddType(value.GetType(), parses);
        }

        public void AddType(Type type, bool parses)
        {
            _anyValue = true;
            _allBool &= type == typeof(bool);
            var integer = type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
                || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);
            _allInteger &= integer;
            _allNumber &= integer || type == typeof(double) || type == typeof(float) || type == typeof(decimal);
            _allDatetime &= type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
            _allTimedelta &= type == typeof(TimeSpan);
            _allParse &= parses;
        }

        public string Result(bool anyNull, SdType sdType)
        {
            if (!_anyValue)
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
                return _allParse && !_allBool ? Datetime : Object;
            }

            if (_allBool)
            {
                return anyNull ? Object : Bool;
            }

            if (_allInteger)
            {
                return anyNull ? Float64 : Int64;
            }

            if (_allNumber)
            {
                return Float64;
            }

            if (_allDatetime)
            {
                return Datetime;
            }

            return _allTimedelta ? Timedelta : Object;
        }
    }
}
