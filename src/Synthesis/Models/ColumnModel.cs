using System.Text.Json.Serialization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// What the model keeps of one column (statistics and format, never values of rows) and how it
/// turns copula probabilities back into a cell. One subclass per role.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "role")]
[JsonDerivedType(typeof(ContinuousColumnModel), "continuous")]
[JsonDerivedType(typeof(CategoricalColumnModel), "categorical")]
[JsonDerivedType(typeof(IdColumnModel), "id")]
[JsonDerivedType(typeof(PiiColumnModel), "pii")]
[JsonDerivedType(typeof(TextColumnModel), "text")]
[JsonDerivedType(typeof(FixedColumnModel), "fixed")]
[JsonDerivedType(typeof(Structured.StructuredColumnModel), "structured")]
internal abstract class ColumnModel
{
    /// <summary>The position of the column named <paramref name="name"/> among <paramref name="columns"/>, or -1.</summary>
    internal static int IndexOf(IReadOnlyList<ColumnModel> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name) return i;
        }

        return -1;
    }

    public string Name { get; set; } = string.Empty;

    public LogicalType LogicalType { get; set; }

    public bool IsNullable { get; set; } = true;

    public int? MaxLength { get; set; }

    public int? Precision { get; set; }

    public int? Scale { get; set; }

    public IReadOnlyList<string>? EnumValues { get; set; }

    /// <summary>
    /// The .NET format of dates kept as text (a varchar of <c>2025-01-02T10:11:12Z</c>): the model draws dates, the
    /// column gets them as text in this layout (see <see cref="StoredColumns"/>); null for any other column.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? TextFormat { get; set; }

    /// <summary>True where the column keeps its text as UTF-8 bytes (a VARBINARY of titles): the model draws text, the column gets its bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Utf8Bytes { get; set; }

    /// <summary>A single-column primary or unique key: no value is emitted twice.</summary>
    public bool IsUnique { get; set; }

    /// <summary>An appended context column (multi-table): modelled, conditioned on, never output.</summary>
    public bool IsContext { get; set; }

    /// <summary>An appended column that is always given when sampling (a parent's column), never drawn; child counts and averages are drawn.</summary>
    public bool IsGiven { get; set; }

    /// <summary>Non-null values seen while fitting.</summary>
    public long Count { get; set; }

    public long Nulls { get; set; }

    [JsonIgnore]
    public ValueKind Kind => ValueKinds.Of(LogicalType);

    [JsonIgnore]
    public double NullShare => Count + Nulls == 0 ? 0 : Nulls / (double)(Count + Nulls);

    /// <summary>Copula dimensions this column owns (none by default).</summary>
    [JsonIgnore]
    public virtual IEnumerable<int> Dimensions => [];

    /// <summary>Describes this column's dimensions (see <see cref="Dimensions"/>) for the joint model, by dimension index.</summary>
    public virtual void DescribeDimensions(Joint.JointDimension?[] into)
    {
    }

    /// <summary>A null-indicator dimension: bucket 0 is NULL (u below the null share), bucket 1 a value.</summary>
    protected Joint.JointDimension NullIndicator() => new(Name, Joint.DimensionKind.Categorical, [Math.Clamp(NullShare, 1e-12, 1 - 1e-12), 1.0], IsGiven);

    /// <summary>Gives this column's dimensions new numbers from <paramref name="next"/> on, in the order of <see cref="Dimensions"/> (a copied model joins another table's space).</summary>
    public virtual void RenumberDimensions(ref int next)
    {
    }

    /// <summary>
    /// A copy of what a model file keeps of this column (statistics and all), prepared, as reading the column back from
    /// its file would give. Fitted statistics are never changed in place after the fit, so the copy shares them; what a
    /// copy does change (its name, flags and dimension numbers) is its own, and what sampling builds lazily is not shared.
    /// </summary>
    public ColumnModel Clone()
    {
        // A JSON round trip did this before, and building the serializer's contract of every column model on first use
        // cost 0.2-0.5 s of CPU in each clone that never writes a model file (a third of a small database's fit).
        var copy = CopyKept();
        copy.Prepare();
        return copy;
    }

    /// <summary>
    /// The copy <see cref="Clone"/> prepares: this column's members with those a model file leaves out (values seen
    /// while fitting in this process, caches) reset, and nested parts that <see cref="Prepare"/> or sampling change
    /// copied. A subclass with such members overrides it.
    /// </summary>
    protected virtual ColumnModel CopyKept() => (ColumnModel)MemberwiseClone();

    /// <summary>Builds lookup tables after fitting or loading.</summary>
    public virtual void Prepare()
    {
    }

    /// <summary>
    /// Writes the normal scores of <paramref name="value"/> into this column's dimensions of
    /// <paramref name="z"/> (NaN where the value says nothing); <see cref="NotNull"/> fixes only
    /// the null indicator. Used both to fit the correlation and to condition on fixed values.
    /// </summary>
    public virtual void Encode(object? value, Span<double> z, Xoshiro256 random)
    {
    }

    /// <summary>The cell for copula probabilities <paramref name="u"/> (indexed by dimension).</summary>
    public abstract object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime);

    /// <summary>A fresh value for a unique column whose draw repeated; <paramref name="attempt"/> counts up.</summary>
    public virtual object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        Span<double> u = stackalloc double[0];
        return Generate(u, runtime);
    }
}
