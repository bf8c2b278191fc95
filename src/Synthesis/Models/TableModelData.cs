using Sdv.Connector.Synthesis.Joint;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Everything a model file holds: statistics and formats, no row, no real pii/text value, no rare category.</summary>
internal sealed class TableModelData
{
    public string? Schema { get; set; }

    public string Table { get; set; } = string.Empty;

    /// <summary>Rows seen while fitting.</summary>
    public long RowCount { get; set; }

    /// <summary>The table's columns in order, then the context columns.</summary>
    public List<ColumnModel> Columns { get; set; } = [];

    /// <summary>Dimensions of the transformed space the columns own (numbered 0..n-1 by the column models).</summary>
    public int DimensionCount { get; set; }

    /// <summary>How the columns vary together: copula, CART or ARF (see <see cref="JointModel"/>).</summary>
    public JointModel Joint { get; set; } = new CopulaJointModel();

    /// <summary>CHECK expressions as the engine printed them (schema, not data), re-parsed on load.</summary>
    public List<string> Checks { get; set; } = [];

    /// <summary>Multi-column unique keys (column names), enforced while sampling.</summary>
    public List<List<string>> UniqueKeys { get; set; } = [];

    public List<string> Warnings { get; set; } = [];

    /// <summary>Columns that are functions of another column in the source, applied after each row is drawn.</summary>
    public List<DependencyModel> Dependencies { get; set; } = [];

    /// <summary>Pairs of columns ordered in every source row, held while sampling as CHECKs are.</summary>
    public List<ColumnOrder> Orders { get; set; } = [];

    /// <summary>Dates written as an earlier date of the row plus a learned difference, after each row is drawn.</summary>
    public List<ColumnOffset> Offsets { get; set; } = [];

    public int RareCategoryThreshold { get; set; }

    public string Locale { get; set; } = "en";

    public int MaxRejectionTries { get; set; } = 100;
}
