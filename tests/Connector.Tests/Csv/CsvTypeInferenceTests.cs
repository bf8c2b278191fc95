using Sdv.Connector.Csv;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Csv;

public sealed class CsvTypeInferenceTests
{
    private static CsvColumnType Infer(params string?[] values)
    {
        var inference = new CsvTypeInference();
        foreach (var value in values) inference.Observe(value);
        return inference.Result();
    }

    [Fact]
    public void Integers_with_nulls_are_int64()
    {
        Assert.Equal(new CsvColumnType(LogicalType.Int64), Infer("1", null, "-42", "0", "9223372036854775807"));
    }

    [Fact]
    public void Leading_zeros_keep_a_code_as_text()
    {
        Assert.Equal(new CsvColumnType(LogicalType.String, MaxLength: 3), Infer("007", "12"));
    }

    [Fact]
    public void Decimals_get_the_widest_precision_and_scale()
    {
        Assert.Equal(new CsvColumnType(LogicalType.Decimal, 7, 3), Infer("12.5", "1234.125", "-3", "0.75"));
    }

    [Fact]
    public void An_exponent_or_an_integer_overflowing_28_digits_makes_a_double()
    {
        Assert.Equal(LogicalType.Float64, Infer("1.5", "2e10").LogicalType);
        Assert.Equal(LogicalType.Float64, Infer("12345678901234567890.123456789").LogicalType);
        Assert.Equal(new CsvColumnType(LogicalType.Decimal, 20, 0), Infer("12345678901234567890"));
    }

    [Fact]
    public void Booleans_are_true_and_false_in_any_case()
    {
        Assert.Equal(LogicalType.Boolean, Infer("true", "FALSE", null, "True").LogicalType);
        Assert.Equal(LogicalType.Int64, Infer("1", "0").LogicalType);
    }

    [Fact]
    public void Dates_and_timestamps()
    {
        Assert.Equal(LogicalType.Date, Infer("2024-01-31", "1999-12-01").LogicalType);
        Assert.Equal(LogicalType.DateTime, Infer("2024-01-31 10:00:00", "2024-02-01T08:30", "2024-02-02", "2024-02-03 10:00:00.125").LogicalType);
        Assert.Equal(LogicalType.DateTimeWithTimeZone, Infer("2024-01-31T10:00:00Z", "2024-01-31T10:00:00+02:00").LogicalType);
        Assert.Equal(LogicalType.String, Infer("2024-01-31T10:00:00Z", "2024-01-31T10:00:00").LogicalType);
        Assert.Equal(LogicalType.String, Infer("2024-02-30").LogicalType);
        Assert.Equal(LogicalType.String, Infer("31/01/2024").LogicalType);
    }

    [Fact]
    public void One_nonconforming_value_falls_back_to_text_with_its_longest_length()
    {
        Assert.Equal(new CsvColumnType(LogicalType.String, MaxLength: 7), Infer("1", "2", "unknown", "4"));
        Assert.Equal(LogicalType.String, Infer("1.5", "n/a").LogicalType);
        Assert.Equal(LogicalType.String, Infer("2024-01-01", "").LogicalType);
    }

    [Fact]
    public void A_column_without_values_is_text()
    {
        Assert.Equal(new CsvColumnType(LogicalType.Text), Infer(null, null));
    }

    [Fact]
    public void Parses_values_into_canonical_cells()
    {
        Assert.True(CsvTypeInference.TryParse("-5", LogicalType.Int64, out var l));
        Assert.Equal(-5L, l);
        Assert.True(CsvTypeInference.TryParse("12.50", LogicalType.Decimal, out var m));
        Assert.Equal(12.50m, m);
        Assert.True(CsvTypeInference.TryParse("TRUE", LogicalType.Boolean, out var b));
        Assert.Equal(true, b);
        Assert.True(CsvTypeInference.TryParse("2024-03-01", LogicalType.DateTime, out var dt));
        Assert.Equal(new DateTime(2024, 3, 1), dt);
        Assert.True(CsvTypeInference.TryParse("2024-03-01T10:00:00+02:00", LogicalType.DateTimeWithTimeZone, out var dto));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), dto);
        Assert.False(CsvTypeInference.TryParse("n/a", LogicalType.Int64, out _));
    }
}
