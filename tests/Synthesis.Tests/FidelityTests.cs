using System.Globalization;
using Sdv.Connector.Synthesis.Transforms;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests;

public sealed class FidelityTests(FittedTableFixture fixture) : IClassFixture<FittedTableFixture>
{
    [Theory]
    [InlineData("normal")]
    [InlineData("skewed")]
    [InlineData("bimodal")]
    [InlineData("counts")]
    [InlineData("day")]
    [InlineData("nullable")]
    public void Numeric_column_KS_complement_is_at_least_0_95(string column)
    {
        var real = Values(fixture.Real, column);
        var synthetic = Values(fixture.Synthetic, column);
        var ks = Stats.KsComplement(real, synthetic);
        Assert.True(ks >= 0.95, $"{column}: KS complement {ks:F4}");
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("cat50")]
    [InlineData("status")]
    [InlineData("rare_cat")]
    public void Categorical_column_TV_complement_is_at_least_0_95(string column)
    {
        var i = FittedTableFixture.Index(column);
        var tv = Stats.TvComplement(fixture.Real.Select(r => r[i]), fixture.Synthetic.Select(r => r[i]));
        Assert.True(tv >= 0.95, $"{column}: TV complement {tv:F4}");
    }

    [Fact]
    public void Null_share_of_a_30_percent_null_column_is_kept_within_2_points()
    {
        var i = FittedTableFixture.Index("nullable");
        var real = fixture.Real.Count(r => r[i] is null) / (double)fixture.Real.Count;
        var synthetic = fixture.Synthetic.Count(r => r[i] is null) / (double)fixture.Synthetic.Count;
        Assert.InRange(real, 0.28, 0.32);
        Assert.InRange(synthetic, real - 0.02, real + 0.02);
    }

    [Theory]
    [InlineData("normal", "skewed")]
    [InlineData("normal", "bimodal")]
    [InlineData("skewed", "counts")]
    [InlineData("bimodal", "day")]
    [InlineData("normal", "nullable")]
    [InlineData("normal", "counts")]
    public void Correlation_is_kept_within_0_05(string a, string b)
    {
        var real = Stats.Pearson(Pairs(fixture.Real, a, b));
        var synthetic = Stats.Pearson(Pairs(fixture.Synthetic, a, b));
        Assert.True(Math.Abs(real - synthetic) <= 0.05, $"{a}~{b}: real {real:F3}, synthetic {synthetic:F3}");
    }

    [Fact]
    public void Text_lengths_follow_the_real_length_distribution()
    {
        var i = FittedTableFixture.Index("notes");
        var real = fixture.Real.Where(r => r[i] is string).Select(r => (double)((string)r[i]!).Length).ToList();
        var synthetic = fixture.Synthetic.Where(r => r[i] is string).Select(r => (double)((string)r[i]!).Length).ToList();
        Assert.True(Stats.KsComplement(real, synthetic) >= 0.95);
    }

    internal static List<double> Values(List<object?[]> rows, string column)
    {
        var i = FittedTableFixture.Index(column);
        return rows.Where(r => r[i] is not null).Select(r => ScalarConverter.ToDouble(r[i]!, KindOf(r[i]!))).ToList();
    }

    private static List<(double, double)> Pairs(List<object?[]> rows, string a, string b)
    {
        var i = FittedTableFixture.Index(a);
        var j = FittedTableFixture.Index(b);
        return rows.Where(r => r[i] is not null && r[j] is not null)
            .Select(r => (ScalarConverter.ToDouble(r[i]!, KindOf(r[i]!)), ScalarConverter.ToDouble(r[j]!, KindOf(r[j]!))))
            .ToList();
    }

    private static ValueKind KindOf(object v) => v is DateOnly ? ValueKind.Date : ValueKind.Double;

    internal static string Text(object? v) => v is null ? "<null>" : Convert.ToString(v, CultureInfo.InvariantCulture)!;
}
